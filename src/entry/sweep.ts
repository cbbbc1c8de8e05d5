import { forgePorts } from '../adapters/forge-ports';
import { loadInvocationContext } from '../services/invocation-context';
import { sweepDueReviews } from '../services/review-sweep';

/** Scheduled trigger: queue the apps with review work due today. Never fails the platform's call. */
export async function runSweep(): Promise<{ statusCode: number }> {
  try {
    const report = await sweepDueReviews(await loadInvocationContext(forgePorts()));
    console.log(`review sweep ${report.day}: ${report.queued} app(s) queued in ${report.pages} page(s)`);
  } catch (error) {
    // Scheduled runs are not retried: the next hourly run picks up whatever is still due.
    console.error(`review sweep failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { statusCode: 204 };
}
