import type { HistoryLine } from '../domain/history';
import { fail, type Result } from '../domain/result';
import { appNextActionOn } from '../domain/review-cycle';
import type { ReviewCycle, TrackedApp } from '../domain/model';
import type { InvocationContext } from './invocation-context';
import { summaryProperty } from './summary-property';

export type AppChange = (
  app: TrackedApp,
) => Result<{ app: TrackedApp; audit: HistoryLine[]; archived?: ReviewCycle[] }>;

/** How many times a change is re-run on a fresher record before giving up. */
const MAX_ATTEMPTS = 5;

/**
 * Applies `change` to the stored record with optimistic concurrency: on a conflict the record
 * is reloaded and `change` runs again on it, so a racing writer's work is kept, not overwritten.
 * The audit entries are written with the record, and the JQL summary is mirrored afterwards.
 */
export async function updateTrackedApp(
  ctx: InvocationContext,
  issueKey: string,
  change: AppChange,
  /** The record as just read by the caller: the first attempt starts from it instead of reading it again. */
  known?: TrackedApp,
): Promise<Result<TrackedApp>> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    // A stale `known` record only costs a conflict: the save is conditional on its version.
    const current = attempt === 1 && known?.issueKey === issueKey ? known : await ctx.ports.apps.get(issueKey);
    if (!current) return fail('not-tracked', `${issueKey} is not tracked by the app.`);

    const result = change(current);
    if (!result.ok) return result;

    const changed = { ...result.value.app, issueKey: current.issueKey };
    changed.nextActionOn = appNextActionOn(changed, ctx.program);
    const audit = result.value.audit.map((entry) => ({ ...entry, issueKey }));
    // Nothing to write: a repeated sweep or a double click must not bump the version or the history.
    if (audit.length === 0 && sameRecord(changed, current)) return { ok: true, value: current };

    const next: TrackedApp = { ...changed, version: current.version + 1 };
    const archived = result.value.archived ?? [];
    const saved = archived.length
      ? await ctx.ports.apps.save(next, audit, archived)
      : await ctx.ports.apps.save(next, audit);
    if (saved.ok) {
      await mirrorSummary(ctx, saved.app);
      return { ok: true, value: saved.app };
    }
  }
  return fail(
    'conflict',
    `${issueKey} was changed by someone else at the same time, ${MAX_ATTEMPTS} times in a row. Reload and try again.`,
  );
}

/** Starts tracking a ticket: writes the first version of its record with its first history lines. */
export async function createTrackedApp(
  ctx: InvocationContext,
  app: TrackedApp,
  audit: HistoryLine[],
): Promise<Result<TrackedApp>> {
  const first: TrackedApp = { ...app, version: 1 };
  first.nextActionOn = appNextActionOn(first, ctx.program);
  const created = await ctx.ports.apps.create(
    first,
    audit.map((entry) => ({ ...entry, issueKey: app.issueKey })),
  );
  if (!created.ok) {
    return fail('exists', `${app.issueKey} is already tracked by the app.`);
  }
  await mirrorSummary(ctx, first);
  return { ok: true, value: first };
}

/**
 * The summary is a copy for JQL: a failure to write it must not undo or fail the change.
 * Every write rebuilds it in full, so the next write repairs a missed one.
 */
export async function mirrorSummary(ctx: InvocationContext, app: TrackedApp): Promise<boolean> {
  if (ctx.deferredSummaries) {
    ctx.deferredSummaries.set(app.issueKey, app);
    return true;
  }
  try {
    await ctx.ports.jira.writeSummaryProperty(app.issueKey, summaryProperty(app, ctx.program, ctx.today));
    return true;
  } catch (error) {
    console.warn(
      `summary property of ${app.issueKey} not written: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
}

/**
 * Writes the summaries collected in `ctx.deferredSummaries` (the last version of each app), in
 * bulk when the Jira port can, else one by one. Like every mirror write it never fails the work:
 * a summary not written is rebuilt by the app's next write.
 */
export async function flushSummaries(ctx: InvocationContext): Promise<void> {
  let apps = [...(ctx.deferredSummaries?.values() ?? [])];
  ctx.deferredSummaries?.clear();
  const { jira } = ctx.ports;
  // The bulk request names issues by their numeric id; a record without one is written by key.
  const bulk = apps.filter((app) => /^\d+$/.test(app.issueId));
  if (jira.writeSummaryProperties && bulk.length > 0) {
    apps = apps.filter((app) => !bulk.includes(app));
    try {
      await jira.writeSummaryProperties(
        bulk.map((app) => ({
          issueKey: app.issueKey,
          issueId: app.issueId,
          summary: summaryProperty(app, ctx.program, ctx.today),
        })),
      );
    } catch (error) {
      // Jira is failing after the client's retries: one request per ticket now would only add load.
      console.warn(
        `summary properties of ${bulk.map((app) => app.issueKey).join(', ')} not written: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const direct: InvocationContext = { ...ctx };
  delete direct.deferredSummaries;
  for (const app of apps) await mirrorSummary(direct, app);
}

function sameRecord(a: TrackedApp, b: TrackedApp): boolean {
  return JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 });
}
