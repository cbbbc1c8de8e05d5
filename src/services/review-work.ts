import { z } from 'zod';
import { ok } from '../domain/result';
import { applyReviewAction, ensureNextCycle, isClosed, nextReviewAction, type ReviewAction } from '../domain/review-cycle';
import type { ReviewCycle, ReviewEffect } from '../domain/review-types';
import type { AuditEntry, TrackedApp } from '../domain/tracked-app';
import type { InvocationContext } from './invocation-context';
import { recordMissedReply } from './partner-reply';
import { performReviewEffects, type PerformedEffect } from './review-effects';
import { noteEndedSoaks } from './soak-end-notes';
import { forgetWorkFailure, noteWorkFailure } from './work-failure';
import { flushSummaries, updateTrackedApp } from './update-app';

/** Effects posted as marked comments, each with a posting note; the form file and the JSM form have none. */
const COMMENT_EFFECTS: ReadonlySet<ReviewEffect> = new Set<ReviewEffect>([
  'notice',
  'answer-reminder',
  'window-note',
  'passed-note',
  'remediation-note',
  'remediation-reminder',
  'overdue-note',
]);

/** At most this many actions per app and invocation: a catch-up never loops forever on a bad record. */
const MAX_STEPS_PER_APP = 12;
/**
 * A claim outlives one action (with the adapter's rate-limit waits); after a crash it lapses and
 * the platform's retry or the next sweep redoes the action, finding what was posted by its mark.
 */
const CLAIM_SECONDS = 120;

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
 * Does what is due for one app: notes the ends of soaks, then the review actions one at a time,
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
    const due = dueAction(ctx, app);
    if (!due) {
      // The record in hand already has its next review: nothing to write, no read needed.
      if (ensureNextCycle(app, ctx.today, ctx.program, ctx.at) === app) return;
      const scheduled = await scheduleNextCycle(ctx, issueKey);
      if (!scheduled.changed) return;
      if (scheduled.app) await sweepClosedCycles(ctx, scheduled.app);
      app = scheduled.app;
      continue;
    }
    const result = await runAction(ctx, issueKey, due);
    if (result === 'busy') return; // another invocation holds this action: it will record it
    actions.push(`${due.cycleId}:${due.kind}`);
    app = result;
  }
  if (app) console.warn(`review work for ${issueKey} stopped after ${MAX_STEPS_PER_APP} actions; the next sweep continues`);
}

/** The earliest action due today among the app's cycles. */
function dueAction(ctx: InvocationContext, app: TrackedApp): ReviewAction | null {
  if (!app.approval) return null;
  let first: ReviewAction | null = null;
  for (const cycle of app.reviews) {
    const action = nextReviewAction(cycle, ctx.today, ctx.program);
    if (action && (!first || action.due < first.due)) first = action;
  }
  return first;
}

/**
 * Claim, check again on a fresh record, post, record. The claim keeps two invocations from
 * posting at once; the mark on each post lets a retry after a crash find it; the fresh check
 * keeps a late duplicate from recording twice.
 */
async function runAction(ctx: InvocationContext, issueKey: string, action: ReviewAction): Promise<TrackedApp | 'busy'> {
  const claim = `review:${issueKey}:${action.cycleId}:${action.kind}:${action.due}`;
  if (!(await ctx.ports.once.claim(claim, CLAIM_SECONDS))) return 'busy';
  try {
    const app = await ctx.ports.apps.get(issueKey);
    const cycle = app?.reviews.find((c) => c.id === action.cycleId);
    if (!app || !cycle || !sameAction(nextReviewAction(cycle, ctx.today, ctx.program), action)) {
      // Done meanwhile by another invocation: the record guards it, and what it left is dropped.
      if (cycle) await forgetHelpers(ctx, issueKey, claim, cycle);
      return app ?? 'busy';
    }

    const answered = await answerFromTicket(ctx, app, cycle, action);
    if (answered) {
      const now = answered.reviews.find((c) => c.id === action.cycleId);
      if (!now || !sameAction(nextReviewAction(now, ctx.today, ctx.program), action)) {
        if (now) await forgetHelpers(ctx, issueKey, claim, now);
        return answered;
      }
      return await perform(ctx, issueKey, claim, action, answered, now);
    }
    return await perform(ctx, issueKey, claim, action, app, cycle);
  } catch (error) {
    // Free the claim so a redelivery can finish the work now; what was posted is found by its mark.
    await ctx.ports.once.release(claim).catch(() => undefined);
    throw error;
  }
}

/**
 * Before reminding the partner to answer, or closing the window without an answer, the ticket
 * is read once for a reply whose comment event never came: a partner who answered is neither
 * reminded nor sent to remediation. Returns the record with the answer, or null when none.
 */
async function answerFromTicket(ctx: InvocationContext, app: TrackedApp, cycle: ReviewCycle, action: ReviewAction): Promise<TrackedApp | null> {
  const asks = action.kind === 'send-answer-reminder' || (action.kind === 'close-window' && cycle.state === 'in-review');
  if (!asks || cycle.answer) return null;
  return recordMissedReply(ctx, app, cycle);
}

/** Posts what the action needs and records it with the history. */
async function perform(ctx: InvocationContext, issueKey: string, claim: string, action: ReviewAction, app: TrackedApp, cycle: ReviewCycle): Promise<TrackedApp> {
  const performed = await performReviewEffects(ctx, app, cycle, action);
  const recorded = await updateTrackedApp(ctx, issueKey, (current) => recordAction(ctx, current, action, performed), app);
  if (!recorded.ok) throw new Error(`${action.kind} for review ${action.cycleId} not recorded: ${recorded.error.message}`);
  const after = recorded.value.reviews.find((c) => c.id === action.cycleId);
  if (after) await forgetHelpers(ctx, issueKey, claim, after);
  return recorded.value;
}

/**
 * Once the record holds an action's effects, a duplicate re-reads the record after its claim and
 * never redoes them: the claim and the posting notes of every effect the cycle has recorded (an
 * earlier crash's leftovers too) go in one storage operation. A failed delete leaves harmless keys.
 */
async function forgetHelpers(ctx: InvocationContext, issueKey: string, claim: string, cycle: ReviewCycle): Promise<void> {
  const marks = (Object.keys(cycle.effects) as ReviewEffect[])
    .filter((effect) => COMMENT_EFFECTS.has(effect))
    .map((effect) => ({ issueKey, cycleId: cycle.id, effect }));
  await ctx.ports.once.done(claim, marks).catch((error: unknown) => console.warn(`helper keys of ${claim} left: ${describe(error)}`));
}

function sameAction(a: ReviewAction | null, b: ReviewAction): boolean {
  return !!a && a.kind === b.kind && a.cycleId === b.cycleId;
}

/** The record of an action: the domain moves the cycle on; the history says what was posted. */
export function recordAction(
  ctx: InvocationContext,
  app: TrackedApp,
  action: ReviewAction,
  performed: PerformedEffect[],
) {
  const index = app.reviews.findIndex((c) => c.id === action.cycleId);
  const cycle = app.reviews[index];
  // Recorded meanwhile by another invocation: nothing left to write.
  if (!cycle || !sameAction(nextReviewAction(cycle, ctx.today, ctx.program), action)) return ok({ app, audit: [] });

  const main = performed[0];
  const moved = applyReviewAction(cycle, action, ctx.today, ctx.at, main ? { id: main.id } : undefined);
  const effects = { ...moved.effects };
  for (const p of performed) effects[p.effect] = effects[p.effect] ?? { id: p.id, at: ctx.at, on: ctx.today };
  const next: ReviewCycle = { ...moved, effects };

  const audit: Omit<AuditEntry, 'issueKey'>[] = performed.map((p) => auditFor(ctx, cycle, p));
  if (next.state !== cycle.state) {
    audit.push({
      at: ctx.at,
      by: 'app',
      kind: 'review-state-changed',
      cycleId: cycle.id,
      summary: `Review ${cycle.id} moved from ${cycle.state} to ${next.state}`,
      detail: { from: cycle.state, to: next.state, action: action.kind, remediationDue: next.remediationDue },
    });
  }
  const reviews = app.reviews.map((c, i) => (i === index ? next : c));
  return ok({ app: { ...app, reviews }, audit });
}

function auditFor(ctx: InvocationContext, cycle: ReviewCycle, p: PerformedEffect): Omit<AuditEntry, 'issueKey'> {
  const base = { at: ctx.at, by: 'app', cycleId: cycle.id };
  const detail = { effect: p.effect, id: p.id, foundFromEarlierAttempt: p.alreadyThere };
  if (p.target === 'attachment') {
    return { ...base, kind: 'attachment-added', summary: `Significant-change form attached for review ${cycle.id}`, detail };
  }
  if (p.target === 'form') {
    return { ...base, kind: 'form-added', summary: `Significant-change form added to the request for review ${cycle.id}`, detail };
  }
  return {
    ...base,
    kind: 'message-posted',
    summary: `${p.visibility === 'internal' ? 'Internal note' : 'Public comment'} posted for review ${cycle.id}: ${EFFECT_WORDS[p.effect] ?? p.effect}`,
    detail: { ...detail, visibility: p.visibility ?? null },
  };
}

const EFFECT_WORDS: Partial<Record<PerformedEffect['effect'], string>> = {
  notice: 'review notice',
  'answer-reminder': 'reminder to answer the significant-change question',
  'window-note': 'review window opened',
  'passed-note': 'review passed',
  'remediation-note': 'remediation started',
  'remediation-reminder': 'remediation deadline reminder',
  'overdue-note': 'remediation deadline passed',
};

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
  let changed = false;
  const result = await updateTrackedApp(ctx, issueKey, (app) => {
    const next = ensureNextCycle(app, ctx.today, ctx.program, ctx.at);
    const known = new Set(app.reviews.map((c) => c.id));
    const added = next.reviews.filter((c) => !known.has(c.id));
    changed = added.length > 0;
    return ok({
      app: next,
      audit: added.map((c) => ({
        at: ctx.at,
        by: 'app',
        kind: 'review-scheduled' as const,
        cycleId: c.id,
        summary: `Annual review ${c.id} scheduled: notice on ${c.noticeOn}, window ${c.windowStart} to ${c.windowEnd}`,
        detail: { noticeOn: c.noticeOn, windowStart: c.windowStart, windowEnd: c.windowEnd, remediationDue: c.remediationDue },
      })),
    });
  });
  if (!result.ok) {
    if (result.error.code === 'not-found') return { changed: false, app: null };
    throw new Error(`next review of ${issueKey} not scheduled: ${result.error.message}`);
  }
  return { changed, app: result.value };
}

/** 429 and 5xx answers (after the adapter's own retries) and lost connections may pass; 4xx and bad data do not. */
export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { status?: unknown; statusCode?: unknown; transient?: unknown };
  if (typeof e.transient === 'boolean') return e.transient;
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
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
