import { z } from 'zod';
import { ensureNextCycle, isClosed } from '../domain/review-cycle';
import type { TrackedApp } from '../domain/tracked-app';
import { noteEndedSoaks, record, runStep, stepDue, type BeforeStep } from './executor';
import type { InvocationContext } from './invocation-context';
import { recordFormAnswer, recordMissedReply } from './partner-reply';
import { forgetWorkFailure, noteWorkFailure } from './work-failure';
import { flushSummaries } from './update-app';

/** At most this many actions per app and invocation: a catch-up never loops forever on a bad record. */
const MAX_STEPS_PER_APP = 12;
export type ReviewWorkOutcome =
  | { issueKey: string; outcome: 'done'; actions: string[] }
  | { issueKey: string; outcome: 'failed' | 'transient'; actions: string[]; reason: string };

/**
 * Runs every review action due today for each ticket. One ticket's failure is logged and does
 * not stop the others; the outcomes say which failed and whether a retry may help.
 */
export async function processReviewWork(given: InvocationContext, issueKeys: string[]): Promise<ReviewWorkOutcome[]> {
  // The JQL summaries of the message's apps are written together at the end: one request, not one per action.
  const ctx: InvocationContext = { ...given, deferredSummaries: new Map() };
  try {
    return await reviewEach(ctx, issueKeys);
  } finally {
    await flushSummaries(ctx);
  }
}

async function reviewEach(ctx: InvocationContext, issueKeys: string[]): Promise<ReviewWorkOutcome[]> {
  const outcomes: ReviewWorkOutcome[] = [];
  const keys = [...new Set(issueKeys)];
  // One batched read for the whole message instead of one read per app; each app is read again
  // after its claim, so a stale copy here only costs that read.
  const preloaded = await ctx.ports.apps.getMany(keys).then(
    (apps) => new Map(apps.map((app) => [app.issueKey, app])),
    () => new Map<string, TrackedApp>(),
  );
  for (const issueKey of keys) {
    const actions: string[] = [];
    try {
      await reviewApp(ctx, issueKey, actions, preloaded.get(issueKey));
      outcomes.push({ issueKey, outcome: 'done', actions });
    } catch (error) {
      const reason = describe(error);
      const outcome = isTransient(error) ? 'transient' : 'failed';
      console.error(`review work for ${issueKey} ${outcome === 'transient' ? 'will be retried' : 'failed'}: ${reason}`);
      if (outcome === 'failed') await noteWorkFailure(ctx, issueKey, reason);
      outcomes.push({ issueKey, outcome, actions, reason });
    }
  }
  return outcomes;
}

/** What to retry, when some of the outcomes may succeed on redelivery; null when nothing. */
export function retryNeeded(outcomes: ReviewWorkOutcome[]): string | null {
  const transient = outcomes.filter((o) => o.outcome === 'transient');
  if (transient.length === 0) return null;
  return transient.map((o) => `${o.issueKey}: ${'reason' in o ? o.reason : ''}`).join('; ');
}

/**
 * Does what is due for one app: notes the ends of soaks, then the review steps one at a time,
 * then makes sure the next review is scheduled. A run that gets through clears an earlier failure.
 */
export async function reviewApp(ctx: InvocationContext, issueKey: string, actions: string[] = [], preloaded?: TrackedApp): Promise<void> {
  const loaded = preloaded ?? (await ctx.ports.apps.get(issueKey));
  if (!loaded) return;
  await reviewSteps(ctx, issueKey, await noteEndedSoaks(ctx, loaded, actions), actions);
  if (loaded.lastFailure) await forgetWorkFailure(ctx, issueKey);
}

async function reviewSteps(ctx: InvocationContext, issueKey: string, first: TrackedApp, actions: string[]): Promise<void> {
  let app: TrackedApp | null = first;
  for (let step = 0; app && step < MAX_STEPS_PER_APP; step++) {
    const due = stepDue(ctx, app);
    if (!due) {
      // The record in hand already has its next review: nothing to write, no read needed.
      if (ensureNextCycle(app, ctx.today, ctx.program, ctx.at) === app) return;
      const scheduled = await scheduleNextCycle(ctx, issueKey);
      if (!scheduled.changed) return;
      if (scheduled.app) await sweepClosedCycles(ctx, scheduled.app);
      app = scheduled.app;
      continue;
    }
    const result = await runStep(ctx, issueKey, due, answerFromTicket(ctx));
    if (result === 'busy') return; // another invocation holds this step: it will record it
    actions.push(`${due.cycleId}:${due.kind}`);
    app = result;
  }
  if (app) console.warn(`review work for ${issueKey} stopped after ${MAX_STEPS_PER_APP} actions; the next sweep continues`);
}

/**
 * Before reminding the partner to answer, or closing the window without an answer, the ticket
 * is read once for the partner's answer in the JSM form (a structured answer, over a reply's),
 * then for a reply whose comment event never came: a partner who answered is neither reminded
 * nor sent to remediation.
 */
function answerFromTicket(ctx: InvocationContext): BeforeStep {
  return async (app, cycle, step) => {
    const asks = step.kind === 'send-answer-reminder' || (step.kind === 'close-window' && cycle.state === 'in-review');
    if (!asks) return null;
    const formed = await recordFormAnswer(ctx, app, cycle);
    if (formed || cycle.answer) return formed;
    return recordMissedReply(ctx, app, cycle);
  };
}

/**
 * When a review is over and the next one scheduled (once a year per app), the helper keys a crash
 * left behind for closed reviews are swept: a closed review never acts again, so none is needed.
 */
async function sweepClosedCycles(ctx: InvocationContext, app: TrackedApp): Promise<void> {
  const closed = new Set(app.reviews.filter(isClosed).map((c) => c.id));
  if (closed.size === 0) return;
  await ctx.ports.once
    .sweep(app.issueKey, `review:${app.issueKey}:`, (cycleId) => closed.has(cycleId))
    .catch((error: unknown) => console.warn(`leftover helper keys of ${app.issueKey} not swept: ${describe(error)}`));
}

/** An approved app always has its next annual review scheduled once the previous one is closed. */
async function scheduleNextCycle(ctx: InvocationContext, issueKey: string): Promise<{ changed: boolean; app: TrackedApp | null }> {
  const result = await record(ctx, issueKey, { kind: 'settings' });
  if (!result.ok) {
    if (result.error.code === 'not-tracked') return { changed: false, app: null };
    throw new Error(`next review of ${issueKey} not scheduled: ${result.error.message}`);
  }
  return { changed: (result.decision?.events.length ?? 0) > 0, app: result.value };
}

/** 429 and 5xx answers (after the adapter's own retries) and lost connections may pass; 4xx and bad data do not. */
export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { status?: unknown; statusCode?: unknown; transient?: unknown };
  if (typeof e.transient === 'boolean') return e.transient;
  // The storage's errors carry their status in `responseDetails`: a 4xx there ("value too large") is permanent too.
  const details = (e as { responseDetails?: { status?: unknown } }).responseDetails;
  const status = [e.status, e.statusCode, details?.status].find((s): s is number => typeof s === 'number');
  if (status !== undefined) return status === 429 || status >= 500;
  // Jira's answer not understood, or a programming or data error: it will fail the same way again.
  if (error instanceof Error && error.name === 'JiraAnswerError') return false;
  return !(error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}


const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'is not an issue key');
const body = z.union([
  z.object({ issueKeys: z.array(issueKey).min(1).max(500) }).passthrough(),
  z.object({ issueKey }).passthrough().transform((b) => ({ issueKeys: [b.issueKey] })),
]);

/** The issue keys of a `review-work` queue message (`event.body`, or `event.payload` as older consumers had it). */
export function reviewWorkKeys(event: unknown): { ok: true; issueKeys: string[] } | { ok: false; problem: string } {
  const e = (typeof event === 'object' && event !== null ? event : {}) as { body?: unknown; payload?: unknown };
  const parsed = body.safeParse(e.body ?? e.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'no body' };
  }
  return { ok: true, issueKeys: parsed.data.issueKeys };
}
