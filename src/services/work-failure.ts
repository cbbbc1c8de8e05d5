import { ok } from '../domain/result';
import { clearWorkFailure, recordWorkFailure } from '../domain/work-failure';
import type { InvocationContext } from './invocation-context';
import { updateTrackedApp } from './update-app';
import { RefusedError } from './refused-error';

/**
 * Records a failure a retry cannot fix on the app, so people see it and the sweep retries the
 * app daily instead of on every run. Never throws: the failure is already logged, and the other
 * tickets' work goes on.
 */
export async function noteWorkFailure(ctx: InvocationContext, issueKey: string, reason: string): Promise<void> {
  try {
    const result = await updateTrackedApp(ctx, issueKey, (app) =>
      ok({ app: recordWorkFailure(app, reason, ctx.today, ctx.at), audit: [] }),
    );
    if (!result.ok && result.error.code !== 'not-found')
      console.error(`failure of ${issueKey} not recorded: ${result.error.message}`);
  } catch (error) {
    console.error(`failure of ${issueKey} not recorded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** After a run that succeeded, an earlier failure no longer holds the app back. */
export async function forgetWorkFailure(ctx: InvocationContext, issueKey: string): Promise<void> {
  const result = await updateTrackedApp(ctx, issueKey, (app) => ok({ app: clearWorkFailure(app), audit: [] }));
  if (!result.ok && result.error.code !== 'not-found')
    throw new RefusedError(`failure of ${issueKey} not cleared`, result.error);
}
