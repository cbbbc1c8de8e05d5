import type { IsoDate, IsoDateTime } from './dates';
import { currentReview, reviewNextStep } from './next-step';
import type { ProgramSettings } from './program';
import { checkDefinition } from './program-updates';
import type { PartnerAnswerValue, ReviewCycle, ReviewDates, ReviewState } from './review-types';
import { nextStepOwner } from './submission';
import type { NextStepOwner, Stage } from './submission-types';
import type { TrackedApp } from './tracked-app';

/**
 * What a partner may see of their app, built only from what is meant for them: the dates, whose
 * move it is, which requirements failed, their own answer. Never a note, a reason written for
 * agents, who raised a concern, or anything posted as an internal comment.
 */
export interface PartnerView {
  appName: string;
  /** The program's time zone: every date is a day in it. */
  timezone: string;
  today: IsoDate;
  /** Before approval: where the submission stands. */
  submission?: { stage: Stage; nextStep: NextStepOwner; whoseMove: string };
  review?: PartnerReview;
  changeCategories: { id: string; title: string; examples: string[] }[];
}

export interface PartnerReview {
  id: string;
  kind: 'annual' | 'escalation';
  year: number;
  state: ReviewState;
  nextStep: NextStepOwner;
  /** Whose move it is, in a sentence for the partner. */
  whoseMove: string;
  dates: ReviewDates;
  /** Requirements found failing, to resolve by the remediation deadline. */
  failed: { id: string; title: string; description: string }[];
  /** Set once a requirement failed: the day the failed ones must be resolved by. */
  remediationDue?: IsoDate;
  /** The partner's significant-change answer as the program recorded it. */
  answer?: { value: PartnerAnswerValue; categories: string[]; source: 'reply' | 'form' | 'agent'; at: IsoDateTime };
  /** Whether an answer given now is recorded (an agent's answer is not replaced). */
  canAnswer: boolean;
  /** An escalation says that a concern was raised, never by whom. */
  concern?: { raisedBy: 'atlassian' | 'customer' };
}

const OPEN_FOR_ANSWER: readonly ReviewState[] = ['notified', 'in-review', 'remediation'];

function whoseMoveInReview(cycle: ReviewCycle, next: NextStepOwner): string {
  switch (cycle.state) {
    case 'scheduled':
      return 'Nothing to do yet: the program will contact you before the review.';
    case 'notified':
    case 'in-review':
      return next === 'partner'
        ? 'Your move: tell us whether the app had any significant change (YES or NO).'
        : 'Atlassian’s move: the program is running the review checks.';
    case 'remediation':
      return 'Your move: resolve the failed requirements by the remediation deadline and tell us on this request.';
    case 'overdue':
      return 'The remediation deadline has passed with requirements still failing; the program will contact you.';
    case 'passed':
      return 'The review is complete: nothing more to do.';
    case 'cancelled':
      return 'This review was cancelled.';
    case 'not-opened':
      return 'This review was not held: its window ended before the program started tracking this request.';
  }
}

function submissionMove(next: NextStepOwner): string {
  if (next === 'partner') return 'Your move: the program is waiting for information from you on this request.';
  if (next === 'atlassian') return 'Atlassian’s move: the program is working on your submission.';
  if (next === 'time') return 'Waiting: some requirements must be in place for a while before approval.';
  return 'The submission is closed.';
}

function reviewFor(cycle: ReviewCycle, program: ProgramSettings): PartnerReview {
  const nextStep = reviewNextStep(cycle);
  const failed = cycle.checks
    .filter((c) => c.result === 'failed')
    .map((c) => {
      const check = checkDefinition(program, c.id);
      return { id: c.id, title: check?.title ?? c.id, description: check?.description ?? '' };
    });
  const review: PartnerReview = {
    id: cycle.id,
    kind: cycle.kind,
    year: cycle.year,
    state: cycle.state,
    nextStep,
    whoseMove: whoseMoveInReview(cycle, nextStep),
    dates: {
      noticeOn: cycle.noticeOn,
      windowStart: cycle.windowStart,
      windowEnd: cycle.windowEnd,
      remediationDue: cycle.remediationDue,
    },
    failed,
    canAnswer:
      OPEN_FOR_ANSWER.includes(cycle.state) &&
      cycle.answer?.source !== 'agent' &&
      !(cycle.state === 'remediation' && cycle.answer),
  };
  if (cycle.state === 'remediation' || cycle.state === 'overdue' || failed.length > 0)
    review.remediationDue = cycle.remediationDue;
  if (cycle.answer) {
    const { value, categories, source, at } = cycle.answer;
    review.answer = { value, categories: [...categories], source, at };
  }
  if (cycle.kind === 'escalation' && cycle.concern) review.concern = { raisedBy: cycle.concern.source };
  return review;
}

/** The partner's view of a tracked app on `today` (a day in the program's time zone). */
export function partnerView(app: TrackedApp, program: ProgramSettings, today: IsoDate): PartnerView {
  const view: PartnerView = {
    appName: app.appName,
    timezone: program.timezone,
    today,
    changeCategories: program.changeCategories.map((c) => ({ id: c.id, title: c.title, examples: [...c.examples] })),
  };
  // With no review open or scheduled, the latest one (passed, say) is still what the partner asks about.
  const latest = [...app.reviews].sort((a, b) => b.windowStart.localeCompare(a.windowStart))[0];
  const cycle = app.approval ? (currentReview(app.reviews) ?? latest) : undefined;
  if (cycle) {
    view.review = reviewFor(cycle, program);
  } else {
    const next = nextStepOwner(app.submission.stage);
    view.submission = { stage: app.submission.stage, nextStep: next, whoseMove: submissionMove(next) };
  }
  return view;
}
