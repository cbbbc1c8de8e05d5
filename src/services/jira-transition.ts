import { fail, ok, type Result } from '../domain/result';
import { statusesForStage } from '../domain/submission';
import type { Stage } from '../domain/submission-types';
import type { TrackedApp } from '../domain/tracked-app';
import type { InvocationContext } from './invocation-context';

/**
 * Where the program maps statuses to a stage, the ticket's workflow is the truth: Jira moves
 * first, a refused transition changes nothing, and the record follows. Answers the status Jira
 * moved to (undefined when no status is mapped: the app keeps the stage itself).
 */
export async function transitionFor(
  ctx: InvocationContext,
  issueKey: string,
  stage: Stage,
): Promise<Result<string | undefined>> {
  const statuses = statusesForStage(ctx.program, stage);
  if (statuses.length === 0) return ok(undefined);
  let moved: Awaited<ReturnType<typeof ctx.ports.jira.transitionTo>>;
  try {
    moved = await ctx.ports.jira.transitionTo(issueKey, statuses);
  } catch (error) {
    console.error(
      `transition of ${issueKey} to ${statuses.join('/')} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return fail(
      'jira-unavailable',
      `Jira could not be reached to move ${issueKey}; nothing was changed. Try again in a moment.`,
    );
  }
  if (!moved.ok) {
    return fail(
      'transition-refused',
      `Jira refused to move ${issueKey} to ${statuses.map((s) => `“${s}”`).join(' or ')}: ${moved.reason.replace(/\.?$/, '.')} Nothing was changed; move the ticket in Jira first, or check the status mapping in the program settings.`,
    );
  }
  return ok(moved.status);
}

/**
 * Records the change after Jira moved the ticket. Should that fail (the store unavailable), the
 * agent hears that the ticket moved and the record did not, and a retry repairs it: the
 * transition is then already done, so only the record changes.
 */
export async function afterTransition(
  issueKey: string,
  status: string | undefined,
  update: () => Promise<Result<TrackedApp>>,
): Promise<Result<{ app: TrackedApp; jiraStatus?: string }>> {
  let result: Result<TrackedApp>;
  try {
    result = await update();
  } catch (error) {
    if (!status) throw error;
    console.error(
      `record not updated after the transition to ${status}: ${error instanceof Error ? error.message : String(error)}`,
    );
    result = fail('conflict', 'The app’s storage did not answer.');
  }
  if (result.ok) return ok(status ? { app: result.value, jiraStatus: status } : { app: result.value });
  if (!status || result.error.code === 'not-tracked') return result;
  return fail(
    result.error.code,
    `${issueKey} moved to “${status}” in Jira, but the app could not record it (${result.error.message.replace(/\.$/, '')}). ` +
      'Try again: the ticket is already there, so only the record will change.',
  );
}
