import { addDays } from '../../src/domain/calendar';
import { loadInvocationContext } from '../../src/services/invocation-context';
import { processReviewWork } from '../../src/services/review-work';
import { sweepDueReviews } from '../../src/services/review-sweep';
import { handleTicketEvent } from '../../src/services/ticket-events';
import { approvedApp, memoryPorts } from './review-memory-ports';

/** One sweep at `time` on `day`, with the queue drained by the worker. */
async function sweepAt(mem: ReturnType<typeof memoryPorts>, day: string, time = '00:05') {
  mem.setNow(`${day}T${time}:00.000Z`);
  const ctx = await loadInvocationContext(mem.ports);
  await sweepDueReviews(ctx);
  const outcomes = [];
  while (mem.queue.length)
    outcomes.push(...(await processReviewWork(await loadInvocationContext(mem.ports), mem.queue.shift() ?? [])));
  return outcomes;
}

async function runDays(mem: ReturnType<typeof memoryPorts>, from: string, to: string) {
  for (let day = from; day <= to; day = addDays(day, 1)) await sweepAt(mem, day);
}

const marks = (mem: ReturnType<typeof memoryPorts>, issueKey: string) =>
  mem.comments.filter((c) => c.issueKey === issueKey && c.mark).map((c) => `${c.mark?.cycleId}:${c.mark?.effect}`);

describe('review work on an unanswered review', () => {
  it('posts each message once, on its day, and escalates when the deadline passes', async () => {
    const mem = memoryPorts('2027-02-01T00:00:00Z');
    mem.apps.set('CF-1', approvedApp('CF-1', '2026-03-04', '2027-02-01'));

    await runDays(mem, '2027-03-01', '2027-03-10');
    expect(marks(mem, 'CF-1')).toEqual([]);

    await runDays(mem, '2027-03-11', '2027-03-11');
    expect(marks(mem, 'CF-1')).toEqual(['2027:notice']);
    expect(mem.attachments.map((a) => a.issueKey)).toEqual(['CF-1']);
    expect(mem.comments[0]?.public).toBe(true);

    await runDays(mem, '2027-03-12', '2027-05-31');
    expect(marks(mem, 'CF-1')).toEqual([
      '2027:notice',
      '2027:window-note',
      '2027:answer-reminder',
      '2027:remediation-note',
      '2027:remediation-comment',
      '2027:remediation-reminder',
      '2027:overdue-note',
      '2027:overdue-comment',
    ]);
    // The partner is told in public at remediation and when overdue; the agents' notes stay internal.
    const visibility = (effect: string) => mem.comments.find((c) => c.mark?.effect === effect)?.public;
    expect([
      visibility('remediation-comment'),
      visibility('overdue-comment'),
      visibility('remediation-note'),
      visibility('overdue-note'),
    ]).toEqual([true, true, false, false]);
    const app = mem.apps.get('CF-1');
    expect(app?.reviews[0]?.state).toBe('overdue');
    // The next anniversary is scheduled once this one is closed.
    expect(app?.reviews.map((c) => `${c.id}:${c.state}`)).toEqual(['2027:overdue', '2028:scheduled']);
    const opened = mem.comments.find((c) => c.mark?.effect === 'window-note');
    expect(opened?.public).toBe(false);
    expect(opened?.created.slice(0, 10)).toBe('2027-03-25');
  });

  it('catches up after missed days without stale reminders', async () => {
    const mem = memoryPorts('2027-02-01T00:00:00Z');
    mem.apps.set('CF-2', approvedApp('CF-2', '2026-03-04', '2027-02-01'));
    // No sweep ran from the notice day until the window had started.
    await sweepAt(mem, '2027-03-27');
    expect(marks(mem, 'CF-2')).toEqual(['2027:notice', '2027:window-note']);
  });
});

describe('exactly once', () => {
  it('two workers at once post the notice once', async () => {
    const mem = memoryPorts('2027-03-11T00:05:00Z');
    mem.apps.set('CF-3', approvedApp('CF-3', '2026-03-04', '2027-02-01'));
    const ctx = await loadInvocationContext(mem.ports);
    await Promise.all([processReviewWork(ctx, ['CF-3']), processReviewWork(ctx, ['CF-3'])]);
    await processReviewWork(ctx, ['CF-3']);
    expect(marks(mem, 'CF-3')).toEqual(['2027:notice']);
    expect(mem.audit.filter((e) => e.kind === 'message-posted')).toHaveLength(1);
  });

  it('a failure between posting and recording posts once, and the retry records it', async () => {
    const mem = memoryPorts('2027-03-11T00:05:00Z');
    mem.apps.set('CF-4', approvedApp('CF-4', '2026-03-04', '2027-02-01'));
    mem.failNext.save = Object.assign(new Error('storage unavailable'), { status: 503 });
    const ctx = await loadInvocationContext(mem.ports);
    const first = await processReviewWork(ctx, ['CF-4']);
    expect(first[0]?.outcome).toBe('transient');
    expect(mem.apps.get('CF-4')?.reviews[0]?.state).toBe('scheduled');

    const second = await processReviewWork(ctx, ['CF-4']);
    expect(second[0]?.outcome).toBe('done');
    expect(marks(mem, 'CF-4')).toEqual(['2027:notice']);
    expect(mem.apps.get('CF-4')?.reviews[0]?.state).toBe('notified');
    expect(mem.apps.get('CF-4')?.reviews[0]?.effects.notice?.id).toBe(mem.comments[0]?.id);
  });

  it('one bad ticket does not stop the others', async () => {
    const mem = memoryPorts('2027-03-11T00:05:00Z');
    mem.apps.set('CF-5', { ...approvedApp('CF-5', '2026-03-04', '2027-02-01'), reviews: [{ id: '2027' } as never] });
    mem.apps.set('CF-6', approvedApp('CF-6', '2026-03-04', '2027-02-01'));
    const outcomes = await processReviewWork(await loadInvocationContext(mem.ports), ['CF-5', 'CF-6']);
    expect(outcomes.map((o) => `${o.issueKey}:${o.outcome}`)).toEqual(['CF-5:failed', 'CF-6:done']);
    expect(marks(mem, 'CF-6')).toEqual(['2027:notice']);
  });
});

describe('partner replies', () => {
  const commentEvent = (issueKey: string, id: string, text: string, author = 'partner-1', extra: object = {}) => ({
    eventType: 'avi:jira:commented:issue',
    issue: { id: '10001', key: issueKey, fields: { reporter: { accountId: 'partner-1' } } },
    comment: {
      id,
      author: { accountId: author, accountType: 'atlassian' },
      body: text,
      created: '2027-03-12T10:00:00.000+0000',
      updated: '2027-03-12T10:00:00.000+0000',
      jsdPublic: true,
      ...extra,
    },
    atlassianId: author,
  });

  async function notified() {
    const mem = memoryPorts('2027-03-11T00:05:00Z');
    mem.apps.set('CF-7', approvedApp('CF-7', '2026-03-04', '2027-02-01'));
    await sweepAt(mem, '2027-03-11');
    mem.setNow('2027-03-12T10:00:05.000Z');
    return mem;
  }

  it('records a NO and passes the significant-changes check', async () => {
    const mem = await notified();
    const outcome = await handleTicketEvent(
      mem.ports,
      commentEvent('CF-7', '900', 'No significant changes this year.\n\nRegards'),
    );
    expect(outcome).toMatchObject({ handled: true, what: 'answer-recorded' });
    const cycle = mem.apps.get('CF-7')?.reviews[0];
    expect(cycle?.answer).toMatchObject({ value: 'NO', commentId: '900', source: 'reply', by: 'partner-1' });
    expect(cycle?.checks.find((c) => c.id === 'significant-changes')?.result).toBe('passed');
    // The same event again changes nothing.
    const again = await handleTicketEvent(
      mem.ports,
      commentEvent('CF-7', '900', 'No significant changes this year.\n\nRegards'),
    );
    expect(again).toMatchObject({ handled: true, what: 'answer-unchanged' });
  });

  it('flags an unclear reply once, and an edit of that reply corrects the answer', async () => {
    const mem = await notified();
    await handleTicketEvent(mem.ports, commentEvent('CF-7', '901', 'Thanks, we will get back to you.'));
    await handleTicketEvent(mem.ports, commentEvent('CF-7', '901', 'Thanks, we will get back to you.'));
    expect(mem.apps.get('CF-7')?.reviews[0]?.answer?.value).toBe('UNCLEAR');
    expect(mem.comments.filter((c) => c.mark?.effect === 'unclear-answer-note')).toHaveLength(1);

    await handleTicketEvent(mem.ports, commentEvent('CF-7', '901', 'YES - we moved to a new database.'));
    expect(mem.apps.get('CF-7')?.reviews[0]?.answer).toMatchObject({ value: 'YES', commentId: '901' });
  });

  it('ignores internal comments, the app, agents and untracked tickets without a Jira request', async () => {
    const mem = await notified();
    const before = mem.requests();
    expect(
      await handleTicketEvent(mem.ports, commentEvent('CF-7', '902', 'no', 'partner-1', { jsdPublic: false })),
    ).toMatchObject({ handled: false });
    expect(await handleTicketEvent(mem.ports, commentEvent('CF-7', '903', 'no', 'agent-1'))).toMatchObject({
      handled: false,
    });
    expect(await handleTicketEvent(mem.ports, commentEvent('CF-99', '904', 'no'))).toMatchObject({ handled: false });
    expect(
      await handleTicketEvent(mem.ports, {
        ...commentEvent('CF-7', '905', 'no'),
        comment: { id: '905', author: { accountId: 'app-x', accountType: 'app' } },
      }),
    ).toMatchObject({ handled: false });
    expect(await handleTicketEvent(mem.ports, { eventType: 'avi:jira:commented:issue', issue: 42 })).toMatchObject({
      handled: false,
    });
    expect(mem.requests()).toBe(before);
    expect(mem.apps.get('CF-7')?.reviews[0]?.answer).toBeUndefined();
  });

  it('a status change in Jira moves the stage; an unmapped one keeps it', async () => {
    const mem = memoryPorts('2027-03-11T00:05:00Z');
    const app = approvedApp('CF-8', '2026-03-04', '2027-02-01');
    mem.apps.set('CF-8', {
      ...app,
      approval: undefined,
      reviews: [],
      submission: { ...app.submission, stage: 'triage' },
    });
    const update = (status: string) => ({
      eventType: 'avi:jira:updated:issue',
      issue: { id: '10008', key: 'CF-8' },
      atlassianId: 'agent-1',
      changelog: { items: [{ field: 'status', fieldId: 'status', fromString: 'x', toString: status }] },
    });
    expect(await handleTicketEvent(mem.ports, update('Waiting for partner'))).toMatchObject({
      handled: true,
      what: 'stage-followed',
    });
    expect(mem.apps.get('CF-8')?.submission.stage).toBe('awaiting-partner');
    expect(await handleTicketEvent(mem.ports, update('Some other status'))).toMatchObject({ handled: false });
    expect(mem.apps.get('CF-8')?.submission.stage).toBe('awaiting-partner');
    expect(mem.audit.filter((e) => e.kind === 'stage-changed')).toHaveLength(1);
  });
});
