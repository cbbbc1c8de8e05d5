import { z } from 'zod';
import { ensureNextCycle, isClosed } from '../domain/review-cycle';
import type { TrackedApp } from '../domain/tracked-app';
import { noteEndedSoaks, record, runStep, stepDue, type BeforeStep } from './executor';
import type { InvocationContext } from './invocation-context';
import { recordFormAnswer, recordMissedReply } from './partner-reply';
import { forgetWorkFailure, noteWorkFailure } from './work-failure';
import { flushSummaries } from './update-app';
import { RefusedError } from './refused-error';

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
export async function reviewApp(
  ctx: InvocationContext,
  issueKey: string,
  actions: string[] = [],
  preloaded?: TrackedApp,
): Promise<void> {
  const loaded = preloaded ?? (await ctx.ports.apps.get(issueKey));
  if (!loaded) return;
  await reviewSteps(ctx, issueKey, await noteEndedSoaks(ctx, loaded, actions), actions);
  if (loaded.lastFailure) await forgetWorkFailure(ctx, issueKey);
}

async function reviewSteps(
  ctx: InvocationContext,
  issueKey: string,
  first: TrackedApp,
  actions: string[],
): Promise<void> {
  let app: TrackedApp | null = first;
  for (let step = 0; app && step < MAX_STEPS_PER_APP; step++) {
    const due = stepDue(ctx, app);
    if (!due) {
      // The record in hand already has its next review: nothing to write, no read needed.
      if (ensureNextCycle(app, ctx.today, ctx.program, ctx.at) === app) return;
      const scheduled = await scheduleNextCycle(ctx, issueKey);
      if (!scheduled.changed) return;
      app = scheduled.app;
      continue;
    }
    const result = await runStep(ctx, issueKey, due, beforeStep(ctx));
    if (result === 'busy') return; // another invocation holds this step: it will record it
    actions.push(`${due.cycleId}:${due.kind}`);
    app = result;
  }
  if (app)
    console.warn(`review work for ${issueKey} stopped after ${MAX_STEPS_PER_APP} actions; the next sweep continues`);
}

/** What is done on a fresh record, under the step's claim, before the step's posts go out. */
function beforeStep(ctx: InvocationContext): BeforeStep {
  const answer = answerFromTicket(ctx);
  return async (app, cycle, step) => {
    if (step.kind === 'post-notice') await sweepClosedCycles(ctx, app);
    return answer(app, cycle, step);
  };
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
 * When the next annual review begins (its notice is due, on the record read under the step's
 * claim), the helper keys that crashes left for closed reviews are swept: a closed review never
 * acts again, so none is needed. Not when the next review is scheduled: the step that closes a
 * review schedules the next one in the same record, and a crash right after that record leaves
 * that step's own keys, which only a later occasion can sweep. A notice is retried until it is
 * recorded, so the sweep is too.
 */
async function sweepClosedCycles(ctx: InvocationContext, app: TrackedApp): Promise<void> {
  const isOver = closedReview(app);
  if (!app.reviews.some((c) => isOver(c.id))) return;
  await ctx.ports.once
    .sweep(app.issueKey, `review:${app.issueKey}:`, isOver)
    .catch((error: unknown) => console.warn(`leftover helper keys of ${app.issueKey} not swept: ${describe(error)}`));
}

/**
 * Whether the review `cycleId` is over: closed on the record, or archived, that is older than a
 * review of its kind the record holds (years and escalation numbers only grow). A review the
 * record does not know yet (opened meanwhile by another invocation) is never taken for over.
 */
function closedReview(app: TrackedApp): (cycleId: string) => boolean {
  const live = new Map(app.reviews.map((c) => [c.id, c]));
  const ordinal = (id: string): { kind: string; n: number } | null => {
    const m = /^(?:(\d{4})|esc-(\d+))$/.exec(id);
    return m ? { kind: m[1] ? 'annual' : 'escalation', n: Number(m[1] ?? m[2]) } : null;
  };
  const newest = new Map<string, number>();
  for (const id of live.keys()) {
    const o = ordinal(id);
    if (o) newest.set(o.kind, Math.max(newest.get(o.kind) ?? 0, o.n));
  }
  return (cycleId) => {
    const cycle = live.get(cycleId);
    if (cycle) return isClosed(cycle);
    const o = ordinal(cycleId);
    return o !== null && o.n < (newest.get(o.kind) ?? 0);
  };
}

/** An approved app always has its next annual review scheduled once the previous one is closed. */
async function scheduleNextCycle(
  ctx: InvocationContext,
  issueKey: string,
): Promise<{ changed: boolean; app: TrackedApp | null }> {
  const result = await record(ctx, issueKey, { kind: 'settings' });
  if (!result.ok) {
    if (result.error.code === 'not-tracked') return { changed: false, app: null };
    throw new RefusedError(`next review of ${issueKey} not scheduled`, result.error);
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
  z
    .object({ issueKey })
    .passthrough()
    .transform((b) => ({ issueKeys: [b.issueKey] })),
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
