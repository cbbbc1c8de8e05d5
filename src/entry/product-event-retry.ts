import { InvocationError, InvocationErrorCode } from '@forge/events';
import { isTransient } from '../services/review-work';

/** Forge retries a product event at most four times, each at most 900 s later. */
export const MAX_EVENT_RETRIES = 4;
const MAX_RETRY_AFTER_SECONDS = 900;
const FIRST_RETRY_AFTER_SECONDS = 60;

/** How many times the platform has delivered this event again (`retryContext.retryCount`; 0 the first time). */
export function retryCountOf(event: unknown): number {
  const e = (typeof event === 'object' && event !== null ? event : {}) as {
    retryContext?: { retryCount?: unknown };
    retryCount?: unknown;
  };
  const count = e.retryContext?.retryCount ?? e.retryCount;
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : 0;
}

/**
 * What a product trigger returns for a failure: a trigger that throws is not retried, so a
 * failure that may pass asks Forge for a redelivery (1, 2, 4, 8 minutes later); past the last
 * retry, or on a failure that will not pass, the event is dropped with a log line saying
 * `whenDropped` (what still covers it).
 */
export function retryOrDrop(
  event: unknown,
  what: string,
  error: unknown,
  whenDropped: string,
): InvocationError | undefined {
  const reason = error instanceof Error ? error.message : String(error);
  const retries = retryCountOf(event);
  if (!isTransient(error)) {
    console.error(`${what} dropped (it would fail again): ${reason}`);
    return undefined;
  }
  if (retries >= MAX_EVENT_RETRIES) {
    console.error(`${what} dropped after ${retries} retries, ${whenDropped}: ${reason}`);
    return undefined;
  }
  console.warn(`${what} to retry (retry ${retries + 1} of ${MAX_EVENT_RETRIES}): ${reason}`);
  return redeliver(Math.min(MAX_RETRY_AFTER_SECONDS, FIRST_RETRY_AFTER_SECONDS * 2 ** retries));
}

/** Asks Forge to deliver the event again once `seconds` have passed (while another delivery holds its claim); past the last retry it is dropped. */
export function retryAfter(event: unknown, what: string, seconds: number): InvocationError | undefined {
  const retries = retryCountOf(event);
  if (retries >= MAX_EVENT_RETRIES) {
    console.error(`${what} dropped after ${retries} retries: another delivery still held it`);
    return undefined;
  }
  return redeliver(Math.min(MAX_RETRY_AFTER_SECONDS, seconds));
}

function redeliver(seconds: number): InvocationError {
  return new InvocationError({ retryAfter: seconds, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
}
