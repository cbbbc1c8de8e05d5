import type { InvocationContext } from './invocation-context';

/** A safety bound: far more pages than any installation has due apps. */
const MAX_PAGES = 1000;

export interface SweepReport {
  day: string;
  /** Issue keys handed to the review queue. */
  queued: number;
  pages: number;
  /** Pages whose keys could not be queued, or a read that failed; the next sweep tries again. */
  problems: string[];
}

/**
 * Hands every app with something due today to the review queue. Reads only the index of due
 * apps, page by page; never throws: what it could not queue is still due for the next sweep.
 */
export async function sweepDueReviews(ctx: InvocationContext): Promise<SweepReport> {
  const report: SweepReport = { day: ctx.today, queued: 0, pages: 0, problems: [] };
  let cursor: string | undefined;
  do {
    let page: { issueKeys: string[]; nextCursor?: string };
    try {
      page = await ctx.ports.apps.dueOnOrBefore(ctx.today, cursor);
    } catch (error) {
      report.problems.push(`reading the apps due on ${ctx.today} failed: ${message(error)}`);
      break;
    }
    report.pages += 1;
    if (page.issueKeys.length > 0) {
      try {
        await ctx.ports.queue.pushReviewWork(page.issueKeys, ctx.today);
        report.queued += page.issueKeys.length;
      } catch (error) {
        report.problems.push(`queueing ${page.issueKeys.join(', ')} failed: ${message(error)}`);
      }
    }
    cursor = page.nextCursor;
  } while (cursor && report.pages < MAX_PAGES);
  for (const problem of report.problems) console.error(`review sweep: ${problem}`);
  return report;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
