import { forgePorts } from '../adapters/forge-ports';
import { announceProgramUpdates } from '../services/announce-program-updates';
import { loadInvocationContext } from '../services/invocation-context';
import { sweepDueReviews } from '../services/review-sweep';

/** Scheduled trigger: queue the apps with review work due today. Never fails the platform's call. */
export async function runSweep(): Promise<{ statusCode: number }> {
  try {
    const ctx = await loadInvocationContext(forgePorts());
    const report = await sweepDueReviews(ctx);
    console.log(`review sweep ${report.day}: ${report.queued} app(s) queued in ${report.pages} page(s)`);
    // Announcements are their own work: a failure there never stops the reviews, nor the reverse.
    const announced = await announceProgramUpdates(ctx).catch((error: unknown) => {
      console.error(`program updates failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (announced && announced.posted > 0)
      console.log(`program updates ${report.day}: ${announced.posted} comment(s) posted`);
  } catch (error) {
    // Scheduled runs are not retried: the next hourly run picks up whatever is still due.
    console.error(`review sweep failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { statusCode: 204 };
}
