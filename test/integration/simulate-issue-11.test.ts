import { readFileSync } from 'fs';
import { join } from 'path';
import { parseFixture } from '../../cli/simulate-fixture';
import { eventLine } from '../../cli/simulate-events';
import { runSimulation } from '../../cli/simulate-run';

jest.setTimeout(180_000);

const fixture = parseFixture(readFileSync(join(__dirname, '..', 'fixtures', 'simulate', 'issue-11.json'), 'utf8'));
const range = { from: '2027-03-01', to: '2027-05-10' };
const lines = (events: { on: string; ticket: string; cycle: unknown; event: string }[]) => events.map((e) => `${e.on} ${e.ticket} ${String(e.cycle)} ${e.event}`);

describe('simulate walks issue 11: escalations by an agent and by a customer, a program update, an app approved during the run', () => {
  it('prints each event on its day, with the comments it posted', async () => {
    const result = await runSimulation(fixture, { ...range, faults: 0, seed: 1, comments: true }, true);
    const sandbox = result.sandbox;
    try {
      const events = result.events;
      expect(lines(events.filter((e) => ['program-update-announced', 'escalation-opened', 'notice-posted'].includes(e.event)))).toEqual([
        '2027-03-05 CFP-1 null program-update-announced',
        '2027-03-05 CFP-2 null program-update-announced',
        '2027-03-05 CFP-3 null program-update-announced',
        '2027-03-08 CFP-2 esc-1 escalation-opened',
        '2027-03-08 CFP-2 esc-1 notice-posted',
        '2027-03-09 CFP-3 esc-1 escalation-opened',
        '2027-03-09 CFP-3 esc-1 notice-posted',
        '2027-03-11 CFP-1 2027 notice-posted',
      ]);
      expect(events.filter((e) => e.event === 'escalation-opened').map((e) => e.raisedBy)).toEqual(['atlassian', 'customer']);
      // Delta Forms, approved on 2027-03-20 during the run, is tracked from that day: no event before, none for it yet.
      expect(events.some((e) => e.ticket === 'CFP-4')).toBe(false);
      expect(result.skipped).toEqual([]);
      expect(result.contractViolations).toBe(0);

      const announced = events.find((e) => e.event === 'program-update-announced' && e.ticket === 'CFP-2');
      expect(announced?.comment?.public).toBe(true);
      expect(announced?.comment?.text).toContain('Software bill of materials, applies to every annual review whose window starts on or after 20 April 2027 (UTC time)');
      expect(JSON.parse(eventLine(announced!))).toMatchObject({ cycle: null, event: 'program-update-announced', update: 'update-1', comment: { public: true } });
      const notice = events.find((e) => e.event === 'notice-posted' && e.ticket === 'CFP-3');
      expect(notice?.comment?.public).toBe(true);
      expect(notice?.comment?.text).not.toMatch(/simulated-customer|A customer/);
      const remediation = events.find((e) => e.event === 'remediation-started');
      expect(remediation?.comment?.public).toBe(false);
      expect(events.find((e) => e.event === 'form-attached')?.comment).toBeUndefined();

      // The customer's request: linked to the approval ticket, told in a public comment.
      const request = sandbox?.jira.issueKeys().find((k) => sandbox.jira.issue(k)?.requestType === 'Report a concern about an app') ?? '';
      expect(sandbox?.jira.links(request)).toEqual([{ type: 'Relates', inwardKey: request, outwardKey: 'CFP-3' }]);
      expect(sandbox?.jira.comments(request).map((c) => [c.public, c.text.split('\n')[0]])).toEqual([[true, 'Thank you for raising this concern. We have opened a review of Comet Timesheets with its developer.']]);
      expect(await (async () => (await import('../../src/adapters/forge-ports')).forgePorts().apps.get('CFP-4'))()).toMatchObject({ approval: { approvedOn: '2027-03-20' } });
    } finally {
      await sandbox?.close();
    }
  });

  it.each([3, 8])('prints the same events with --faults 0.3 (seed %i)', async (seed) => {
    const clean = await runSimulation(fixture, { ...range, faults: 0, seed: 1 });
    const faulty = await runSimulation(fixture, { ...range, faults: 0.3, seed });
    expect(lines(faulty.events).sort()).toEqual(lines(clean.events).sort());
    expect(faulty.contractViolations).toBe(0);
  });
});
