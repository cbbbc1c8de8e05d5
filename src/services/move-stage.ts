import { fail, ok, type Result } from '../domain/result';
import { moveStage } from '../domain/submission';
import type { Stage } from '../domain/submission-types';
import type { TrackedApp } from '../domain/tracked-app';
import { recordWithUpdates } from './executor';
import type { InvocationContext } from './invocation-context';
import { afterTransition, transitionFor } from './jira-transition';

export interface MoveStageParams {
  issueKey: string;
  by: string;
  to: Stage;
  note?: string;
}

/** Moves the submission to another stage, Jira's workflow first where a status is mapped. */
export async function moveSubmissionStage(
  ctx: InvocationContext,
  { issueKey, by, to, note }: MoveStageParams,
): Promise<Result<{ app: TrackedApp; jiraStatus?: string }>> {
  const app = await ctx.ports.apps.get(issueKey);
  if (!app) return fail('not-tracked', `${issueKey} is not tracked by the app.`);
  // Already there (a retried or doubled click): nothing to do, and nothing to record twice.
  if (app.submission.stage === to) return ok({ app });
  const checked = moveStage(app.submission, to, by, ctx.at);
  if (!checked.ok) return checked;
  const status = await transitionFor(ctx, issueKey, to);
  if (!status.ok) return status;
  const action = {
    type: 'move-stage' as const,
    to,
    ...(note ? { note } : {}),
    ...(status.value ? { status: status.value } : {}),
  };
  return afterTransition(issueKey, status.value, () =>
    recordWithUpdates(ctx, issueKey, { kind: 'agent', action }, by, app),
  );
}
