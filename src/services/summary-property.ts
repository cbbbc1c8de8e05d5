import type { IsoDate } from '../domain/dates';
import type { ProgramSettings } from '../domain/program';
import { appNextStep, currentReview } from '../domain/next-step';
import type { TrackedApp } from '../domain/tracked-app';

/** The issue property that mirrors an app's state for JQL (`jira:entityProperty` in the manifest). */
export const SUMMARY_PROPERTY_KEY = 'cf-tracker-summary';

export type SummaryValue = string | number | boolean | null;

/**
 * The summary mirrored into the issue property; every key is a JQL search alias, so values
 * stay flat. It is rebuilt from the stored record on every write.
 */
export function summaryProperty(
  app: TrackedApp,
  program: ProgramSettings,
  today: IsoDate,
): Record<string, SummaryValue> {
  void program; // the summary needs nothing program-specific yet; kept for the agreed signature
  // A closed review still answers "how did the last one go" when nothing else is on.
  const cycle = currentReview(app.reviews) ?? app.reviews[app.reviews.length - 1];
  const overdue = app.reviews.some(
    (c) => c.state === 'overdue' || (c.state === 'remediation' && c.remediationDue < today),
  );
  return {
    appName: app.appName,
    stage: app.submission.stage,
    nextStep: appNextStep(app, today),
    reviewState: cycle?.state ?? null,
    nextActionOn: app.nextActionOn,
    approvedOn: app.approval?.approvedOn ?? null,
    remediationDue: cycle?.remediationDue ?? null,
    answer: cycle?.answer?.value ?? null,
    // Indexed as a string field (JQL: cfOverdue = "true"), so written as one.
    overdue: overdue ? 'true' : 'false',
  };
}
