import { InvocationError, InvocationErrorCode } from '@forge/events';
import { forgePorts } from '../adapters/forge-ports';
import { isTransient } from '../services/review-work';
import { handleTicketEvent } from '../services/ticket-events';

/** Forge retries a product event at most four times, each at most 900 s later. */
export const MAX_EVENT_RETRIES = 4;
const MAX_RETRY_AFTER_SECONDS = 900;
const FIRST_RETRY_AFTER_SECONDS = 60;

/** How many times the platform has delivered this event again (`retryContext.retryCount`; 0 the first time). */
export function retryCountOf(event: unknown): number {
  const e = (typeof event === 'object' && event !== null ? event : {}) as { retryContext?: { retryCount?: unknown }; retryCount?: unknown };
  const count = e.retryContext?.retryCount ?? e.retryCount;
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : 0;
}

/**
 * Product trigger for comments and issue updates. A bad payload is dropped by the service. A
 * failure that may pass asks Forge for a redelivery (a trigger that throws is not retried):
 * 1, 2, 4, 8 minutes later. Past the last retry, or on a failure that will not pass, the event
 * is dropped with a log line: a reply it carried is still on the ticket, and the review worker
 * reads the comments since the notice before the answer reminder and before closing the window.
 */
export async function onTicketEvent(event: unknown): Promise<InvocationError | undefined> {
  try {
    const outcome = await handleTicketEvent(forgePorts(), event);
    if (outcome.handled) console.log(`ticket event on ${outcome.issueKey}: ${outcome.what}${outcome.detail ? ` (${outcome.detail})` : ''}`);
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const retries = retryCountOf(event);
    if (!isTransient(error)) {
      console.error(`ticket event dropped (it would fail again): ${reason}`);
      return undefined;
    }
    if (retries >= MAX_EVENT_RETRIES) {
      console.error(`ticket event dropped after ${retries} retries, left for the review worker to read from the ticket: ${reason}`);
      return undefined;
    }
    console.warn(`ticket event to retry (retry ${retries + 1} of ${MAX_EVENT_RETRIES}): ${reason}`);
    return new InvocationError({
      retryAfter: Math.min(MAX_RETRY_AFTER_SECONDS, FIRST_RETRY_AFTER_SECONDS * 2 ** retries),
      retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
    });
  }
}
