import { InvocationError, InvocationErrorCode } from '@forge/events';
import { forgePorts } from '../adapters/forge-ports';
import { loadInvocationContext } from '../services/invocation-context';
import { processReviewWork as runReviewWork, retryNeeded, reviewWorkKeys } from '../services/review-work';

/** Jira's rate limits reset within the minute; a redelivery sooner would meet the same answer. */
const RETRY_AFTER_SECONDS = 60;

/**
 * Queue consumer for `review-work`. A malformed message is logged and dropped; a failure that
 * may pass (rate limits, Jira unavailable) asks the platform for a redelivery once the other
 * tickets are done, and the redelivery finds what was already posted.
 */
export async function processReviewWork(event: unknown): Promise<InvocationError | undefined> {
  const keys = reviewWorkKeys(event);
  if (!keys.ok) {
    console.error(`review work message dropped: ${keys.problem}`);
    return undefined;
  }
  const ctx = await loadInvocationContext(forgePorts());
  const retry = retryNeeded(await runReviewWork(ctx, keys.issueKeys));
  if (!retry) return undefined;
  console.warn(`review work to retry: ${retry}`);
  return new InvocationError({
    retryAfter: RETRY_AFTER_SECONDS,
    retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
  });
}
