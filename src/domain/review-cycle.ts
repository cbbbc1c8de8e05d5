import { annualReviewDates, currentReviewYear, escalationDates, startedNowDates } from './calendar';
import type { IsoDate, IsoDateTime } from './dates';
import type { ProgramSettings } from './program';
import { checksForCycle } from './program-updates';
import { fail, ok, type DomainResult } from './result';
import type { CheckResult, CheckState, PartnerAnswer, ReviewCycle, ReviewEffect, ReviewState } from './review-types';
import { SIGNIFICANT_CHANGES_CHECK } from './review-checks';
import {
  allChecksPassed,
  isClosed,
  REVIEW_STEPS,
  STEP_ORDER,
  type ReviewStepKind,
  type StepDays,
} from './review-steps';
import { soakEndPending, submissionOpen } from './soak-end';
import type { TrackedApp } from './tracked-app';
import { afterLastFailure } from './work-failure';

/**
 * The annual review (and escalations) as a state machine driven by the day. What is due is
 * computed from the cycle's state, the effects already recorded and today, so a sweep that
 * missed days catches up with one action per call and never sends messages whose moment has
 * passed.
 */

export type ReviewActionKind = ReviewStepKind;

export interface ReviewAction {
  kind: ReviewActionKind;
  cycleId: string;
  /** The day the action fell due (today or earlier). */
  due: IsoDate;
}

export { allChecksPassed, isClosed, SIGNIFICANT_CHANGES_CHECK };
/** The note on the significant-changes check when the partner's NO passed it. */
export const PASSED_BY_NO_ANSWER = 'The partner answered NO: no significant change this year.';
const NOTE_MAX = 2000;

/** The checks of a review whose window starts on `windowStart`, none run yet. */
function pendingChecks(program: ProgramSettings, windowStart: IsoDate): CheckState[] {
  return checksForCycle(program, windowStart).map((c) => ({ id: c.id, result: 'pending' as const }));
}

/**
 * A review not yet under way (scheduled, or notified, before its window opens) gets the checks a
 * program update saved since it was scheduled adds for its window, still to run; nothing it has
 * is taken away. The window's opening stores them for good: a review under way never gets a
 * new check. Returns the same object when nothing changes.
 */
export function withCurrentChecks(cycle: ReviewCycle, program: ProgramSettings): ReviewCycle {
  if (cycle.state !== 'scheduled' && cycle.state !== 'notified') return cycle;
  const missing = checksForCycle(program, cycle.windowStart).filter((c) => !cycle.checks.some((s) => s.id === c.id));
  return missing.length === 0
    ? cycle
    : { ...cycle, checks: [...cycle.checks, ...missing.map((c) => ({ id: c.id, result: 'pending' as const }))] };
}

export function scheduleAnnualCycle(
  approvedOn: IsoDate,
  year: number,
  program: ProgramSettings,
  at: IsoDateTime,
): ReviewCycle {
  const dates = annualReviewDates(approvedOn, year, program.timings);
  return {
    id: String(year),
    kind: 'annual',
    year,
    ...dates,
    state: 'scheduled',
    stateSince: at,
    checks: pendingChecks(program, dates.windowStart),
    effects: {},
  };
}

/**
 * A concern raised about an app opens an extra review at once: the window starts the day it is
 * raised (so the cycle is `in-review` straight away) and the partner gets a notice comment with
 * the form, like an annual review.
 */
export function openEscalation(
  concern: { text: string; source: 'atlassian' | 'customer' },
  raisedOn: IsoDate,
  existing: ReviewCycle[],
  program: ProgramSettings,
  by: string,
  at: IsoDateTime,
): ReviewCycle {
  const numbers = existing
    .map((c) => /^esc-(\d+)$/.exec(c.id)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  const n = Math.max(0, ...numbers) + 1;
  const dates = escalationDates(raisedOn, program.timings);
  return {
    id: `esc-${n}`,
    kind: 'escalation',
    year: Number(raisedOn.slice(0, 4)),
    ...dates,
    state: 'in-review',
    stateSince: at,
    checks: pendingChecks(program, dates.windowStart),
    effects: {},
    concern: { text: concern.text.trim(), raisedBy: by, at, source: concern.source },
  };
}

/**
 * An agent starts a review the app did not open (its window had ended before the ticket was
 * tracked): it is in review at once, its notice goes out on the day's sweep, and the four weeks
 * count from that day.
 */
export function startReviewNow(
  cycle: ReviewCycle,
  today: IsoDate,
  program: ProgramSettings,
  by: string,
  at: IsoDateTime,
): DomainResult<ReviewCycle> {
  if (cycle.state !== 'not-opened')
    return fail(
      'not-allowed',
      `Review ${cycle.id} is ${cycle.state}; only a review the app did not open can be started now.`,
    );
  const dates = startedNowDates(today, program.timings);
  return ok({
    ...cycle,
    ...dates,
    state: 'in-review',
    stateSince: at,
    checks: pendingChecks(program, dates.windowStart),
    effects: {},
    startedNow: { by, at },
  });
}

/** The steps ahead of the cycle as it stands, in the table's order, with their days. */
function stepsAhead(cycle: ReviewCycle, program: ProgramSettings): (StepDays & { kind: ReviewStepKind })[] {
  if (isClosed(cycle)) return [];
  return STEP_ORDER.flatMap((kind) => {
    const days = REVIEW_STEPS[kind].ahead(cycle, program);
    return days ? [{ kind, ...days }] : [];
  });
}

export function nextReviewAction(cycle: ReviewCycle, today: IsoDate, program: ProgramSettings): ReviewAction | null {
  const step = stepsAhead(cycle, program).find((s) => s.from <= today && (s.until === undefined || today <= s.until));
  return step ? { kind: step.kind, cycleId: cycle.id, due: step.from } : null;
}

/** The next day something is due for this cycle; null once it is closed. */
export function nextActionDate(cycle: ReviewCycle, program: ProgramSettings): IsoDate | null {
  const days = stepsAhead(cycle, program).map((s) => s.from);
  return days.length ? days.reduce((a, b) => (b < a ? b : a)) : null;
}

/** Records an effect performed on the ticket; the first record of an effect is kept. */
export function recordEffect(
  cycle: ReviewCycle,
  effect: ReviewEffect,
  today: IsoDate,
  at: IsoDateTime,
  posted?: { id?: string },
): ReviewCycle {
  if (cycle.effects[effect]) return cycle;
  const record: { id?: string; at: IsoDateTime; on: IsoDate } = { at, on: today };
  if (posted?.id) record.id = posted.id;
  return { ...cycle, effects: { ...cycle.effects, [effect]: record } };
}

function moveTo(cycle: ReviewCycle, state: ReviewState, at: IsoDateTime): ReviewCycle {
  return cycle.state === state ? cycle : { ...cycle, state, stateSince: at };
}

/**
 * Records what a step did and moves the cycle on, as the step table says. Applying a step twice,
 * or to a closed cycle, or to another cycle, changes nothing.
 */
export function applyReviewAction(
  cycle: ReviewCycle,
  action: ReviewAction,
  today: IsoDate,
  at: IsoDateTime,
  posted?: { id?: string },
  /** The step's other posts (the form file, the JSM form), recorded with it. */
  more: { effect: ReviewEffect; id?: string }[] = [],
): ReviewCycle {
  if (action.cycleId !== cycle.id || isClosed(cycle)) return cycle;
  const step = REVIEW_STEPS[action.kind];
  const mark = step.mark(cycle);
  if (cycle.effects[mark]) return cycle;
  // A review in remediation closes only once every check has passed.
  if (action.kind === 'close-window' && cycle.state === 'remediation' && !allChecksPassed(cycle)) return cycle;
  const to = step.moves(cycle);
  const recorded = [{ effect: mark, ...posted }, ...more].reduce(
    (c, p) => recordEffect(c, p.effect, today, at, p),
    cycle,
  );
  return to ? moveTo(recorded, to, at) : recorded;
}

/** When the open review's checks have all passed, it is done. */
function passIfComplete(cycle: ReviewCycle, at: IsoDateTime): ReviewCycle {
  const closable = cycle.state === 'remediation' || cycle.state === 'overdue';
  return closable && allChecksPassed(cycle) ? moveTo(cycle, 'passed', at) : cycle;
}

/**
 * Keeps the partner's answer (a later reply replaces an earlier one). NO passes the
 * significant-changes check on the partner's word; YES or UNCLEAR leaves it for an agent, and
 * takes back a pass that only an earlier NO had given. A result set by an agent stays.
 */
export function recordPartnerAnswer(cycle: ReviewCycle, answer: PartnerAnswer): ReviewCycle {
  const withAnswer: ReviewCycle = { ...cycle, answer };
  if (cycle.state === 'passed' || cycle.state === 'cancelled' || cycle.state === 'not-opened') return withAnswer;
  const checks = cycle.checks.map((check): CheckState => {
    if (check.id !== SIGNIFICANT_CHANGES_CHECK) return check;
    const passedByAnswer = check.result === 'passed' && check.note === PASSED_BY_NO_ANSWER;
    if (answer.value === 'NO' && (check.result === 'pending' || passedByAnswer)) {
      return { id: check.id, result: 'passed', note: PASSED_BY_NO_ANSWER, by: answer.by, at: answer.at };
    }
    if (answer.value !== 'NO' && passedByAnswer) {
      return { id: check.id, result: 'pending', by: answer.by, at: answer.at };
    }
    return check;
  });
  return passIfComplete({ ...withAnswer, checks }, answer.at);
}

export function recordCheckResult(
  cycle: ReviewCycle,
  checkId: string,
  result: CheckResult,
  note: string | undefined,
  by: string,
  at: IsoDateTime,
): DomainResult<ReviewCycle> {
  if (!cycle.checks.some((c) => c.id === checkId)) {
    return fail('not-found', `The review ${cycle.id} has no check "${checkId}".`);
  }
  if (cycle.state === 'passed' || cycle.state === 'cancelled') {
    return fail('not-allowed', `The review ${cycle.id} is ${cycle.state}; its checks can no longer change.`);
  }
  if (cycle.state === 'not-opened')
    return fail('not-allowed', `The review ${cycle.id} was not opened; start it now first.`);
  const text = note?.trim() || undefined;
  if (text && text.length > NOTE_MAX) return fail('invalid', `The note is longer than ${NOTE_MAX} characters.`);
  const checks = cycle.checks.map((c): CheckState => {
    if (c.id !== checkId) return c;
    const next: CheckState = { id: c.id, result, by, at };
    if (text) next.note = text;
    return next;
  });
  return ok(passIfComplete({ ...cycle, checks }, at));
}

/** An app can still have reviews while it is approved (imported apps included), not once it has left. */
function inProgram(app: TrackedApp): boolean {
  return app.approval !== undefined && app.submission.stage !== 'withdrawn' && app.submission.stage !== 'declined';
}

/**
 * An approved app always has exactly one annual review open or scheduled: once the last one is
 * closed, the next anniversary's is scheduled (this year's when its deadline has not passed,
 * never past years, never a year twice). Returns the same object when nothing changes.
 */
export function ensureNextCycle(
  app: TrackedApp,
  today: IsoDate,
  program: ProgramSettings,
  at: IsoDateTime,
): TrackedApp {
  if (!inProgram(app) || !app.approval) return app;
  const annual = app.reviews.filter((c) => c.kind === 'annual');
  if (annual.some((c) => !isClosed(c))) return app;
  const lastYear = Math.max(0, ...annual.map((c) => c.year));
  const year = Math.max(currentReviewYear(app.approval.approvedOn, today, program.timings), lastYear + 1);
  const cycle = scheduleAnnualCycle(app.approval.approvedOn, year, program, at);
  // A window that ended before the app tracked the ticket is a review that never happened: the
  // app does not open it (agents may start it now), and the next year's is scheduled.
  if (cycle.windowEnd < today)
    return ensureNextCycle(
      { ...app, reviews: [...app.reviews, { ...cycle, state: 'not-opened' }] },
      today,
      program,
      at,
    );
  const next = { ...app, reviews: [...app.reviews, cycle] };
  return { ...next, nextActionOn: appNextActionOn(next, program) };
}

/**
 * The earliest day something is due for the app: a review step, or the end of a requirement's
 * soak not yet noted; after a permanent failure, not before the next day.
 */
export function appNextActionOn(app: TrackedApp, program: ProgramSettings): IsoDate | null {
  const days: IsoDate[] = app.reviews.map((c) => nextActionDate(c, program)).filter((d): d is IsoDate => d !== null);
  if (submissionOpen(app.submission)) {
    for (const c of app.submission.components) if (soakEndPending(c)) days.push(c.soakUntil);
  }
  return afterLastFailure(app, days.length ? days.reduce((a, b) => (b < a ? b : a)) : null);
}
