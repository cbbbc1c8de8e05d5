import type { ApiError, ApiResult, TicketView, Viewer } from '../contract';
import type { AppError, Result } from '../domain/result';
import type { TrackedApp } from '../domain/tracked-app';
import { refusal, success } from './api-result';
import type { InvocationContext } from '../services/invocation-context';
import { loadTicketView } from './ticket-view';

export { refusal, success };

/** A typed refusal as the UI shows it: the code decides, the domain's message is the sentence. */
export function apiError(error: AppError, issueKey?: string): ApiError {
  switch (error.code) {
    case 'not-tracked':
      return { code: 'not-tracked', message: issueKey ? notTrackedMessage(issueKey) : error.message };
    case 'exists':
      return {
        code: 'conflict',
        message: issueKey ? `${issueKey} is already tracked; reload the panel to see it.` : error.message,
      };
    case 'conflict':
      return { code: 'conflict', message: `${error.message.replace(/\.?$/, '.')} Reload the panel and try again.` };
    case 'storage-refused':
      return { code: 'internal', message: error.message };
    default:
      return error.problems
        ? { code: error.code, message: error.message, problems: error.problems }
        : { code: error.code, message: error.message };
  }
}

export function notTrackedMessage(issueKey: string): string {
  return `${issueKey} is not tracked by the program yet: start tracking it from the issue panel first.`;
}

/** A use case's result on a ticket, answered with the panel as it now stands. */
export async function ticketAnswer(
  ctx: InvocationContext,
  viewer: Viewer,
  issueKey: string,
  result: Result<TrackedApp | { app: TrackedApp; jiraStatus?: string }>,
): Promise<ApiResult<TicketView>> {
  if (!result.ok) return { ok: false, error: apiError(result.error, issueKey) };
  const known = 'app' in result.value ? result.value : { app: result.value };
  return success(await loadTicketView(ctx, known.app.issueKey, viewer, known));
}
