import { ineligibility, needsRequestType } from '../domain/eligibility';
import { historyOf } from '../domain/history';
import { fail, type Result } from '../domain/result';
import { followJiraStatus, startSubmission } from '../domain/submission';
import type { TrackedApp } from '../domain/tracked-app';
import type { InvocationContext } from './invocation-context';
import { createTrackedApp } from './update-app';

export interface StartTrackingParams {
  issueKey: string;
  by: string;
  appName: string;
}

/** Starts tracking a ticket as an app submission; the ticket's JSM status sets the first stage where it maps to one. */
export async function startTracking(
  ctx: InvocationContext,
  { issueKey, by, appName }: StartTrackingParams,
): Promise<Result<TrackedApp>> {
  const issue = await ctx.ports.jira.getIssue(issueKey, needsRequestType(ctx.program));
  if (!issue) return fail('not-found', `${issueKey} could not be found in Jira; check the ticket key.`);
  const reason = ineligibility(issue, ctx.program);
  if (reason) return fail('not-allowed', `${reason} Change the program settings to track it.`);

  let submission = startSubmission(ctx.program, by, ctx.at);
  // An approval is recorded with "Approve" (or the import), never inferred from a status alone.
  const followed = followJiraStatus(submission, ctx.program, issue.status, by, ctx.at);
  if (followed && followed.stage !== 'approved') submission = followed;
  const app: TrackedApp = {
    issueKey: issue.key,
    issueId: issue.id,
    appName,
    createdAt: ctx.at,
    createdBy: by,
    submission,
    reviews: [],
    nextActionOn: null,
    version: 1,
  };
  const started = historyOf({
    type: 'tracking-started',
    by,
    at: ctx.at,
    appName,
    stage: submission.stage,
    status: issue.status,
  });
  return createTrackedApp(ctx, app, [started]);
}
