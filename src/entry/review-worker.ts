import { forgePorts } from '../adapters/forge-ports';
import { loadInvocationContext } from '../services/invocation-context';
import { processReviewWork as runReviewWork, rethrowTransient, reviewWorkKeys } from '../services/review-work';

/**
 * Queue consumer for `review-work`. A malformed message is logged and dropped; a failure that
 * may pass (rate limits, Jira unavailable) is thrown after the other tickets are done, so the
 * queue redelivers it and the redelivery finds what was already posted.
 */
export async function processReviewWork(event: unknown): Promise<void> {
  const keys = reviewWorkKeys(event);
  if (!keys.ok) {
    console.error(`review work message dropped: ${keys.problem}`);
    return;
  }
  const ctx = await loadInvocationContext(forgePorts());
  rethrowTransient(await runReviewWork(ctx, keys.issueKeys));
}
