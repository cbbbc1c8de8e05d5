import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../run-cli';

async function run(args: string[], input?: string) {
  const { status, stdout, stderr } = await runCli(['classify-reply', ...args], input ?? '');
  return { code: status, stdout, stderr };
}

describe('cf-tracker classify-reply', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cf-reply-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the reply from stdin and prints the classification as JSON', async () => {
    const { code, stdout, stderr } = await run([], 'Yes, we moved to Forge.\n\nThanks,\nJane\n\nSent from my iPhone');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      answer: 'YES',
      categories: ['developer-platform'],
      reason: 'starts with "Yes"',
    });
  });

  it('reads the reply from a file, ignoring the quoted notice', async () => {
    const file = join(dir, 'reply.txt');
    writeFileSync(
      file,
      'No significant changes this year.\n\nOn Tue, 11 Mar 2027 at 09:12, Support <support@example.com> wrote:\n> Start your reply with YES or NO.\n',
    );
    const { code, stdout } = await run([file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ answer: 'NO', categories: [], reason: 'starts with "No"' });
  });

  it('says UNCLEAR when the reply is not clearly one answer', async () => {
    const { code, stdout } = await run([], 'yes and no');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ answer: 'UNCLEAR', categories: [] });
  });

  it.each([
    ['an empty reply', [] as string[], '  \n\t\n', /the reply is empty/],
    ['a missing file', ['/no/such/reply.txt'], undefined, /cannot read "\/no\/such\/reply\.txt": no such file/],
    ['an unknown option', ['--program', 'x'], 'Yes', /unknown option "--program"/],
    ['two files', ['a.txt', 'b.txt'], 'Yes', /at most one FILE/],
  ])('refuses %s with exit status 2, one line on stderr and nothing on stdout', async (_name, args, input, message) => {
    const { code, stdout, stderr } = await run(args, input);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
