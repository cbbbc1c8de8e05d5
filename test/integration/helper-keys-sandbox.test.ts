import type { Sandbox } from '../../sandbox';
import { marks, runDays, withApps } from './review-world';

/** The helper keys of one-time claims and comment posting notes: what must not pile up. */
function helperKeys(sandbox: Sandbox): string[] {
  return [...sandbox.kvs.keys('once:'), ...sandbox.kvs.keys('posted:')];
}

const REVIEW_2027 = [
  '2027:notice',
  '2027:window-note',
  '2027:answer-reminder',
  '2027:remediation-note',
  '2027:remediation-comment',
  '2027:remediation-reminder',
  '2027:overdue-note',
  '2027:overdue-comment',
];

describe('helper keys in storage', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('a year of reviews without faults leaves no claim and no posting note behind', async () => {
    const made = await withApps(3);
    sandbox = made.sandbox;
    // The first app's partner answers unclearly, then NO: an internal note flags the unclear reply.
    await runDays(sandbox, '2027-03-10', '2027-03-12');
    const first = made.keys[0] ?? '';
    sandbox.jira.addComment(first, { author: 'partner-0', body: 'We will look into it.' });
    await sandbox.deliverPendingEvents();
    sandbox.jira.addComment(first, { author: 'partner-0', body: 'NO' });
    await sandbox.deliverPendingEvents();
    expect(marks(sandbox, first).filter((m) => m.endsWith('unclear-answer-note'))).toHaveLength(1);

    await runDays(sandbox, '2027-03-13', '2027-05-05');
    for (const key of made.keys.slice(1)) expect(marks(sandbox, key)).toEqual(REVIEW_2027);
    expect(helperKeys(sandbox)).toEqual([]);

    // The first app answered NO and no agent ran the checks: the review waits for the agents, not overdue.
    expect(marks(sandbox, first).slice(-1)).toEqual(['2027:checks-not-run-note']);

    // The next year's notice: the 2028 review is under way and its keys are gone too.
    await runDays(sandbox, '2028-03-08', '2028-03-12');
    for (const key of made.keys.slice(1)) expect(marks(sandbox, key)).toContain('2028:notice');
    expect(helperKeys(sandbox)).toEqual([]);
    expect(sandbox.stats().contractViolations).toEqual([]);
  });

  it('with heavy faults every message goes out exactly once and at most one helper key per app remains', async () => {
    const made = await withApps(4, { faults: 0.35, seed: 11 });
    sandbox = made.sandbox;
    await runDays(sandbox, '2027-03-10', '2027-05-05', ['00:05', '09:00', '17:00', '23:55']);
    const faults = sandbox.faultLog();
    // The crashes this run must survive: some right after a record was written, before its cleanup.
    expect(
      faults.filter((f) => f.fault === 'crash-after-write' && f.where.includes('transaction')).length,
    ).toBeGreaterThan(0);
    for (const key of made.keys) {
      expect(marks(sandbox, key)).toEqual(REVIEW_2027);
      expect(sandbox.jira.attachments(key)).toHaveLength(1);
    }

    // The next review is scheduled and under way: what crashes left of the closed one is swept.
    await runDays(sandbox, '2028-03-08', '2028-03-12', ['00:05', '09:00', '17:00']);
    for (const key of made.keys) expect(marks(sandbox, key)).toEqual([...REVIEW_2027, '2028:notice']);
    expect(helperKeys(sandbox).length).toBeLessThanOrEqual(made.keys.length);
    expect(helperKeys(sandbox).filter((k) => k.includes(':2027:'))).toEqual([]);
  });

  it('a duplicate delivery racing the cleanup posts nothing twice', async () => {
    const made = await withApps(2);
    sandbox = made.sandbox;
    sandbox.clock.set('2027-03-11T00:05:00Z');
    // Four sweeps at once: some finish and clean up while others wait on or take the claim after.
    await Promise.all([
      sandbox.runScheduledTrigger(),
      sandbox.runScheduledTrigger(),
      sandbox.runScheduledTrigger(),
      sandbox.runScheduledTrigger(),
    ]);
    await Promise.all([sandbox.deliverPendingEvents(), sandbox.deliverPendingEvents()]);
    // A late redelivery after the cleanup finds the record, not a missing note.
    await sandbox.runScheduledTrigger();
    await sandbox.deliverPendingEvents();
    for (const key of made.keys) {
      expect(marks(sandbox, key)).toEqual(['2027:notice']);
      expect(sandbox.jira.attachments(key)).toHaveLength(1);
    }
    expect(helperKeys(sandbox)).toEqual([]);

    // The same unclear reply delivered twice at once, and again after the first delivery's cleanup.
    const key = made.keys[0] ?? '';
    sandbox.jira.addComment(key, { author: 'partner-0', body: 'Thanks, noted.' });
    await Promise.all([sandbox.deliverPendingEvents(), sandbox.deliverPendingEvents()]);
    const commentId = sandbox.jira.comments(key).find((c) => c.text.includes('Thanks, noted.'))?.id ?? '';
    sandbox.jira.editComment(key, commentId, 'Thanks, noted.');
    await sandbox.deliverPendingEvents();
    expect(marks(sandbox, key).filter((m) => m.endsWith('unclear-answer-note'))).toHaveLength(1);
    expect(helperKeys(sandbox)).toEqual([]);
  });
});
