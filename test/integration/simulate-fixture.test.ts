import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../run-cli';

function fixtureFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'cf-simulate-'));
  const file = join(dir, 'fixture.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const good = (n: number) => ({ ticket: `CFP-${n}`, app: 'Acme', approvedOn: '2026-03-04', actions: [] });

describe('simulate rejects bad input with status 2 and says where', () => {
  it.each([
    [
      { apps: [good(1), good(2), { ...good(3), approvedOn: '2025-02-30' }] },
      'apps[2].approvedOn: "2025-02-30" is not a date',
    ],
    [
      { apps: [{ ...good(1), actions: [{ on: '2027-03-01', by: 'partner', reply: '' }] }] },
      'apps[0].actions[0].reply: the reply must not be empty',
    ],
    [
      { apps: [{ ...good(1), actions: [{ on: '2027-03-01', by: 'agent', check: 'bug-bounty', result: 'maybe' }] }] },
      'apps[0].actions[0].result',
    ],
    [{ apps: [{ ...good(1), actions: [{ on: '2027-03-01', by: 'robot' }] }] }, 'apps[0].actions[0].by'],
    [
      { apps: [{ ...good(1), ticket: 'ACME-1' }] },
      'apps[0].ticket: must be a ticket of the sandbox project, like CFP-1',
    ],
    [{ apps: [good(1), good(1)] }, "apps[1].ticket: CFP-1 is already apps[0]'s ticket"],
    [{ apps: [{ approvedOn: '2026-03-04', ticket: 'CFP-1' }] }, 'apps[0].app'],
    [{ apps: [] }, 'apps: needs at least one app'],
    [{ apps: [good(1)], timezone: 'Mars/Olympus' }, 'timezone: "Mars/Olympus" is not a known IANA time zone'],
    ['{ not json', 'is not JSON'],
  ])('%j', async (content, message) => {
    const result = await runCli([
      'simulate',
      '--fixture',
      fixtureFile(content),
      '--from',
      '2027-03-01',
      '--to',
      '2027-03-02',
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it.each([
    [['--from', '2027-03-01', '--to', '2027-03-02'], '--fixture FILE is required'],
    [['--fixture', 'x.json', '--from', '2027-02-30', '--to', '2027-03-02'], '--from: "2027-02-30" is not a date'],
    [['--fixture', 'x.json', '--from', '2027-03-05', '--to', '2027-03-02'], 'is before --from'],
    [
      ['--fixture', 'x.json', '--from', '2027-03-01', '--to', '2027-03-02', '--faults', '2'],
      '--faults must be a number from 0 to 1',
    ],
    [['--fixture', 'x.json', '--from', '2027-03-01', '--to', '2027-03-02', '--speed', '3'], 'unknown option "--speed"'],
    [['--fixture', '/nonexistent/f.json', '--from', '2027-03-01', '--to', '2027-03-02'], 'cannot read the fixture'],
  ])('%j', async (args, message) => {
    const result = await runCli(['simulate', ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
