import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => '',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const COMMANDS = ['schedule', 'classify-reply', 'simulate'];

describe('cf-tracker help', () => {
  it('--help prints the usage and every command with what it does, on stdout', async () => {
    const { code, out, err } = await run('--help');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(/^usage: cf-tracker <command>/);
    for (const name of COMMANDS) expect(out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
  });

  it.each(COMMANDS)('%s --help prints its own usage and runs nothing', async (name) => {
    const { code, out, err } = await run(name, '--help');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.split('\n')[0]).toMatch(new RegExp(`^usage: cf-tracker ${name}( |$)`));
  });

  it('an unknown command is refused with the list of commands', async () => {
    const { code, out, err } = await run('shedule', '--approved', '2026-03-10');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')[0]).toBe('cf-tracker: unknown command "shedule"');
    for (const name of COMMANDS) expect(err).toContain(`  ${name} `);
  });

  it('no command at all prints the usage on stderr with status 2', async () => {
    const { code, err } = await run();
    expect(code).toBe(2);
    expect(err).toMatch(/^usage: cf-tracker <command>/);
  });
});

describe('every refusal is one line naming what was wrong', () => {
  it.each([
    [
      ['schedule', '--approved', '2026-03-10', '--count', '-1'],
      'cf-tracker schedule: --count "-1" must be a whole number from 1 to 50',
    ],
    [
      ['schedule', '--approved', '2026-03-10', '--count=-1'],
      'cf-tracker schedule: --count "-1" must be a whole number from 1 to 50',
    ],
    [
      ['simulate', '--fixture', 'f.json', '--from', '2027-03-01', '--to', '2027-03-02', '--seed', '-x'],
      'cf-tracker simulate: --seed must be a whole number, not "-x"',
    ],
  ])('%j', async (args, line) => {
    const { code, out, err } = await run(...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(line);
  });

  it('a fixture whose agent records a check the program does not have is refused, naming the entry and the checks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-cli-'));
    const file = join(dir, 'fixture.json');
    const action = { on: '2026-03-12', by: 'agent', check: 'nonsense', result: 'passed' };
    writeFileSync(
      file,
      JSON.stringify({ apps: [{ ticket: 'CFP-1', app: 'Acme', approvedOn: '2025-03-10', actions: [action] }] }),
    );
    const { code, out, err } = await run('simulate', '--fixture', file, '--from', '2027-03-01', '--to', '2027-03-02');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      `cf-tracker simulate: ${file}: apps[0].actions[0].check: "nonsense" is not a review check (one of privacy-security-tab, support-contact, bug-bounty, significant-changes)`,
    );
  });
});
