import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { decide, toArchive, type DecideContext } from '../../src/domain/decide';
import { historyOfEvents } from '../../src/domain/history';
import { adfToPlainText } from '../../src/domain/messages';
import { STORED_TEXT_MAX, type ReviewCycle, type TrackedApp } from '../../src/domain/model';
import { ensureNextCycle, openEscalation } from '../../src/domain/review-cycle';
import { startSubmission } from '../../src/domain/submission';
import { isTransient } from '../../src/services/review-work';

const program = CLOUD_FORTIFIED;
const at = (day: string) => `${day}T06:00:00.000Z`;
const context = (today: string, by = 'agent-1'): DecideContext => ({ today, at: at(today), program, by });

function approvedApp(): TrackedApp {
  const app: TrackedApp = {
    issueKey: 'CFP-7',
    issueId: '10007',
    appName: 'Timesheets for Jira',
    createdAt: at('2026-03-01'),
    createdBy: 'agent-1',
    submission: { ...startSubmission(program, 'agent-1', at('2026-03-01')), stage: 'approved' },
    approval: { approvedOn: '2026-03-27', by: 'agent-1', at: at('2026-03-27') },
    reviews: [],
    nextActionOn: null,
    version: 1,
  };
  return ensureNextCycle(app, '2026-04-01', program, at('2026-04-01'));
}

function withCycle(app: TrackedApp, change: Partial<ReviewCycle>): TrackedApp {
  return { ...app, reviews: app.reviews.map((c) => ({ ...c, ...change })) };
}

const noticeOut = (app: TrackedApp) => {
  const cycle = app.reviews[0]!;
  return withCycle(app, { state: 'notified', effects: { notice: { id: '1', at: at(cycle.noticeOn), on: cycle.noticeOn } } });
};

function stepText(app: TrackedApp, today: string): string {
  const decided = decide(app, { kind: 'tick' }, context(today, 'app'));
  if (!decided.ok) throw new Error(decided.error.message);
  const post = decided.value.effects[0]?.post;
  return post?.target === 'comment' ? adfToPlainText(post.body) : '';
}

describe('the decider', () => {
  test('the note at the window’s opening says the partner’s answer when they have answered', () => {
    const notified = noticeOut(approvedApp());
    const cycle = notified.reviews[0]!;
    const answered = withCycle(notified, { answer: { value: 'NO', categories: [], source: 'reply', by: 'partner-1', at: at(cycle.noticeOn) } });
    expect(stepText(answered, cycle.windowStart)).toContain('Partner’s answer so far: NO');
    expect(stepText(answered, cycle.windowStart)).not.toContain('has not answered');
    expect(stepText(notified, cycle.windowStart)).toContain('The partner has not answered yet.');
  });

  test('a reply is kept as an excerpt with its comment id: the record does not grow with long replies', () => {
    const app = noticeOut(approvedApp());
    const text = `No significant changes. ${'All is as it was. '.repeat(5000)}`;
    const decided = decide(app, { kind: 'reply', cycleId: app.reviews[0]!.id, answer: { value: 'NO', categories: [], source: 'reply', commentId: '77', text, by: 'partner-1', at: at('2027-03-12') } }, context('2027-03-12', 'partner-1'));
    if (!decided.ok) throw new Error(decided.error.message);
    const answer = decided.value.state.reviews[0]?.answer;
    expect(answer?.commentId).toBe('77');
    expect(Array.from(answer?.text ?? '').length).toBe(STORED_TEXT_MAX);
  });

  test('an agent’s refusal is a typed error, not a message to match', () => {
    const app = approvedApp();
    const decided = decide(app, { kind: 'agent', action: { type: 'record-check', cycleId: 'esc-9', checkId: 'bug-bounty', result: 'passed' } }, context('2027-03-26'));
    expect(decided).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  test('only the latest finished review of each kind stays live; an overdue one waits for the agents', () => {
    const app = approvedApp();
    const base = app.reviews[0]!;
    const year = (y: number, state: ReviewCycle['state']): ReviewCycle => ({ ...base, id: String(y), year: y, windowStart: `${y}-03-25`, state });
    const archived = toArchive([year(2027, 'passed'), year(2028, 'overdue'), year(2029, 'passed'), year(2030, 'scheduled')]);
    expect(archived.map((c) => c.id)).toEqual(['2027']);
  });
});

describe('the history, written from the events', () => {
  test('a note that ends with a full stop gives one full stop, not two', () => {
    const app = noticeOut(approvedApp());
    const decided = decide(app, { kind: 'agent', action: { type: 'record-check', cycleId: '2027', checkId: 'bug-bounty', result: 'failed', note: 'Bounty program lapsed.' } }, context('2027-03-26'));
    if (!decided.ok) throw new Error(decided.error.message);
    const lines = historyOfEvents(decided.value.events).map((l) => l.summary);
    expect(lines[0]).toBe('Bug Bounty: failed (Bounty program lapsed), the annual review of 2027.');
    for (const line of lines) expect(line).not.toMatch(/\.\./);
  });

  test('an escalation is named by its day, never by its id', () => {
    const app = approvedApp();
    const decided = decide(app, { kind: 'agent', action: { type: 'raise-escalation', text: 'A customer reports data in a US region.', source: 'atlassian' } }, context('2027-03-04'));
    if (!decided.ok) throw new Error(decided.error.message);
    const [line] = historyOfEvents(decided.value.events);
    expect(line?.summary).toContain('The escalation of 4 March 2027 opened on a concern raised by Atlassian: A customer reports data in a US region. Review window');
    expect(line?.summary).not.toMatch(/esc-\d|\.\./);
    const escalation = openEscalation({ text: 'x', source: 'customer' }, '2027-03-04', [], program, 'agent-1', at('2027-03-04'));
    const check = decide({ ...app, reviews: [...app.reviews, escalation] }, { kind: 'agent', action: { type: 'record-check', cycleId: escalation.id, checkId: 'bug-bounty', result: 'passed' } }, context('2027-03-05'));
    if (!check.ok) throw new Error(check.error.message);
    expect(historyOfEvents(check.value.events)[0]?.summary).toBe('Bug Bounty: passed, the escalation of 4 March 2027.');
  });
});

describe('what a retry can fix', () => {
  test('a 4xx from storage (a value too large) is permanent; 429 and 5xx may pass', () => {
    const storageError = (status: number, code: string) => Object.assign(new Error(code), { code, responseDetails: { status } });
    expect(isTransient(storageError(400, 'MAX_SIZE'))).toBe(false);
    expect(isTransient(storageError(429, 'RATE_LIMIT'))).toBe(true);
    expect(isTransient(storageError(503, 'UNAVAILABLE'))).toBe(true);
  });
});
