import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { addDays } from '../../src/domain/calendar';
import { decide, toArchive, type AgentAction, type DecideContext } from '../../src/domain/decide';
import { reviewNextStep } from '../../src/domain/next-step';
import { historyOfEvents } from '../../src/domain/history';
import { adfToPlainText } from '../../src/domain/messages';
import { STORED_TEXT_MAX, type ReviewCycle, type TrackedApp } from '../../src/domain/model';
import type { ProgramSettings } from '../../src/domain/program';
import { ensureNextCycle, openEscalation } from '../../src/domain/review-cycle';
import { startSubmission } from '../../src/domain/submission';
import { isTransient } from '../../src/services/review-work';

const program = CLOUD_FORTIFIED;
const at = (day: string) => `${day}T06:00:00.000Z`;
const context = (today: string, by = 'agent-1', settings: ProgramSettings = program): DecideContext => ({
  today,
  at: at(today),
  program: settings,
  by,
});

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
  return withCycle(app, {
    state: 'notified',
    effects: { notice: { id: '1', at: at(cycle.noticeOn), on: cycle.noticeOn } },
  });
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
    const answered = withCycle(notified, {
      answer: { value: 'NO', categories: [], source: 'reply', by: 'partner-1', at: at(cycle.noticeOn) },
    });
    expect(stepText(answered, cycle.windowStart)).toContain('Partner’s answer so far: NO');
    expect(stepText(answered, cycle.windowStart)).not.toContain('has not answered');
    expect(stepText(notified, cycle.windowStart)).toContain('The partner has not answered yet.');
  });

  test('a reply is kept as an excerpt with its comment id: the record does not grow with long replies', () => {
    const app = noticeOut(approvedApp());
    const text = `No significant changes. ${'All is as it was. '.repeat(5000)}`;
    const decided = decide(
      app,
      {
        kind: 'reply',
        cycleId: app.reviews[0]!.id,
        answer: {
          value: 'NO',
          categories: [],
          source: 'reply',
          commentId: '77',
          text,
          by: 'partner-1',
          at: at('2027-03-12'),
        },
      },
      context('2027-03-12', 'partner-1'),
    );
    if (!decided.ok) throw new Error(decided.error.message);
    const answer = decided.value.state.reviews[0]?.answer;
    expect(answer?.commentId).toBe('77');
    expect(Array.from(answer?.text ?? '').length).toBe(STORED_TEXT_MAX);
  });

  test('an agent’s refusal is a typed error, not a message to match', () => {
    const app = approvedApp();
    const decided = decide(
      app,
      { kind: 'agent', action: { type: 'record-check', cycleId: 'esc-9', checkId: 'bug-bounty', result: 'passed' } },
      context('2027-03-26'),
    );
    expect(decided).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  test('only the latest finished review of each kind stays live; an overdue one waits for the agents', () => {
    const app = approvedApp();
    const base = app.reviews[0]!;
    const year = (y: number, state: ReviewCycle['state']): ReviewCycle => ({
      ...base,
      id: String(y),
      year: y,
      windowStart: `${y}-03-25`,
      state,
    });
    const archived = toArchive([
      year(2027, 'passed'),
      year(2028, 'overdue'),
      year(2029, 'passed'),
      year(2030, 'scheduled'),
    ]);
    expect(archived.map((c) => c.id)).toEqual(['2027']);
  });
});

describe('the history, written from the events', () => {
  test('a note that ends with a full stop gives one full stop, not two', () => {
    const app = noticeOut(approvedApp());
    const decided = decide(
      app,
      {
        kind: 'agent',
        action: {
          type: 'record-check',
          cycleId: '2027',
          checkId: 'bug-bounty',
          result: 'failed',
          note: 'Bounty program lapsed.',
        },
      },
      context('2027-03-26'),
    );
    if (!decided.ok) throw new Error(decided.error.message);
    const lines = historyOfEvents(decided.value.events).map((l) => l.summary);
    expect(lines[0]).toBe('Bug Bounty: failed (Bounty program lapsed), the annual review of 2027.');
    for (const line of lines) expect(line).not.toMatch(/\.\./);
  });

  test('an escalation is named by its day, never by its id', () => {
    const app = approvedApp();
    const decided = decide(
      app,
      {
        kind: 'agent',
        action: { type: 'raise-escalation', text: 'A customer reports data in a US region.', source: 'atlassian' },
      },
      context('2027-03-04'),
    );
    if (!decided.ok) throw new Error(decided.error.message);
    const [line] = historyOfEvents(decided.value.events);
    expect(line?.summary).toContain(
      'The escalation of 4 March 2027 opened on a concern raised by Atlassian: A customer reports data in a US region. Review window',
    );
    expect(line?.summary).not.toMatch(/esc-\d|\.\./);
    const escalation = openEscalation(
      { text: 'x', source: 'customer' },
      '2027-03-04',
      [],
      program,
      'agent-1',
      at('2027-03-04'),
    );
    const check = decide(
      { ...app, reviews: [...app.reviews, escalation] },
      {
        kind: 'agent',
        action: { type: 'record-check', cycleId: escalation.id, checkId: 'bug-bounty', result: 'passed' },
      },
      context('2027-03-05'),
    );
    if (!check.ok) throw new Error(check.error.message);
    expect(historyOfEvents(check.value.events)[0]?.summary).toBe('Bug Bounty: passed, the escalation of 4 March 2027.');
  });
});

describe('what a retry can fix', () => {
  test('a 4xx from storage (a value too large) is permanent; 429 and 5xx may pass', () => {
    const storageError = (status: number, code: string) =>
      Object.assign(new Error(code), { code, responseDetails: { status } });
    expect(isTransient(storageError(400, 'MAX_SIZE'))).toBe(false);
    expect(isTransient(storageError(429, 'RATE_LIMIT'))).toBe(true);
    expect(isTransient(storageError(503, 'UNAVAILABLE'))).toBe(true);
  });

  test('the step that closes a review schedules the next one in the same record: a crash after it leaves a review ahead', () => {
    const failed = record(noticeOut(approvedApp()), '2027-03-26', 'bug-bounty', 'failed');
    const { app } = sweep(failed, '2027-03-25', '2027-05-20');
    expect(app.reviews.map((c) => [c.id, c.state])).toEqual([
      ['2027', 'overdue'],
      ['2028', 'scheduled'],
    ]);
    expect(app.nextActionOn).toBe(app.reviews[1]!.noticeOn);
  });
});

/** The sweep on each day from `from` to `to`, as the executor does it: every post is performed, then recorded. */
function sweep(
  app: TrackedApp,
  from: string,
  to: string,
  posted: { on: string; effect: string; visibility?: string; text: string }[] = [],
  settings = program,
) {
  let current = app;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    for (let i = 0; i < 12; i += 1) {
      const tick = decide(current, { kind: 'tick' }, context(day, 'app', settings));
      if (!tick.ok || !tick.value.step) break;
      const performed = tick.value.effects.map(({ post }, n) => {
        posted.push({
          on: day,
          effect: post.effect,
          ...(post.target === 'comment'
            ? { visibility: post.visibility, text: adfToPlainText(post.body) }
            : { text: '' }),
        });
        return {
          effect: post.effect,
          target: post.target,
          id: `${day}-${n}`,
          alreadyThere: false,
          ...(post.target === 'comment' ? { visibility: post.visibility } : {}),
        };
      });
      const done = decide(
        current,
        { kind: 'step-done', step: tick.value.step, performed },
        context(day, 'app', settings),
      );
      if (!done.ok) throw new Error(done.error.message);
      current = done.value.state;
    }
  }
  return { app: current, posted };
}

function act(app: TrackedApp, day: string, action: AgentAction): TrackedApp {
  const decided = decide(app, { kind: 'agent', action }, context(day));
  if (!decided.ok) throw new Error(decided.error.message);
  return decided.value.state;
}

const record = (app: TrackedApp, day: string, checkId: string, result: 'passed' | 'failed') =>
  act(app, day, { type: 'record-check', cycleId: '2027', checkId, result });
const answeredNo = (app: TrackedApp) =>
  withCycle(noticeOut(app), {
    answer: { value: 'NO', categories: [], source: 'reply', by: 'partner-1', at: at('2027-03-12') },
    checks: program.checks.map((c) => ({
      id: c.id,
      result: c.id === 'significant-changes' ? ('passed' as const) : ('pending' as const),
    })),
  });

describe('whose failure it is', () => {
  test('a check never run is not the partner’s failure: the agents get one note naming it and the review waits for them', () => {
    const app = record(answeredNo(approvedApp()), '2027-03-26', 'privacy-security-tab', 'passed');
    const { posted, app: after } = sweep(app, '2027-03-25', '2027-05-20');
    const cycle = after.reviews[0]!;
    expect(cycle.state).toBe('in-review');
    expect(reviewNextStep(cycle)).toBe('atlassian');
    const notes = posted.filter((p) => p.on >= '2027-04-01');
    expect(notes.map((p) => [p.on, p.effect, p.visibility])).toEqual([
      ['2027-04-01', 'checks-not-run-note', 'internal'],
    ]);
    expect(notes[0]!.text).toContain('Checks not run:');
    expect(notes[0]!.text).toContain('Support contact');
    expect(notes[0]!.text).toContain('Bug Bounty');
    expect(notes[0]!.text).not.toContain('Privacy & Security tab');
  });

  test('the event checks-not-run has its history sentence', () => {
    const app = answeredNo(approvedApp());
    const tick = decide(app, { kind: 'tick' }, context('2027-04-01', 'app'));
    if (!tick.ok || !tick.value.step) throw new Error('no step');
    const performed = [
      {
        effect: 'checks-not-run-note' as const,
        target: 'comment' as const,
        id: '9',
        visibility: 'internal' as const,
        alreadyThere: false,
      },
    ];
    const done = decide(app, { kind: 'step-done', step: tick.value.step, performed }, context('2027-04-01', 'app'));
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value.events.map((e) => e.type)).toContain('checks-not-run');
    expect(historyOfEvents(done.value.events).map((l) => l.summary)).toContain(
      'The window of the annual review of 2027 ended with 3 checks not run (Privacy & Security tab, Support contact, Bug Bounty): nothing is put on the partner; the review waits for the agents.',
    );
  });

  test('a failure found after the window gets four weeks from the day the partner is told, in a public comment', () => {
    let { app } = sweep(answeredNo(approvedApp()), '2027-03-25', '2027-05-09');
    app = record(app, '2027-05-10', 'bug-bounty', 'failed');
    const { app: told, posted } = sweep(app, '2027-05-10', '2027-05-10');
    const cycle = told.reviews[0]!;
    expect(cycle.state).toBe('remediation');
    expect(cycle.remediationDue).toBe('2027-06-07');
    const comment = posted.find((p) => p.effect === 'remediation-comment');
    expect(comment?.visibility).toBe('public');
    expect(comment?.text).toContain('Bug Bounty: The app still takes part in the Marketplace Bug Bounty program.');
    expect(comment?.text).toContain('Please resolve them by 7 June 2027 (UTC).');
    expect(comment?.text).toContain('If issues are still open after 7 June 2027 (UTC), the review becomes overdue');
    expect(posted.find((p) => p.effect === 'remediation-note')?.visibility).toBe('internal');
    // Not overdue at the usual date: the deadline that applies is the one the partner was told.
    expect(sweep(told, '2027-05-11', '2027-06-07').app.reviews[0]!.state).toBe('remediation');
    expect(sweep(told, '2027-05-11', '2027-06-08').app.reviews[0]!.state).toBe('overdue');
  });

  test('checks the agents complete after the window pass the review; nothing is put on the partner', () => {
    let { app } = sweep(answeredNo(approvedApp()), '2027-03-25', '2027-05-09');
    for (const id of ['privacy-security-tab', 'support-contact', 'bug-bounty'])
      app = record(app, '2027-05-10', id, 'passed');
    const { app: closed, posted } = sweep(app, '2027-05-10', '2027-05-12');
    expect(closed.reviews.find((c) => c.id === '2027')?.state).toBe('passed');
    expect(posted.filter((p) => p.visibility === 'public')).toEqual([]);
  });

  test('a partner who has not answered goes into remediation at the usual date, told what to do', () => {
    const { app, posted } = sweep(noticeOut(approvedApp()), '2027-03-25', '2027-04-01');
    const cycle = app.reviews[0]!;
    expect(cycle.state).toBe('remediation');
    expect(cycle.remediationDue).toBe('2027-04-28');
    const comment = posted.find((p) => p.effect === 'remediation-comment');
    expect(comment?.text).toContain(
      'Significant changes: We have not had your answer. Reply to this ticket starting with YES or NO',
    );
    expect(comment?.text).toContain('28 April 2027 (UTC)');
    // Atlassian's checks not yet run are not listed as the partner's.
    expect(comment?.text).not.toContain('Bug Bounty');
  });
});

describe('the partner is told', () => {
  test('at remediation start, at the reminder and when overdue, one public comment each naming what failed, the deadline and what happens next', () => {
    let app = record(answeredNo(approvedApp()), '2027-03-26', 'privacy-security-tab', 'failed');
    const { app: after, posted } = sweep(app, '2027-03-25', '2027-05-10');
    app = after;
    expect(app.reviews.find((c) => c.id === '2027')?.state).toBe('overdue');
    const publicOnes = posted.filter((p) => p.visibility === 'public' && p.on > '2027-03-31');
    expect(publicOnes.map((p) => [p.on, p.effect])).toEqual([
      ['2027-04-01', 'remediation-comment'],
      ['2027-04-21', 'remediation-reminder'],
      ['2027-04-29', 'overdue-comment'],
    ]);
    for (const p of publicOnes) {
      expect(p.text).toContain('Privacy & Security tab: Every field is filled in');
      expect(p.text).toContain('28 April 2027 (UTC)');
      expect(p.text).toContain('What happens next:');
    }
    expect(publicOnes[2]!.text).toContain('escalated to the Cloud Fortified Apps Program team');
    // The internal notes stay.
    expect(posted.filter((p) => p.visibility === 'internal').map((p) => p.effect)).toEqual([
      'window-note',
      'remediation-note',
      'overdue-note',
    ]);
  });
});

describe('a check a program update adds', () => {
  // The app's 2027 review has its window from 25 to 31 March 2027; it was scheduled before the update was saved.
  const sbom = (effectiveFrom: string): ProgramSettings => ({
    ...program,
    programUpdates: [
      {
        id: 'sbom',
        announcedOn: '2027-01-04',
        effectiveFrom,
        addCheck: {
          id: 'sbom',
          title: 'Software bill of materials',
          description: 'Publish a software bill of materials for the app.',
        },
      },
    ],
  });
  const recordIn = (
    app: TrackedApp,
    day: string,
    settings: ProgramSettings,
    checkId: string,
    result: 'passed' | 'failed',
  ) =>
    decide(
      app,
      { kind: 'agent', action: { type: 'record-check', cycleId: '2027', checkId, result } },
      context(day, 'agent-1', settings),
    );

  test('a review whose window starts before the effective day does not have it, and recording it is refused', () => {
    const settings = sbom('2027-03-26');
    const { app } = sweep(approvedApp(), '2027-03-10', '2027-03-25', [], settings);
    expect(app.reviews[0]!.checks.map((c) => c.id)).toEqual([
      'privacy-security-tab',
      'support-contact',
      'bug-bounty',
      'significant-changes',
    ]);
    const refused = recordIn(app, '2027-03-26', settings, 'sbom', 'passed');
    expect(refused.ok ? 'recorded' : refused.error.message).toBe('The review 2027 has no check "sbom".');
    // The next year's review, whose window starts after the effective day, has it from the start.
    const next = ensureNextCycle(
      { ...app, reviews: [{ ...app.reviews[0]!, state: 'passed' }] },
      '2027-04-02',
      settings,
      at('2027-04-02'),
    );
    expect(next.reviews.find((c) => c.id === '2028')?.checks.map((c) => c.id)).toContain('sbom');
  });

  test('a review whose window starts on or after the effective day gets it at the notice, and an agent records it', () => {
    const settings = sbom('2027-03-25');
    expect(approvedApp().reviews[0]!.checks.map((c) => c.id)).not.toContain('sbom');
    const { app, posted } = sweep(approvedApp(), '2027-03-10', '2027-03-25', [], settings);
    expect(app.reviews[0]!.checks.map((c) => [c.id, c.result])).toContainEqual(['sbom', 'pending']);
    expect(posted.find((p) => p.effect === 'window-note')?.text).toContain('Software bill of materials');
    const recorded = recordIn(app, '2027-03-26', settings, 'sbom', 'passed');
    if (!recorded.ok) throw new Error(recorded.error.message);
    expect(recorded.value.state.reviews[0]!.checks.find((c) => c.id === 'sbom')?.result).toBe('passed');
    expect(recorded.value.events[0]).toMatchObject({
      type: 'check-recorded',
      checkId: 'sbom',
      title: 'Software bill of materials',
    });
  });

  test('an agent may record it before the notice, on a review scheduled before the update was saved', () => {
    const recorded = recordIn(approvedApp(), '2027-03-01', sbom('2027-03-25'), 'sbom', 'passed');
    if (!recorded.ok) throw new Error(recorded.error.message);
    expect(recorded.value.state.reviews[0]!.checks.find((c) => c.id === 'sbom')?.result).toBe('passed');
  });

  test('a review already under way when the update is saved never gets it', () => {
    const { app } = sweep(approvedApp(), '2027-03-10', '2027-03-25');
    expect(app.reviews[0]!.state).toBe('in-review');
    const settings = sbom('2027-03-20');
    const { app: later } = sweep(app, '2027-03-26', '2027-03-27', [], settings);
    expect(later.reviews[0]!.checks.map((c) => c.id)).not.toContain('sbom');
    const refused = recordIn(later, '2027-03-27', settings, 'sbom', 'passed');
    expect(refused.ok).toBe(false);
  });

  test('when it fails, the partner’s remediation comment names it and says what to do', () => {
    const settings = sbom('2027-03-25');
    let { app } = sweep(answeredNo(approvedApp()), '2027-03-25', '2027-03-25', [], settings);
    for (const id of ['privacy-security-tab', 'support-contact', 'bug-bounty']) {
      const r = recordIn(app, '2027-03-26', settings, id, 'passed');
      if (!r.ok) throw new Error(r.error.message);
      app = r.value.state;
    }
    const failed = recordIn(app, '2027-03-27', settings, 'sbom', 'failed');
    if (!failed.ok) throw new Error(failed.error.message);
    const { app: after, posted } = sweep(failed.value.state, '2027-03-28', '2027-04-01', [], settings);
    expect(after.reviews[0]!.state).toBe('remediation');
    const comment = posted.find((p) => p.effect === 'remediation-comment');
    expect(comment?.visibility).toBe('public');
    expect(comment?.text).toContain('Software bill of materials: Publish a software bill of materials for the app.');
    expect(comment?.text).not.toContain('Bug Bounty');
  });
});

describe('late starts', () => {
  const unapproved = (): TrackedApp => ({
    ...approvedApp(),
    approval: undefined,
    reviews: [],
    submission: { ...approvedApp().submission, stage: 'verifying' },
  });
  const importedOn = (today: string) => {
    const app = unapproved();
    return decide(
      {
        ...app,
        approval: { approvedOn: '2026-03-10', by: 'agent-1', at: at(today), imported: true },
        submission: { ...app.submission, stage: 'approved' },
      },
      { kind: 'settings' },
      context(today),
    );
  };

  test('tracked after the notice day but before the window ends: the notice and the form go out that day, then the normal steps', () => {
    const decided = importedOn('2027-03-28');
    if (!decided.ok) throw new Error(decided.error.message);
    expect(decided.value.state.reviews.map((c) => `${c.id}:${c.state}`)).toEqual(['2027:scheduled']);
    const { app, posted } = sweep(decided.value.state, '2027-03-28', '2027-03-28');
    expect(posted.map((p) => p.effect)).toEqual(['notice', 'form-attachment', 'window-note']);
    expect(posted[0]!.text).toContain('31 March 2027 (UTC)');
    expect(app.reviews[0]?.state).toBe('in-review');
    // Not straight to remediation: the partner answers, the checks pass, the review passes at the window's end.
    const answered = decide(
      app,
      {
        kind: 'reply',
        cycleId: '2027',
        answer: { value: 'NO', categories: [], source: 'reply', by: 'partner-1', at: at('2027-03-29') },
      },
      context('2027-03-29', 'partner-1'),
    );
    if (!answered.ok) throw new Error('no');
    let current = answered.value.state;
    for (const id of ['privacy-security-tab', 'support-contact', 'bug-bounty'])
      current = record(current, '2027-03-30', id, 'passed');
    expect(sweep(current, '2027-03-29', '2027-04-02').app.reviews.find((c) => c.id === '2027')?.state).toBe('passed');
  });

  test('tracked after the window ended: that year’s review is not opened, the next is scheduled, and nothing goes overdue', () => {
    const decided = importedOn('2027-04-05');
    if (!decided.ok) throw new Error(decided.error.message);
    expect(decided.value.state.reviews.map((c) => `${c.id}:${c.state}`)).toEqual(['2027:not-opened', '2028:scheduled']);
    expect(historyOfEvents(decided.value.events).map((l) => l.summary)).toContain(
      'The annual review of 2027 was not opened: its window (2027-03-25 to 2027-03-31) ended before the app tracked this ticket.',
    );
    const { posted, app } = sweep(decided.value.state, '2027-04-05', '2027-06-30');
    expect(posted).toEqual([]);
    expect(app.reviews.map((c) => c.state)).toEqual(['not-opened', 'scheduled']);
  });

  test('an agent starts a review that was not opened: in review at once, the notice that day, four weeks from that day', () => {
    const decided = importedOn('2027-04-05');
    if (!decided.ok) throw new Error(decided.error.message);
    const started = decide(
      decided.value.state,
      { kind: 'agent', action: { type: 'start-review-now', cycleId: '2027' } },
      context('2027-04-06'),
    );
    if (!started.ok) throw new Error(started.error.message);
    const cycle = started.value.state.reviews.find((c) => c.id === '2027')!;
    expect(cycle).toMatchObject({
      state: 'in-review',
      noticeOn: '2027-04-06',
      windowStart: '2027-04-06',
      windowEnd: '2027-04-12',
      remediationDue: '2027-05-04',
    });
    expect(started.value.state.reviews.map((c) => c.id)).toEqual(['2027', '2028']);
    // Twice is once.
    const again = decide(
      started.value.state,
      { kind: 'agent', action: { type: 'start-review-now', cycleId: '2027' } },
      context('2027-04-06'),
    );
    expect(again.ok && again.value.state).toBe(started.value.state);
    const { posted } = sweep(started.value.state, '2027-04-06', '2027-04-06');
    expect(posted.map((p) => p.effect)).toEqual(['notice', 'form-attachment']);
    expect(posted[0]!.text).toContain('Issues resolved by: 4 May 2027 (UTC)');
    // Only a review that was not opened can be started now.
    const scheduled = decide(
      started.value.state,
      { kind: 'agent', action: { type: 'start-review-now', cycleId: '2028' } },
      context('2027-04-06'),
    );
    expect(scheduled).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });
});
