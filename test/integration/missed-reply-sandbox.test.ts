import type { Sandbox } from '../../sandbox';
import { forgePorts } from '../../src/adapters/forge-ports';
import { AGENT, marks, runDays, withApps } from './review-world';

const PARTNER = 'partner-0';

/** One app approved on 2026-03-04: its 2027 notice goes out on 2027-03-11, the window opens in the last week of March. */
async function oneApp() {
  const { sandbox, keys } = await withApps(1, { seed: 3 });
  return { sandbox, key: keys[0] ?? '' };
}

describe('a reply whose comment event never came', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('is read from the ticket instead of reminding the partner; the late event changes nothing', async () => {
    const made = await oneApp();
    sandbox = made.sandbox;
    const { key } = made;
    await runDays(sandbox, '2027-03-11', '2027-03-14');
    sandbox.clock.set('2027-03-15T10:00:00Z');
    const replyId = sandbox.jira.addComment(key, {
      author: PARTNER,
      body: 'NO, nothing significant changed this year.',
    });
    const lost = sandbox.jira.takeEvents();
    expect(lost.some((e) => e.eventType === 'avi:jira:commented:issue')).toBe(true);

    await runDays(sandbox, '2027-03-15', '2027-03-31');
    expect(marks(sandbox, key)).toEqual(['2027:notice', '2027:window-note']);
    const ports = forgePorts();
    const recorded = await ports.apps.get(key);
    const cycle = recorded?.reviews.find((c) => c.id === '2027');
    expect(cycle?.state).toBe('in-review');
    expect(cycle?.answer).toMatchObject({ value: 'NO', source: 'reply', commentId: replyId, by: PARTNER });
    expect(cycle?.checks.find((c) => c.id === 'significant-changes')?.result).toBe('passed');

    const commentsBefore = sandbox.jira.comments(key).length;
    const history = await ports.audit.forIssue(key, 100);
    sandbox.jira.outbox.push(...lost);
    await sandbox.deliverPendingEvents();
    const after = await ports.apps.get(key);
    expect(after?.version).toBe(recorded?.version);
    expect(sandbox.jira.comments(key)).toHaveLength(commentsBefore);
    expect(await ports.audit.forIssue(key, 100)).toHaveLength(history.length);
    expect(history.filter((e) => e.kind === 'answer-recorded')).toHaveLength(1);
    expect(sandbox.stats().contractViolations).toEqual([]);
  });

  it("an agent's public comment and the app's own notice are not an answer: the reminder goes out once", async () => {
    const made = await oneApp();
    sandbox = made.sandbox;
    const { key } = made;
    await runDays(sandbox, '2027-03-11', '2027-03-14');
    sandbox.clock.set('2027-03-15T10:00:00Z');
    sandbox.jira.addComment(key, { author: AGENT, body: 'No worries, answer YES or NO when you can.', public: true });
    sandbox.jira.takeEvents();

    await runDays(sandbox, '2027-03-15', '2027-03-31');
    sandbox.clock.set('2027-03-31T12:00:00Z');
    await sandbox.runScheduledTrigger();
    expect(marks(sandbox, key)).toEqual(['2027:notice', '2027:window-note', '2027:answer-reminder']);
    expect((await forgePorts().apps.get(key))?.reviews.find((c) => c.id === '2027')?.answer).toBeUndefined();
    expect(sandbox.stats().contractViolations).toEqual([]);
  });

  it('a reply after the reminder whose event is lost is read before the window closes', async () => {
    const made = await oneApp();
    sandbox = made.sandbox;
    const { key } = made;
    await runDays(sandbox, '2027-03-11', '2027-03-29');
    expect(marks(sandbox, key)).toContain('2027:answer-reminder');
    sandbox.clock.set('2027-03-30T10:00:00Z');
    const replyId = sandbox.jira.addComment(key, { author: PARTNER, body: 'Yes, we changed our data storage.' });
    sandbox.jira.takeEvents();

    await runDays(sandbox, '2027-03-30', '2027-04-02');
    const cycle = (await forgePorts().apps.get(key))?.reviews.find((c) => c.id === '2027');
    expect(cycle?.answer).toMatchObject({ value: 'YES', commentId: replyId, source: 'reply' });
    expect(marks(sandbox, key).filter((m) => m === '2027:answer-reminder')).toHaveLength(1);
    expect(sandbox.stats().contractViolations).toEqual([]);
  });
});
