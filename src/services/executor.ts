import {
  decide,
  dueStep,
  soakEndEffect,
  type Command,
  type DecideContext,
  type Decision,
  type Effect,
  type Performed,
} from '../domain/decide';
import type { NoteAbout } from '../domain/events';
import { historyOf, historyOfEvents } from '../domain/history';
import type { Result } from '../domain/result';
import type { ReviewAction } from '../domain/review-cycle';
import { COMMENT_EFFECTS } from '../domain/review-steps';
import { endedSoaks, soakEndMarkId, type EndedSoak } from '../domain/soak-end';
import { REVIEW_EFFECTS, type ReviewCycle, type TrackedApp } from '../domain/model';
import type { InvocationContext } from './invocation-context';
import type { EffectMark } from '../ports';
import { updateTrackedApp } from './update-app';
import { RefusedError } from './refused-error';

/**
 * The executor: it performs a decision's effects on the ticket exactly once and records the
 * decision. A claim keeps two invocations from posting at once; every post carries a mark (or a
 * file name, or a form template) so a retry after a crash finds it instead of posting again; the
 * record is re-read after the claim so a late duplicate records nothing twice.
 */

/** A claim outlives one post (with the adapter's rate-limit waits); after a crash it lapses and a retry finds the post by its mark. */
const CLAIM_SECONDS = 120;

export function decideContext(ctx: InvocationContext, by = 'app'): DecideContext {
  return { today: ctx.today, at: ctx.at, program: ctx.program, by };
}

/** Decides `command` on the stored record and saves the result with its history, retrying on a conflict. */
export async function record(
  ctx: InvocationContext,
  issueKey: string,
  command: Command | ((app: TrackedApp) => Command),
  by = 'app',
  known?: TrackedApp,
): Promise<Result<TrackedApp> & { decision?: Decision }> {
  let last: Decision | undefined;
  const saved = await updateTrackedApp(
    ctx,
    issueKey,
    (app) => {
      const decided = decide(app, typeof command === 'function' ? command(app) : command, decideContext(ctx, by));
      if (!decided.ok) return decided;
      last = decided.value;
      const { state, events, archived } = decided.value;
      return {
        ok: true,
        value: { app: state, audit: historyOfEvents(events), ...(archived?.length ? { archived } : {}) },
      };
    },
    known,
  );
  return saved.ok && last ? { ...saved, decision: last } : saved;
}

/**
 * Decides `command` and records it like `record`, telling the partner first of a stage change
 * that hands them the next step (or hands it back): each update is posted once under its mark
 * before the change is recorded, so a retry or a redelivered event after a crash finds it
 * instead of posting again, and a recorded change never lacks its update.
 */
export async function recordWithUpdates(
  ctx: InvocationContext,
  issueKey: string,
  command: Command,
  by: string,
  known: TrackedApp,
): Promise<Result<TrackedApp> & { decision?: Decision }> {
  const planned = decide(known, command, decideContext(ctx, by));
  for (const effect of planned.ok ? planned.value.effects : []) {
    if (effect.about?.kind !== 'progress-update') continue;
    // Held by another invocation: that one posts it before it records the same change.
    await postNoteOnce(ctx, issueKey, `progress:${issueKey}:${effect.markId}`, { ...effect, about: effect.about });
  }
  return record(ctx, issueKey, command, by, known);
}

/** Puts each effect on the ticket unless its mark (or file, or form) is already there. */
async function perform(ctx: InvocationContext, issueKey: string, effects: Effect[]): Promise<Performed[]> {
  const done: Performed[] = [];
  let firstAttempt = false;
  for (const { markId, post, about } of effects) {
    if (post.target === 'comment') {
      const mark: EffectMark = { issueKey, cycleId: markId, effect: post.effect };
      // A note no record remembers is guarded by its mark alone: the ticket is searched first.
      const posted = await ctx.ports.jira.postCommentOnce(
        mark,
        post.body,
        post.visibility,
        about && about.kind !== 'soak-ended' ? { lookFirst: true } : undefined,
      );
      if (done.length === 0) firstAttempt = posted.firstAttempt === true;
      done.push({
        effect: post.effect,
        target: 'comment',
        id: posted.id,
        visibility: post.visibility,
        alreadyThere: posted.alreadyThere,
      });
    } else if (post.target === 'attachment') {
      // Attached after the step's comment: on that comment's first attempt it cannot be there yet.
      const file = await ctx.ports.jira.attachFileOnce(issueKey, post.fileName, post.content, post.mimeType, {
        knownAbsent: firstAttempt,
      });
      done.push({ effect: post.effect, target: 'attachment', id: file.id, alreadyThere: file.alreadyThere });
    } else {
      const added = await ctx.ports.jira.addFormOnce(issueKey, post.templateId);
      done.push({ effect: post.effect, target: 'form', id: added.formId, alreadyThere: added.alreadyThere });
    }
  }
  return done;
}

/** Runs `work` under a claim; on failure the claim is freed so a redelivery can finish now. Null when another invocation holds it. */
async function claimed<T>(ctx: InvocationContext, claim: string, work: () => Promise<T>): Promise<T | null> {
  if (!(await ctx.ports.once.claim(claim, CLAIM_SECONDS))) return null;
  try {
    return await work();
  } catch (error) {
    await ctx.ports.once.release(claim).catch(() => undefined);
    throw error;
  }
}

/** The claim and the posting notes go once the record guards the effects; a failed delete leaves harmless keys. */
async function settle(ctx: InvocationContext, claim: string, marks: EffectMark[]): Promise<void> {
  const cleanup = marks.length ? ctx.ports.once.done(claim, marks) : ctx.ports.once.release(claim);
  await cleanup.catch((error: unknown) =>
    console.warn(`helper keys of ${claim} left: ${error instanceof Error ? error.message : String(error)}`),
  );
}

function cycleMarks(issueKey: string, cycle: ReviewCycle): EffectMark[] {
  return REVIEW_EFFECTS.filter((effect) => cycle.effects[effect] && COMMENT_EFFECTS.has(effect)).map((effect) => ({
    issueKey,
    cycleId: cycle.id,
    effect,
  }));
}

/**
 * Before a step's posts go out, a hook may change the record (a reply whose event was lost is
 * read first); the step is then decided again on what it returns.
 */
export type BeforeStep = (app: TrackedApp, cycle: ReviewCycle, step: ReviewAction) => Promise<TrackedApp | null>;

/**
 * Claims a review step, checks it is still due on a fresh record, performs its posts and records
 * them. 'busy' when another invocation holds the step.
 */
export async function runStep(
  ctx: InvocationContext,
  issueKey: string,
  step: ReviewAction,
  beforeStep: BeforeStep,
): Promise<TrackedApp | 'busy'> {
  const claim = `review:${issueKey}:${step.cycleId}:${step.kind}:${step.due}`;
  const outcome = await claimed(ctx, claim, async (): Promise<TrackedApp | 'busy'> => {
    let app = await ctx.ports.apps.get(issueKey);
    let plan = app ? planOf(ctx, app, step) : null;
    if (app && plan) {
      const changed = await beforeStep(
        app,
        app.reviews.find((c) => c.id === step.cycleId)!,
        step,
      );
      if (changed) {
        app = changed;
        plan = planOf(ctx, app, step);
      }
    }
    if (!app || !plan) {
      // Done meanwhile by another invocation: the record guards it, and what it left is dropped.
      const cycle = app?.reviews.find((c) => c.id === step.cycleId);
      if (cycle) await settle(ctx, claim, cycleMarks(issueKey, cycle));
      else await ctx.ports.once.release(claim).catch(() => undefined);
      return app ?? 'busy';
    }
    const performed = await perform(ctx, issueKey, plan.effects);
    const recorded = await record(ctx, issueKey, { kind: 'step-done', step, performed }, 'app', app);
    if (!recorded.ok) throw new RefusedError(`${step.kind} for review ${step.cycleId} not recorded`, recorded.error);
    const after = recorded.value.reviews.find((c) => c.id === step.cycleId);
    await settle(ctx, claim, after ? cycleMarks(issueKey, after) : []);
    return recorded.value;
  });
  return outcome ?? 'busy';
}

/** The tick's plan when the same step is still the one due. */
function planOf(ctx: InvocationContext, app: TrackedApp, step: ReviewAction): Decision | null {
  const decided = decide(app, { kind: 'tick' }, decideContext(ctx));
  const plan = decided.ok ? decided.value : null;
  return plan?.step && plan.step.kind === step.kind && plan.step.cycleId === step.cycleId ? plan : null;
}

/** The step due today on the app, if any. */
export function stepDue(ctx: InvocationContext, app: TrackedApp): ReviewAction | null {
  return dueStep(app, ctx);
}

/**
 * An internal note outside the review steps (an unclear reply, an approval that could not be
 * recorded), posted once under `claim`; its mark on the ticket is its only guard, so the claim
 * goes whatever happened. Its history line is written when it is new.
 */
export async function postNoteOnce(
  ctx: InvocationContext,
  issueKey: string,
  claim: string,
  effect: Effect & { about: NoteAbout },
  cycle?: ReviewCycle,
): Promise<boolean> {
  const done = await claimed(ctx, claim, async () => {
    try {
      const [posted] = await perform(ctx, issueKey, [effect]);
      if (posted && !posted.alreadyThere) {
        const line = historyOf({
          type: 'posted',
          by: 'app',
          at: ctx.at,
          ...posted,
          about: effect.about,
          ...(cycle ? { cycle } : {}),
        });
        await ctx.ports.audit.append([{ ...line, issueKey }]);
      }
      return true;
    } finally {
      await ctx.ports.once.release(claim).catch(() => undefined);
    }
  });
  return done !== null;
}

/**
 * Tells the agents, once per component and soak date, that a requirement's soak has ended, and
 * records it so the app leaves the sweep. Returns the app as it stands afterwards.
 */
export async function noteEndedSoaks(ctx: InvocationContext, app: TrackedApp, actions: string[]): Promise<TrackedApp> {
  let current = app;
  for (const soak of endedSoaks(app.submission, ctx.today, ctx.program)) {
    const noted = await noteSoak(ctx, app.issueKey, soak);
    if (noted === null) continue; // another invocation holds it and records it
    actions.push(`submission:soak-end:${soak.componentId}`);
    current = noted;
  }
  return current;
}

async function noteSoak(ctx: InvocationContext, issueKey: string, soak: EndedSoak): Promise<TrackedApp | null> {
  const claim = `soak:${issueKey}:${soak.componentId}:${soak.soakUntil}`;
  const mark: EffectMark = { issueKey, cycleId: soakEndMarkId(soak), effect: 'soak-end-note' };
  const noted = (app: TrackedApp) =>
    app.submission.components.some((c) => c.id === soak.componentId && c.soakEndNotedFor === soak.soakUntil);
  return claimed(ctx, claim, async () => {
    // A fresh look: a late duplicate, or an agent who changed the component meanwhile, posts nothing.
    const fresh = await ctx.ports.apps.get(issueKey);
    const due =
      fresh &&
      endedSoaks(fresh.submission, ctx.today, ctx.program).some(
        (s) => s.componentId === soak.componentId && s.soakUntil === soak.soakUntil,
      );
    if (!fresh || !due) {
      await settle(ctx, claim, fresh && noted(fresh) ? [mark] : []);
      return fresh;
    }
    const about: NoteAbout = {
      kind: 'soak-ended',
      componentId: soak.componentId,
      title: soak.title,
      soakUntil: soak.soakUntil,
    };
    const [posted] = await perform(ctx, issueKey, [soakEndEffect(fresh, soak)]);
    const recorded = await record(ctx, issueKey, { kind: 'noted', about, performed: posted! });
    if (!recorded.ok) throw new RefusedError(`end of the soak of ${soak.componentId} not recorded`, recorded.error);
    await settle(ctx, claim, noted(recorded.value) ? [mark] : []);
    return recorded.value;
  });
}
