import type { IsoDate } from './dates';
import type { ReviewCycle, ReviewState } from './review-types';
import { nextStepOwner } from './submission';
import type { NextStepOwner, SubmissionState } from './submission-types';
import type { TrackedApp } from './tracked-app';

const OPEN_STATES: readonly ReviewState[] = ['notified', 'in-review', 'remediation'];

/**
 * The review people ask about first: the open one due soonest; else an overdue one (agents
 * must act on it); else the next scheduled one. Undefined when none of these exists.
 */
export function currentReview(reviews: readonly ReviewCycle[]): ReviewCycle | undefined {
  const byWindow = [...reviews].sort((a, b) => a.windowStart.localeCompare(b.windowStart));
  return (
    byWindow.find((c) => OPEN_STATES.includes(c.state)) ??
    [...byWindow].reverse().find((c) => c.state === 'overdue') ??
    byWindow.find((c) => c.state === 'scheduled')
  );
}

/** Whose move it is in a review: the partner answers and fixes, Atlassian checks and escalates. */
export function reviewNextStep(cycle: ReviewCycle): NextStepOwner {
  switch (cycle.state) {
    case 'scheduled':
      return 'time';
    case 'notified':
    case 'in-review':
      // The window ended with checks not run: the agents' move, whatever the answer says.
      if (cycle.effects['checks-not-run-note']) return 'atlassian';
      return cycle.answer && cycle.answer.value !== 'UNCLEAR' ? 'atlassian' : 'partner';
    case 'remediation':
      return 'partner';
    case 'overdue':
      return 'atlassian';
    case 'passed':
    case 'cancelled':
    case 'not-opened':
      return 'none';
  }
}

/**
 * Whose move it is in a submission: its stage's owner, except that a soak waits for time only
 * until its last day; once every soak has ended, Atlassian verifies.
 */
export function submissionNextStep(submission: SubmissionState, today: IsoDate): NextStepOwner {
  const owner = nextStepOwner(submission.stage);
  if (submission.stage !== 'soaking') return owner;
  const waiting = submission.components.some(
    (c) => c.status === 'soaking' && (c.soakUntil === undefined || c.soakUntil > today),
  );
  return waiting ? owner : 'atlassian';
}

/** Whose move it is for the app: its current review once approved, else its submission's. */
export function appNextStep(app: TrackedApp, today: IsoDate): NextStepOwner {
  if (app.approval && app.submission.stage === 'approved') {
    const review = currentReview(app.reviews);
    if (review) return reviewNextStep(review);
  }
  return submissionNextStep(app.submission, today);
}
