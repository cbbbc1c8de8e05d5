import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['bin/cf-tracker.js', 'classify-reply', ...args], {
    cwd: root,
    input: input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cf-tracker classify-reply', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cf-reply-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the reply from stdin and prints the classification as JSON', () => {
    const { code, stdout, stderr } = run([], 'Yes, we moved to Forge.\n\nThanks,\nJane\n\nSent from my iPhone');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ answer: 'YES', categories: ['developer-platform'], reason: 'starts with "Yes"' });
  });

  it('reads the reply from a file, ignoring the quoted notice', () => {
    const file = join(dir, 'reply.txt');
    writeFileSync(
      file,
      'No significant changes this year.\n\nOn Tue, 11 Mar 2027 at 09:12, Support <support@example.com> wrote:\n> Start your reply with YES or NO.\n',
    );
    const { code, stdout } = run([file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ answer: 'NO', categories: [], reason: 'starts with "No"' });
  });

  it('says UNCLEAR when the reply is not clearly one answer', () => {
    const { code, stdout } = run([], 'yes and no');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ answer: 'UNCLEAR', categories: [] });
  });

  it.each([
    ['an empty reply', [] as string[], '  \n\t\n', /the reply is empty/],
    ['a missing file', ['/no/such/reply.txt'], undefined, /cannot read "\/no\/such\/reply\.txt": no such file/],
    ['an unknown option', ['--program', 'x'], 'Yes', /unknown option "--program"/],
    ['two files', ['a.txt', 'b.txt'], 'Yes', /at most one FILE/],
  ])('refuses %s with exit status 2, one line on stderr and nothing on stdout', (_name, args, input, message) => {
    const { code, stdout, stderr } = run(args, input);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
