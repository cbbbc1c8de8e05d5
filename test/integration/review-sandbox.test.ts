import type { Sandbox } from '../../sandbox';
import { forgePorts } from '../../src/adapters/forge-ports';
import { addDays } from '../../src/domain/calendar';
import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { noticeComment } from '../../src/domain/messages';
import { AGENT, marks, withApps } from './review-world';

describe('review automation in the sandbox', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('two sweeps at once post the notice and attach the form once', async () => {
    const made = await withApps(3);
    sandbox = made.sandbox;
    sandbox.clock.set('2027-03-11T00:05:00Z');
    await Promise.all([sandbox.runScheduledTrigger(), sandbox.runScheduledTrigger()]);
    await sandbox.runScheduledTrigger();
    for (const key of made.keys) {
      expect(marks(sandbox, key)).toEqual(['2027:notice']);
      expect(sandbox.jira.attachments(key)).toHaveLength(1);
      const notice = sandbox.jira.comments(key)[0];
      expect(notice?.public).toBe(true);
      expect(notice?.text).toContain('2027');
    }
    expect(sandbox.stats().contractViolations).toEqual([]);
  });

  it('the partner sees the notice and the form file on the portal, and never an internal note', async () => {
    const made = await withApps(1);
    sandbox = made.sandbox;
    const key = made.keys[0] ?? '';
    sandbox.clock.set('2027-03-11T00:05:00Z');
    await sandbox.runScheduledTrigger();
    sandbox.jira.addComment(key, { author: AGENT, body: 'Internal: check their bug bounty first.', public: false });
    const asPartner = (path: string, method = 'GET') =>
      sandbox!.jira.handle({
        method,
        path,
        headers: new Headers({ accept: 'application/json' }),
        callerId: 'partner-0',
        selfCaused: false,
      });
    const commentsAnswer = asPartner(`/rest/api/3/issue/${key}/comment`);
    const comments = (await commentsAnswer.json()) as { comments: { body: unknown }[] };
    expect({ status: commentsAnswer.status, comments }).toMatchObject({ status: 200 });
    const texts = comments.comments.map((c) => JSON.stringify(c.body));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('2027');
    const files = (await asPartner(`/rest/servicedeskapi/request/${key}/attachment?start=0&limit=50`).json()) as {
      values: { filename: string }[];
    };
    expect(files.values.map((f) => f.filename)).toEqual([sandbox.jira.attachments(key)[0]?.filename]);
    expect(sandbox.jira.attachments(key)[0]?.public).toBe(true);
    // A file attached the platform's way stays hidden from the customer.
    const issue = sandbox.jira.issue(key)!;
    sandbox.jira.addAttachment(issue, AGENT, 'internal.txt', 'text/plain', Buffer.from('agents only'));
    const after = (await asPartner(`/rest/servicedeskapi/request/${key}/attachment?start=0&limit=50`).json()) as {
      values: { filename: string }[];
    };
    expect(after.values.map((f) => f.filename)).not.toContain('internal.txt');
    expect(sandbox.stats().contractViolations).toEqual([]);
  });

  it('a notice posted by an attempt that died before recording it is not posted again', async () => {
    const made = await withApps(1);
    sandbox = made.sandbox;
    const key = made.keys[0] ?? '';
    sandbox.clock.set('2027-03-11T00:05:00Z');
    const ports = forgePorts();
    const app = await ports.apps.get(key);
    const cycle = app?.reviews[0];
    if (!app || !cycle) throw new Error('the import did not schedule a review');
    // What the dead attempt left behind: the comment on the ticket, the record unchanged.
    await ports.jira.postCommentOnce(
      { issueKey: key, cycleId: cycle.id, effect: 'notice' },
      noticeComment(CLOUD_FORTIFIED, app.appName, cycle),
      'public',
    );
    expect((await ports.apps.get(key))?.reviews[0]?.state).toBe('scheduled');

    await sandbox.runScheduledTrigger();
    expect(marks(sandbox, key)).toEqual(['2027:notice']);
    const recorded = (await ports.apps.get(key))?.reviews[0];
    expect(recorded?.state).toBe('notified');
    expect(recorded?.effects.notice?.id).toBe(sandbox.jira.comments(key)[0]?.id);
  });

  it('with heavy faults every message still goes out exactly once', async () => {
    const made = await withApps(4, { faults: 0.35, seed: 11 });
    sandbox = made.sandbox;
    for (let day = '2027-03-10'; day <= '2027-05-05'; day = addDays(day, 1)) {
      for (const time of ['00:05', '09:00', '17:00', '23:50', '23:55']) {
        sandbox.clock.set(`${day}T${time}:00Z`);
        await sandbox.runScheduledTrigger();
        await sandbox.deliverPendingEvents();
      }
    }
    const faults = sandbox.faultLog().map((f) => f.fault);
    expect(faults).toContain('crash-after-write');
    expect(faults).toContain('duplicate-trigger-run');
    for (const key of made.keys) {
      expect(marks(sandbox, key)).toEqual([
        '2027:notice',
        '2027:window-note',
        '2027:answer-reminder',
        '2027:remediation-note',
        '2027:remediation-comment',
        '2027:remediation-reminder',
        '2027:overdue-note',
        '2027:overdue-comment',
      ]);
      expect(sandbox.jira.attachments(key)).toHaveLength(1);
    }
    expect(sandbox.stats().contractViolations).toEqual([]);
  });
});
