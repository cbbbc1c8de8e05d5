import { readFileSync } from 'fs';
import { join } from 'path';
import { parseFixture } from '../../cli/simulate-fixture';
import { eventLine, type SimulatedEvent } from '../../cli/simulate-events';
import { runSimulation, type SimulationResult } from '../../cli/simulate-run';

jest.setTimeout(300_000);

const fixture = parseFixture(readFileSync(join(__dirname, '..', 'fixtures', 'simulate', 'issue-11.json'), 'utf8'));
const range = { from: '2027-03-01', to: '2027-05-10' };
const lines = (events: { on: string; ticket: string; cycle: unknown; event: string }[]) =>
  events.map((e) => `${e.on} ${e.ticket} ${String(e.cycle)} ${e.event}`);
/** One app's events, with the fields that say more (due, answer, raisedBy). */
const walk = (events: SimulatedEvent[], ticket: string) =>
  events
    .filter((e) => e.ticket === ticket)
    .map((e) =>
      [e.on, String(e.cycle), e.event, e.due ?? e.answer ?? e.raisedBy].filter((part) => part !== undefined).join(' '),
    );

/** The start of an annual review with its window in late March 2027, the partner answering NO on `answeredOn`. */
const marchReview = (answeredOn: string) => [
  '2027-03-05 null program-update-announced',
  '2027-03-11 2027 notice-posted',
  '2027-03-11 2027 form-attached',
  `${answeredOn} 2027 answer-recorded NO`,
  '2027-03-25 2027 window-opened',
];

describe('simulate walks issue 11, one app for each point, each event on its day', () => {
  let result: SimulationResult;
  let events: SimulatedEvent[];
  const commentOf = (ticket: string, event: string) =>
    events.find((e) => e.ticket === ticket && e.event === event)?.comment;

  beforeAll(async () => {
    result = await runSimulation(fixture, { ...range, faults: 0, seed: 1, comments: true }, true);
    events = result.events;
  });
  afterAll(async () => {
    await result.sandbox?.close();
  });

  it('applies every fixture action, within the platform’s contract', () => {
    expect(result.skipped).toEqual([]);
    expect(result.contractViolations).toBe(0);
  });

  it('a program update is announced on its day to every approved app, in one public comment each', () => {
    const announced = events.filter((e) => e.event === 'program-update-announced');
    expect(lines(announced)).toEqual(
      ['CFP-1', 'CFP-2', 'CFP-3', 'CFP-5', 'CFP-6', 'CFP-7', 'CFP-10'].map(
        (t) => `2027-03-05 ${t} null program-update-announced`,
      ),
    );
    for (const e of announced) expect(e.comment?.public).toBe(true);
    const comment = commentOf('CFP-2', 'program-update-announced');
    expect(comment?.text).toContain(
      'Software bill of materials, applies to every annual review whose window starts on or after 20 April 2027 (UTC time)',
    );
    expect(JSON.parse(eventLine(announced[1]!))).toMatchObject({
      cycle: null,
      event: 'program-update-announced',
      update: 'update-1',
      comment: { public: true },
    });
  });

  it('a review whose checks all passed in its window passes; its window, before the update’s effective day, has no new check', () => {
    expect(walk(events, 'CFP-1')).toEqual([...marchReview('2027-03-12'), '2027-04-01 2027 passed']);
    expect(commentOf('CFP-1', 'window-opened')?.text).not.toContain('Software bill of materials');
  });

  it('an agent’s escalation and a customer’s open an escalation review, told to the partner without naming the customer', async () => {
    const escalation = (
      day: string,
      raisedBy: string,
      remediationOn: string,
      due: string,
      reminder: string,
      overdue: string,
    ) => [
      '2027-03-05 null program-update-announced',
      `${day} esc-1 escalation-opened ${raisedBy}`,
      `${day} esc-1 window-opened`,
      `${day} esc-1 notice-posted`,
      `${day} esc-1 form-attached`,
      // The partner never answered the significant-change question: that is theirs to resolve.
      `${remediationOn} esc-1 remediation-started ${due}`,
      `${reminder} esc-1 reminder-posted`,
      `${overdue} esc-1 overdue`,
    ];
    expect(walk(events, 'CFP-2')).toEqual(
      escalation('2027-03-08', 'atlassian', '2027-03-15', '2027-04-11', '2027-04-04', '2027-04-12'),
    );
    expect(walk(events, 'CFP-3')).toEqual(
      escalation('2027-03-09', 'customer', '2027-03-16', '2027-04-12', '2027-04-05', '2027-04-13'),
    );
    const notice = commentOf('CFP-3', 'notice-posted');
    expect(notice?.public).toBe(true);
    expect(notice?.text).not.toMatch(/simulated-customer|A customer/);

    // The customer's request: linked to the approval ticket, told in a public comment.
    const sandbox = result.sandbox!;
    const request =
      sandbox.jira.issueKeys().find((k) => sandbox.jira.issue(k)?.requestType === 'Report a concern about an app') ??
      '';
    expect(sandbox.jira.links(request)).toEqual([{ type: 'Relates', inwardKey: request, outwardKey: 'CFP-3' }]);
    expect(sandbox.jira.comments(request).map((c) => [c.public, c.text.split('\n')[0]])).toEqual([
      [true, 'Thank you for raising this concern. We have opened a review of Comet Timesheets with its developer.'],
    ]);
  });

  it('checks never run by the window’s end: the agents are told in an internal note, nothing is put on the partner', () => {
    expect(walk(events, 'CFP-5')).toEqual([...marchReview('2027-03-13'), '2027-04-01 2027 checks-not-run']);
    const note = commentOf('CFP-5', 'checks-not-run');
    expect(note?.public).toBe(false);
    expect(note?.text).toContain('Checks not run:\nSupport contact\n\nBug Bounty');
  });

  it('a check failing after the window: remediation with four weeks from the day the partner is told, in a public comment naming it', () => {
    expect(walk(events, 'CFP-6')).toEqual([
      ...marchReview('2027-03-13'),
      '2027-04-01 2027 checks-not-run',
      '2027-04-20 2027 remediation-started 2027-05-18',
    ]);
    const comment = commentOf('CFP-6', 'remediation-started');
    expect(comment?.public).toBe(true);
    expect(comment?.text).toContain('Bug Bounty: The app still takes part in the Marketplace Bug Bounty program.');
    expect(comment?.text).toContain('Please resolve them by 18 May 2027 (UTC).');
    // The agent's note stays internal.
    expect(comment?.text).not.toContain('left the Marketplace Bug Bounty program in February');
  });

  it('a check failed in the window: remediation at the usual date, a reminder, then overdue, each told to the partner', () => {
    expect(walk(events, 'CFP-7')).toEqual([
      ...marchReview('2027-03-15'),
      '2027-04-01 2027 remediation-started 2027-04-28',
      '2027-04-21 2027 reminder-posted',
      '2027-04-29 2027 overdue',
    ]);
    for (const event of ['remediation-started', 'reminder-posted', 'overdue']) {
      const comment = commentOf('CFP-7', event);
      expect(comment?.public).toBe(true);
      expect(comment?.text).toContain('Support contact: An up-to-date support contact is listed.');
      expect(comment?.text).toContain('28 April 2027 (UTC)');
    }
    expect(commentOf('CFP-7', 'overdue')?.text).toContain(
      'has been escalated to the Cloud Fortified Apps Program team',
    );
    expect(commentOf('CFP-7', 'overdue')?.text).not.toContain('support portal link is broken');
  });

  it('a late start: imported after the notice day, the notice and the form go out that day', () => {
    expect(walk(events, 'CFP-8')).toEqual([
      '2027-03-15 2027 notice-posted',
      '2027-03-15 2027 form-attached',
      '2027-03-16 2027 answer-recorded NO',
      '2027-03-25 2027 window-opened',
      '2027-04-01 2027 passed',
    ]);
  });

  it('imported after its window had ended, and approved during the run: no review events this year, the next one scheduled', async () => {
    expect(walk(events, 'CFP-9')).toEqual([]);
    expect(walk(events, 'CFP-4')).toEqual([]);
    const apps = (await import('../../src/adapters/forge-ports')).forgePorts().apps;
    const late = await apps.get('CFP-9');
    expect(late?.reviews.map((c) => [c.id, c.state])).toEqual([
      ['2027', 'not-opened'],
      ['2028', 'scheduled'],
    ]);
    expect(await apps.get('CFP-4')).toMatchObject({
      approval: { approvedOn: '2027-03-20' },
      reviews: [{ id: '2028', state: 'scheduled' }],
    });
  });

  it('a review whose window starts after the update’s effective day has the new check, and the agent’s result for it counts', async () => {
    expect(walk(events, 'CFP-10')).toEqual([
      '2027-03-05 null program-update-announced',
      '2027-04-10 2027 notice-posted',
      '2027-04-10 2027 form-attached',
      '2027-04-12 2027 answer-recorded NO',
      '2027-04-24 2027 window-opened',
      '2027-05-01 2027 passed',
    ]);
    expect(commentOf('CFP-10', 'window-opened')?.text).toContain('Software bill of materials');
    const app = await (await import('../../src/adapters/forge-ports')).forgePorts().apps.get('CFP-10');
    expect(app?.reviews.find((c) => c.id === '2027')?.checks.find((c) => c.id === 'sbom')).toMatchObject({
      result: 'passed',
      by: 'simulated-agent',
    });
  });
});

describe('the same events with --faults 0.3', () => {
  let clean: string[];
  beforeAll(async () => {
    clean = lines((await runSimulation(fixture, { ...range, faults: 0, seed: 1 })).events).sort();
  });

  it.each([3, 8, 13])('seed %i', async (seed) => {
    const faulty = await runSimulation(fixture, { ...range, faults: 0.3, seed });
    expect(faulty.skipped).toEqual([]);
    expect(lines(faulty.events).sort()).toEqual(clean);
    expect(faulty.contractViolations).toBe(0);
  });
});
