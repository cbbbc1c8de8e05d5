import type { IsoDate } from '../domain/dates';
import type { ProgramSettings } from '../domain/program';
import type { ReviewCycle, ReviewState } from '../domain/review-types';
import { nextStepOwner } from '../domain/submission';
import type { TrackedApp } from '../domain/tracked-app';

/** The issue property that mirrors an app's state for JQL (`jira:entityProperty` in the manifest). */
export const SUMMARY_PROPERTY_KEY = 'cf-tracker-summary';

export type SummaryValue = string | number | boolean | null;

const OPEN_STATES: readonly ReviewState[] = ['notified', 'in-review', 'remediation'];

/**
 * The cycle a person asks about first: an open one (the earliest), else the next scheduled one,
 * else the most recent.
 */
export function currentCycle(app: TrackedApp): ReviewCycle | undefined {
  const byWindow = [...app.reviews].sort((a, b) => a.windowStart.localeCompare(b.windowStart));
  return (
    byWindow.find((c) => OPEN_STATES.includes(c.state)) ??
    byWindow.find((c) => c.state === 'scheduled') ??
    app.reviews[app.reviews.length - 1]
  );
}

/**
 * The summary mirrored into the issue property; every key is a JQL search alias, so values
 * stay flat. It is rebuilt from the stored record on every write.
 */
export function summaryProperty(app: TrackedApp, program: ProgramSettings, today: IsoDate): Record<string, SummaryValue> {
  void program; // the summary needs nothing program-specific yet; kept for the agreed signature
  const cycle = currentCycle(app);
  const overdue = app.reviews.some(
    (c) => c.state === 'overdue' || (c.state === 'remediation' && c.remediationDue < today),
  );
  return {
    appName: app.appName,
    stage: app.submission.stage,
    nextStep: nextStepOwner(app.submission.stage),
    reviewState: cycle?.state ?? null,
    nextActionOn: app.nextActionOn,
    approvedOn: app.approval?.approvedOn ?? null,
    remediationDue: cycle?.remediationDue ?? null,
    answer: cycle?.answer?.value ?? null,
    // Indexed as a string field (JQL: cfOverdue = "true"), so written as one.
    overdue: overdue ? 'true' : 'false',
  };
}
