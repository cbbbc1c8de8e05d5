import { programUpdateComment } from '../domain/messages';
import type { ProgramUpdate } from '../domain/program';
import { announcementsDue, anyAnnouncementOnOrBefore } from '../domain/program-updates';
import type { TrackedApp } from '../domain/tracked-app';
import type { InvocationContext } from './invocation-context';
import type { EffectMark } from '../ports';
import { flushSummaries, updateTrackedApp } from './update-app';
import { RefusedError } from './refused-error';

/** A crashed announcer's claim on one ticket lapses after this long; then another run finishes it. */
const CLAIM_SECONDS = 300;
const PAGE = 100;

export interface AnnounceReport {
  /** Updates announced to every approved app by this run. */
  completed: string[];
  /** Comments posted by this run (not found from an earlier attempt). */
  posted: number;
  problems: string[];
}

/** The mark of an update's comment on one ticket: what a retry looks for. */
export function announcementMark(issueKey: string, updateId: string): EffectMark {
  return { issueKey, cycleId: `update-${updateId}`, effect: 'program-update' };
}

/**
 * Posts each program update due today on every approved app's ticket, once per app and update,
 * and records it in the app's record with a history line. A day with nothing to announce costs
 * no Jira request (and no storage read when the program has no update due so far). An update is
 * noted as announced everywhere only when every app has it; until then each sweep goes on.
 */
export async function announceProgramUpdates(ctx: InvocationContext): Promise<AnnounceReport> {
  const report: AnnounceReport = { completed: [], posted: 0, problems: [] };
  if (!anyAnnouncementOnOrBefore(ctx.program, ctx.today)) return report;
  const due = announcementsDue(ctx.program, ctx.today, await ctx.ports.announcements.announced());
  if (due.length === 0) return report;

  const work: InvocationContext = { ...ctx, deferredSummaries: new Map() };
  for (const update of due) {
    const before = report.problems.length;
    // A ticket another run holds (or a crashed run held) is not announced yet: the update stays due.
    let held = 0;
    let cursor: string | undefined;
    do {
      const page = await ctx.ports.apps.list(cursor, PAGE);
      for (const app of page.apps.filter((a) => isApproved(a, ctx.today) && !a.announcements?.[update.id])) {
        try {
          const outcome = await announceOn(work, app, update);
          if (outcome === 'posted') report.posted += 1;
          if (outcome === 'held') held += 1;
        } catch (error) {
          report.problems.push(
            `${app.issueKey}: update ${update.id} not announced: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
    if (report.problems.length === before && held === 0) {
      await ctx.ports.announcements.markAnnounced(update.id);
      report.completed.push(update.id);
    }
  }
  await flushSummaries(work);
  for (const problem of report.problems) console.error(`program updates: ${problem}`);
  return report;
}

function isApproved(app: TrackedApp, today: string): boolean {
  return app.submission.stage === 'approved' && !!app.approval && app.approval.approvedOn <= today;
}

/** One ticket: claim, post (or find) the marked comment, record it with its history line. */
async function announceOn(
  ctx: InvocationContext,
  app: TrackedApp,
  update: ProgramUpdate,
): Promise<'posted' | 'found' | 'held'> {
  const claim = `announce:${update.id}:${app.issueKey}`;
  // A duplicate sweep at the same moment leaves this ticket to the one holding the claim.
  if (!(await ctx.ports.once.claim(claim, CLAIM_SECONDS))) return 'held';
  // Another run may have announced it since the list was read (and dropped its claim): the record guards it.
  const fresh = await ctx.ports.apps.get(app.issueKey);
  if (!fresh || fresh.announcements?.[update.id]) {
    await ctx.ports.once.release(claim).catch(() => undefined);
    return 'found';
  }
  const mark = announcementMark(app.issueKey, update.id);
  try {
    const posted = await ctx.ports.jira.postCommentOnce(
      mark,
      programUpdateComment(ctx.program, app.appName, update),
      'public',
    );
    const what = update.addCheck ? `new review check “${update.addCheck.title}”` : 'general update';
    const recorded = await updateTrackedApp(
      ctx,
      app.issueKey,
      (current) => {
        if (current.announcements?.[update.id]) return { ok: true, value: { app: current, audit: [] } };
        return {
          ok: true,
          value: {
            app: {
              ...current,
              announcements: { ...current.announcements, [update.id]: { commentId: posted.id, on: ctx.today } },
            },
            audit: [
              {
                at: ctx.at,
                by: 'app',
                kind: 'program-update-announced',
                summary: `Program update ${update.id} announced to the partner (${what}, effective ${update.effectiveFrom}).`,
                detail: { updateId: update.id, effect: 'program-update', id: posted.id, visibility: 'public' },
              },
            ],
          },
        };
      },
      app,
    );
    if (!recorded.ok) throw new RefusedError(`update ${update.id} on ${app.issueKey} not recorded`, recorded.error);
    await ctx.ports.once.done(claim, [mark]);
    return posted.alreadyThere ? 'found' : 'posted';
  } catch (error) {
    await ctx.ports.once.release(claim).catch(() => undefined);
    throw error;
  }
}
