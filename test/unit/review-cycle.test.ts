import { addDays } from '../../src/domain/calendar';
import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import type { DomainResult } from '../../src/domain/result';
import {
  appNextActionOn,
  applyReviewAction,
  ensureNextCycle,
  nextActionDate,
  nextReviewAction,
  openEscalation,
  PASSED_BY_NO_ANSWER,
  recordCheckResult,
  recordPartnerAnswer,
  scheduleAnnualCycle,
  type ReviewActionKind,
} from '../../src/domain/review-cycle';
import type { PartnerAnswer, ReviewCycle } from '../../src/domain/review-types';
import { startSubmission } from '../../src/domain/submission';
import type { TrackedApp } from '../../src/domain/tracked-app';

const program = CLOUD_FORTIFIED;
const APPROVED_ON = '2026-03-27';
const at = (day: string) => `${day}T06:00:00.000Z`;

function value<T>(result: DomainResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function days(from: string, to: string, step = 1): string[] {
  const list: string[] = [];
  for (let d = from; d <= to; d = addDays(d, step)) list.push(d);
  return list;
}

function approvedApp(approvedOn = APPROVED_ON, reviews: ReviewCycle[] = []): TrackedApp {
  return {
    issueKey: 'CFP-7',
    issueId: '10007',
    appName: 'Timesheets for Jira',
    createdAt: at('2026-01-05'),
    createdBy: 'agent-1',
    submission: { ...startSubmission(program, 'agent-1', at('2026-01-05')), stage: 'approved' },
    approval: { approvedOn, by: 'agent-1', at: at(approvedOn) },
    reviews,
    nextActionOn: null,
    version: 1,
  };
}

function answer(value: PartnerAnswer['value'], day: string, by = 'partner-1'): PartnerAnswer {
  return { value, categories: [], source: 'reply', by, at: at(day), commentId: `c-${day}` };
}

interface Done {
  day: string;
  kind: ReviewActionKind;
  cycleId: string;
}

/**
 * Runs the sweep on the given days the way the scheduler does: for each day, at most one action per
 * cycle, then make sure the next annual review exists. Checks on every day that the index date
 * (nextActionOn) never hides a due action.
 */
function sweep(
  start: TrackedApp,
  sweepDays: string[],
  onDay?: (app: TrackedApp, day: string) => TrackedApp,
): { app: TrackedApp; done: Done[] } {
  let app = ensureNextCycle(start, sweepDays[0] ?? '2026-01-01', program, at(sweepDays[0] ?? '2026-01-01'));
  const done: Done[] = [];
  for (const day of sweepDays) {
    if (onDay) app = onDay(app, day);
    const due = app.nextActionOn !== null && app.nextActionOn <= day;
    const reviews = app.reviews.map((cycle) => {
      const action = nextReviewAction(cycle, day, program);
      if (!action) return cycle;
      expect(action.due <= day).toBe(true);
      done.push({ day, kind: action.kind, cycleId: action.cycleId });
      return applyReviewAction(cycle, action, day, at(day), { id: `posted-${done.length}` });
    });
    const acted = reviews.some((c, i) => c !== app.reviews[i]);
    if (acted) expect(due).toBe(true);
    app = { ...app, reviews };
    app = ensureNextCycle({ ...app, nextActionOn: appNextActionOn(app, program) }, day, program, at(day));
  }
  return { app, done };
}

const kinds = (done: Done[], cycleId: string) => done.filter((d) => d.cycleId === cycleId).map((d) => [d.day, d.kind]);

function expectEachEffectOnce(done: Done[]): void {
  const seen = new Set<string>();
  for (const d of done) {
    const key = `${d.cycleId}:${d.kind}`;
    expect(seen.has(key) ? key : 'first time').toBe('first time');
    seen.add(key);
  }
}

describe('scheduling', () => {
  it('schedules an annual review in the approval month with every program check pending', () => {
    const cycle = scheduleAnnualCycle(APPROVED_ON, 2027, program, at('2026-03-27'));
    expect(cycle).toMatchObject({
      id: '2027',
      kind: 'annual',
      year: 2027,
      state: 'scheduled',
      noticeOn: '2027-03-11',
      windowStart: '2027-03-25',
      windowEnd: '2027-03-31',
      remediationDue: '2027-04-28',
      effects: {},
    });
    expect(cycle.checks).toEqual(program.checks.map((c) => ({ id: c.id, result: 'pending' })));
    expect(nextActionDate(cycle, program)).toBe('2027-03-11');
  });

  it('gives an approved app its first anniversary review, once', () => {
    const app = ensureNextCycle(approvedApp(), '2026-03-27', program, at('2026-03-27'));
    expect(app.reviews.map((c) => c.id)).toEqual(['2027']);
    expect(app.nextActionOn).toBe('2027-03-11');
    expect(ensureNextCycle(app, '2026-06-01', program, at('2026-06-01'))).toBe(app);
  });

  it('leaves an app that is not approved, or has left the program, alone', () => {
    const { approval: _approval, ...notApproved } = approvedApp();
    const pending = { ...notApproved, submission: startSubmission(program, 'a', at('2026-01-05')) };
    expect(ensureNextCycle(pending, '2026-03-27', program, at('2026-03-27'))).toBe(pending);
    const withdrawn = { ...approvedApp(), submission: { ...approvedApp().submission, stage: 'withdrawn' as const } };
    expect(ensureNextCycle(withdrawn, '2026-03-27', program, at('2026-03-27')).reviews).toEqual([]);
  });

  it('starts an app imported years after approval with the current review, never past years', () => {
    // Imported after 2026's window ended: that review never happened, so it is not opened (not sent to remediation).
    const duringRemediation = ensureNextCycle(approvedApp('2020-03-15'), '2026-04-20', program, at('2026-04-20'));
    expect(duringRemediation.reviews.map((c) => `${c.id}:${c.state}`)).toEqual(['2026:not-opened', '2027:scheduled']);
    const afterDeadline = ensureNextCycle(approvedApp('2020-03-15'), '2026-06-01', program, at('2026-06-01'));
    expect(afterDeadline.reviews.map((c) => c.id)).toEqual(['2027']);
  });

  it('schedules the next year once a review closes early, never the same year twice', () => {
    const passed: ReviewCycle = {
      ...scheduleAnnualCycle(APPROVED_ON, 2027, program, at('2026-03-27')),
      state: 'passed',
    };
    const app = ensureNextCycle(approvedApp(APPROVED_ON, [passed]), '2027-04-10', program, at('2027-04-10'));
    expect(app.reviews.map((c) => c.id)).toEqual(['2027', '2028']);
    expect(app.nextActionOn).toBe('2028-03-11');
  });
});

describe('a sweep that runs every day', () => {
  it('runs a review nobody answers: notice, window, reminder, remediation, reminder, overdue, next year', () => {
    const { app, done } = sweep(approvedApp(), days('2026-03-28', '2027-12-31'));
    expect(kinds(done, '2027')).toEqual([
      ['2027-03-11', 'post-notice'],
      ['2027-03-25', 'open-window'],
      ['2027-03-26', 'send-answer-reminder'],
      ['2027-04-01', 'close-window'],
      ['2027-04-21', 'send-remediation-reminder'],
      ['2027-04-29', 'mark-overdue'],
    ]);
    expectEachEffectOnce(done);
    expect(app.reviews.map((c) => [c.id, c.state])).toEqual([
      ['2027', 'overdue'],
      ['2028', 'scheduled'],
    ]);
    const overdue = app.reviews[0]!;
    expect(overdue.effects.notice).toEqual({ id: 'posted-1', at: at('2027-03-11'), on: '2027-03-11' });
    expect(Object.keys(overdue.effects).sort()).toEqual(
      ['answer-reminder', 'notice', 'overdue-note', 'remediation-note', 'remediation-reminder', 'window-note'].sort(),
    );
    expect(app.nextActionOn).toBe('2028-03-11');
  });

  it('runs a review the partner answers NO and agents pass: no reminders, passed, next year', () => {
    const { app, done } = sweep(approvedApp(), days('2027-01-01', '2028-04-30'), (current, day) => {
      const reviews = current.reviews.map((cycle) => {
        if (cycle.id === '2027' && day === '2027-03-20') return recordPartnerAnswer(cycle, answer('NO', day));
        if (cycle.id === '2027' && day === '2027-03-27') {
          return ['privacy-security-tab', 'support-contact', 'bug-bounty'].reduce(
            (c, id) => value(recordCheckResult(c, id, 'passed', undefined, 'agent-1', at(day))),
            cycle,
          );
        }
        return cycle;
      });
      return { ...current, reviews };
    });
    expect(kinds(done, '2027')).toEqual([
      ['2027-03-11', 'post-notice'],
      ['2027-03-25', 'open-window'],
      ['2027-04-01', 'close-window'],
    ]);
    expect(app.reviews.find((c) => c.id === '2027')).toMatchObject({
      state: 'passed',
      effects: { 'passed-note': expect.anything() },
    });
    expect(kinds(done, '2028')).toEqual([
      ['2028-03-11', 'post-notice'],
      ['2028-03-25', 'open-window'],
      ['2028-03-26', 'send-answer-reminder'],
      ['2028-04-01', 'close-window'],
      ['2028-04-21', 'send-remediation-reminder'],
      ['2028-04-29', 'mark-overdue'],
    ]);
    expectEachEffectOnce(done);
  });

  it('runs a February review in a leap year on 23–29 February', () => {
    const { done } = sweep(approvedApp('2027-02-10'), days('2028-01-01', '2028-04-30'));
    expect(kinds(done, '2028')).toEqual([
      ['2028-02-09', 'post-notice'],
      ['2028-02-23', 'open-window'],
      ['2028-02-24', 'send-answer-reminder'],
      ['2028-03-01', 'close-window'],
      ['2028-03-21', 'send-remediation-reminder'],
      ['2028-03-29', 'mark-overdue'],
    ]);
  });

  it('runs a December review whose deadline falls in January', () => {
    const { done } = sweep(approvedApp('2026-12-02'), days('2027-11-01', '2028-02-28'));
    expect(kinds(done, '2027')).toEqual([
      ['2027-12-11', 'post-notice'],
      ['2027-12-25', 'open-window'],
      ['2027-12-26', 'send-answer-reminder'],
      ['2028-01-01', 'close-window'],
      ['2028-01-21', 'send-remediation-reminder'],
      ['2028-01-29', 'mark-overdue'],
    ]);
  });
});

describe('a sweep that runs once a month', () => {
  it('on the 1st: closes the missed window without a stale notice, then marks it overdue', () => {
    const firsts = ['2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01', '2027-05-01', '2027-06-01'];
    const { app, done } = sweep(approvedApp(), firsts);
    expect(kinds(done, '2027')).toEqual([
      ['2027-04-01', 'close-window'],
      ['2027-05-01', 'mark-overdue'],
    ]);
    expect(app.reviews.map((c) => [c.id, c.state])).toEqual([
      ['2027', 'overdue'],
      ['2028', 'scheduled'],
    ]);
  });

  it('on the 15th: posts the notice, then skips the reminders whose moment has passed', () => {
    const fifteenths = ['2027-02-15', '2027-03-15', '2027-04-15', '2027-05-15'];
    const { done } = sweep(approvedApp(), fifteenths);
    expect(kinds(done, '2027')).toEqual([
      ['2027-03-15', 'post-notice'],
      ['2027-04-15', 'close-window'],
      ['2027-05-15', 'mark-overdue'],
    ]);
  });

  it('on the 25th: posts the notice on the first day of the window, closes it a month later', () => {
    const { done } = sweep(approvedApp(), ['2027-02-25', '2027-03-25', '2027-04-25', '2027-05-25']);
    expect(kinds(done, '2027')).toEqual([
      ['2027-03-25', 'post-notice'],
      ['2027-04-25', 'close-window'],
      ['2027-05-25', 'mark-overdue'],
    ]);
  });
});

describe('a sweep that first runs late', () => {
  const cycle2027 = () => scheduleAnnualCycle(APPROVED_ON, 2027, program, at('2026-03-27'));

  it('inside the window: posts the notice, opens the window, and sends no separate answer reminder', () => {
    let cycle = cycle2027();
    const actions: string[] = [];
    for (const day of ['2027-03-28', '2027-03-28', '2027-03-28', '2027-03-29', '2027-03-31']) {
      const action = nextReviewAction(cycle, day, program);
      actions.push(action ? `${day} ${action.kind}` : `${day} nothing`);
      if (action) cycle = applyReviewAction(cycle, action, day, at(day));
    }
    expect(actions).toEqual([
      '2027-03-28 post-notice',
      '2027-03-28 open-window',
      '2027-03-28 nothing',
      '2027-03-29 nothing',
      '2027-03-31 nothing',
    ]);
    expect(nextActionDate(cycle, program)).toBe('2027-04-01');
  });

  it('long after the window: one action, no notice, no reminders, and the next review is this year’s or later', () => {
    // The 2027 review was scheduled at approval; the sweep then stood still for ten months.
    const atApproval = ensureNextCycle(approvedApp(), APPROVED_ON, program, at(APPROVED_ON));
    const { app, done } = sweep(atApproval, ['2028-02-01']);
    expect(done).toEqual([{ day: '2028-02-01', kind: 'mark-overdue', cycleId: '2027' }]);
    expect(app.reviews.map((c) => [c.id, c.state])).toEqual([
      ['2027', 'overdue'],
      ['2028', 'scheduled'],
    ]);
    expect(app.nextActionOn).toBe('2028-03-11');
  });

  it('a year late, with the service doing everything due that day: the old review is marked overdue, this year’s runs from its current step', () => {
    let app = ensureNextCycle(approvedApp(), APPROVED_ON, program, at(APPROVED_ON));
    const day = '2028-03-28';
    const done: string[] = [];
    for (let step = 0; step < 12; step++) {
      const cycle = app.reviews.find((c) => nextReviewAction(c, day, program));
      if (!cycle) {
        const next = ensureNextCycle(app, day, program, at(day));
        if (next === app) break;
        app = next;
        continue;
      }
      const action = nextReviewAction(cycle, day, program)!;
      done.push(`${action.cycleId}:${action.kind}`);
      app = {
        ...app,
        reviews: app.reviews.map((c) => (c.id === cycle.id ? applyReviewAction(c, action, day, at(day)) : c)),
      };
    }
    expect(done).toEqual(['2027:mark-overdue', '2028:post-notice', '2028:open-window']);
    expect(app.reviews.map((c) => [c.id, c.state])).toEqual([
      ['2027', 'overdue'],
      ['2028', 'in-review'],
    ]);
  });

  it('after the window, before the deadline: closes into remediation and still reminds before the deadline', () => {
    const atApproval = ensureNextCycle(approvedApp(), APPROVED_ON, program, at(APPROVED_ON));
    const { done } = sweep(atApproval, days('2027-04-10', '2027-05-10'));
    expect(kinds(done, '2027')).toEqual([
      ['2027-04-10', 'close-window'],
      ['2027-04-21', 'send-remediation-reminder'],
      ['2027-04-29', 'mark-overdue'],
    ]);
  });
});

describe('applying actions', () => {
  it('does nothing when the same action is applied twice (a duplicated invocation)', () => {
    const cycle = scheduleAnnualCycle(APPROVED_ON, 2027, program, at('2026-03-27'));
    const action = nextReviewAction(cycle, '2027-03-11', program)!;
    const once = applyReviewAction(cycle, action, '2027-03-11', at('2027-03-11'), { id: 'c-1' });
    const twice = applyReviewAction(once, action, '2027-03-12', at('2027-03-12'), { id: 'c-2' });
    expect(twice).toBe(once);
    expect(once).toMatchObject({ state: 'notified', stateSince: at('2027-03-11'), effects: { notice: { id: 'c-1' } } });
  });

  it('ignores an action meant for another cycle or a closed cycle', () => {
    const cycle = scheduleAnnualCycle(APPROVED_ON, 2027, program, at('2026-03-27'));
    expect(
      applyReviewAction(
        cycle,
        { kind: 'post-notice', cycleId: '2028', due: '2027-03-11' },
        '2027-03-11',
        at('2027-03-11'),
      ),
    ).toBe(cycle);
    const cancelled: ReviewCycle = { ...cycle, state: 'cancelled' };
    expect(nextReviewAction(cancelled, '2027-03-11', program)).toBeNull();
    expect(nextActionDate(cancelled, program)).toBeNull();
    expect(
      applyReviewAction(
        cancelled,
        { kind: 'post-notice', cycleId: '2027', due: '2027-03-11' },
        '2027-03-11',
        at('2027-03-11'),
      ),
    ).toBe(cancelled);
  });

  it('closes a window into passed when every check passed, into remediation otherwise', () => {
    let cycle: ReviewCycle = {
      ...scheduleAnnualCycle(APPROVED_ON, 2027, program, at('2026-03-27')),
      state: 'in-review',
    };
    const close = { kind: 'close-window' as const, cycleId: '2027', due: '2027-04-01' };
    expect(applyReviewAction(cycle, close, '2027-04-01', at('2027-04-01')).state).toBe('remediation');
    for (const check of program.checks)
      cycle = value(recordCheckResult(cycle, check.id, 'passed', undefined, 'agent-1', at('2027-03-30')));
    expect(cycle.state).toBe('in-review');
    expect(applyReviewAction(cycle, close, '2027-04-01', at('2027-04-01')).state).toBe('passed');
  });
});

describe('the partner’s answer', () => {
  const notified = (): ReviewCycle => ({
    ...scheduleAnnualCycle(APPROVED_ON, 2027, program, at('2026-03-27')),
    state: 'notified',
  });
  const significant = (cycle: ReviewCycle) => cycle.checks.find((c) => c.id === 'significant-changes');

  it('passes the significant-changes check on NO, by the partner’s word', () => {
    const cycle = recordPartnerAnswer(notified(), answer('NO', '2027-03-14'));
    expect(cycle.answer?.value).toBe('NO');
    expect(significant(cycle)).toEqual({
      id: 'significant-changes',
      result: 'passed',
      note: PASSED_BY_NO_ANSWER,
      by: 'partner-1',
      at: at('2027-03-14'),
    });
  });

  it('leaves the check pending on YES or UNCLEAR', () => {
    expect(significant(recordPartnerAnswer(notified(), answer('YES', '2027-03-14')))?.result).toBe('pending');
    expect(significant(recordPartnerAnswer(notified(), answer('UNCLEAR', '2027-03-14')))?.result).toBe('pending');
  });

  it('lets an edited reply replace the answer, and takes back a pass only the NO had given', () => {
    const no = recordPartnerAnswer(notified(), answer('NO', '2027-03-14'));
    const yes = recordPartnerAnswer(no, answer('YES', '2027-03-15'));
    expect(yes.answer).toMatchObject({ value: 'YES', commentId: 'c-2027-03-15' });
    expect(significant(yes)?.result).toBe('pending');
  });

  it('keeps a result an agent set', () => {
    const failed = value(
      recordCheckResult(
        notified(),
        'significant-changes',
        'failed',
        'Listing not updated',
        'agent-1',
        at('2027-03-13'),
      ),
    );
    expect(significant(recordPartnerAnswer(failed, answer('NO', '2027-03-14')))).toMatchObject({
      result: 'failed',
      by: 'agent-1',
    });
  });

  it('stops the answer reminder once an answer is in', () => {
    const inReview: ReviewCycle = {
      ...notified(),
      state: 'in-review',
      effects: {
        notice: { at: at('2027-03-11'), on: '2027-03-11' },
        'window-note': { at: at('2027-03-25'), on: '2027-03-25' },
      },
    };
    expect(nextReviewAction(inReview, '2027-03-25', program)?.kind).toBe('send-answer-reminder');
    const answered = recordPartnerAnswer(inReview, answer('UNCLEAR', '2027-03-25'));
    expect(nextReviewAction(answered, '2027-03-26', program)).toBeNull();
    expect(nextActionDate(answered, program)).toBe('2027-04-01');
  });

  it('passes a review in remediation when a late NO was all that was missing', () => {
    let cycle: ReviewCycle = { ...notified(), state: 'remediation' };
    for (const id of ['privacy-security-tab', 'support-contact', 'bug-bounty']) {
      cycle = value(recordCheckResult(cycle, id, 'passed', undefined, 'agent-1', at('2027-04-05')));
    }
    expect(cycle.state).toBe('remediation');
    expect(recordPartnerAnswer(cycle, answer('NO', '2027-04-06'))).toMatchObject({
      state: 'passed',
      stateSince: at('2027-04-06'),
    });
  });
});

describe('check results', () => {
  const remediation = (): ReviewCycle => ({
    ...scheduleAnnualCycle(APPROVED_ON, 2027, program, at('2026-03-27')),
    state: 'remediation',
  });

  it('records result, note, who and when', () => {
    const cycle = value(
      recordCheckResult(
        remediation(),
        'bug-bounty',
        'failed',
        '  Left the programme in June ',
        'agent-2',
        at('2027-04-02'),
      ),
    );
    expect(cycle.checks.find((c) => c.id === 'bug-bounty')).toEqual({
      id: 'bug-bounty',
      result: 'failed',
      note: 'Left the programme in June',
      by: 'agent-2',
      at: at('2027-04-02'),
    });
  });

  it('passes a review in remediation or overdue once every check passed', () => {
    for (const state of ['remediation', 'overdue'] as const) {
      let cycle: ReviewCycle = { ...remediation(), state };
      for (const check of program.checks)
        cycle = value(recordCheckResult(cycle, check.id, 'passed', undefined, 'agent-1', at('2027-05-02')));
      expect(cycle.state).toBe('passed');
      expect(nextActionDate(cycle, program)).toBeNull();
    }
  });

  it('answers not-found for an unknown check and not-allowed on a closed review', () => {
    expect(recordCheckResult(remediation(), 'uptime', 'passed', undefined, 'a', at('2027-04-02'))).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(
      recordCheckResult(
        { ...remediation(), state: 'cancelled' },
        'bug-bounty',
        'passed',
        undefined,
        'a',
        at('2027-04-02'),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
  });
});

describe('escalations', () => {
  it('opens straight into review, numbered after the existing escalations', () => {
    const first = openEscalation(
      { text: ' Customer reports data sent to a new region ', source: 'customer' },
      '2026-06-10',
      [],
      program,
      'agent-4',
      at('2026-06-10'),
    );
    expect(first).toMatchObject({
      id: 'esc-1',
      kind: 'escalation',
      year: 2026,
      state: 'in-review',
      noticeOn: '2026-06-10',
      windowStart: '2026-06-10',
      windowEnd: '2026-06-16',
      remediationDue: '2026-07-14',
      concern: { text: 'Customer reports data sent to a new region', raisedBy: 'agent-4', source: 'customer' },
    });
    const annual = scheduleAnnualCycle(APPROVED_ON, 2027, program, at('2026-03-27'));
    expect(
      openEscalation(
        { text: 'Again', source: 'atlassian' },
        '2026-09-01',
        [annual, first],
        program,
        'a',
        at('2026-09-01'),
      ).id,
    ).toBe('esc-2');
  });

  it('posts its notice, sends no answer reminder, and closes after its window', () => {
    const esc = openEscalation(
      { text: 'Bug bounty lapsed', source: 'atlassian' },
      '2026-06-10',
      [],
      program,
      'agent-4',
      at('2026-06-10'),
    );
    const { done, app } = sweep(approvedApp(APPROVED_ON, [esc]), days('2026-06-10', '2026-08-01'));
    expect(kinds(done, 'esc-1')).toEqual([
      ['2026-06-10', 'post-notice'],
      ['2026-06-17', 'close-window'],
      ['2026-07-07', 'send-remediation-reminder'],
      ['2026-07-15', 'mark-overdue'],
    ]);
    expect(app.reviews.find((c) => c.id === 'esc-1')?.state).toBe('overdue');
    // The annual review is untouched by the escalation.
    expect(app.reviews.find((c) => c.id === '2027')?.state).toBe('scheduled');
  });
});

describe('the next action date of an app', () => {
  it('is the earliest of its review steps and the soak ends of a submission in progress', () => {
    const soaking: TrackedApp = {
      ...approvedApp(),
      approval: undefined,
      submission: {
        stage: 'soaking',
        stageSince: at('2026-02-01'),
        components: [
          { id: 'bug-bounty', status: 'soaking', soakUntil: '2026-03-03' },
          { id: 'slis-slos', status: 'soaking', soakUntil: '2026-02-27' },
          { id: 'support-contact', status: 'met' },
        ],
      },
    };
    expect(appNextActionOn(soaking, program)).toBe('2026-02-27');
    expect(appNextActionOn({ ...soaking, submission: { ...soaking.submission, components: [] } }, program)).toBeNull();
    const withEscalation = ensureNextCycle(approvedApp(), '2026-04-01', program, at('2026-04-01'));
    const esc = openEscalation(
      { text: 'x', source: 'customer' },
      '2026-05-02',
      withEscalation.reviews,
      program,
      'a',
      at('2026-05-02'),
    );
    expect(appNextActionOn({ ...withEscalation, reviews: [...withEscalation.reviews, esc] }, program)).toBe(
      '2026-05-02',
    );
  });
});
