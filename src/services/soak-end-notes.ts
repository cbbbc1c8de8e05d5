import { agentNote } from '../domain/messages';
import { ok } from '../domain/result';
import { endedSoaks, noteSoakEnd, soakEndMarkId, type EndedSoak } from '../domain/soak-end';
import type { TrackedApp } from '../domain/tracked-app';
import type { InvocationContext } from './invocation-context';
import type { EffectMark } from './ports';
import { updateTrackedApp } from './update-app';

/** As for review actions: a claim outlives one post; after a crash it lapses and a retry finds the note by its mark. */
const CLAIM_SECONDS = 120;

/**
 * Tells the agents, once per component and soak date, that a requirement's soak has ended, and
 * records it so the app leaves the sweep. Returns the app as it stands afterwards.
 */
export async function noteEndedSoaks(ctx: InvocationContext, app: TrackedApp, actions: string[] = []): Promise<TrackedApp> {
  let current = app;
  for (const soak of endedSoaks(app.submission, ctx.today, ctx.program)) {
    const noted = await noteSoak(ctx, app.issueKey, soak);
    if (noted === 'busy') continue; // another invocation holds it and records it
    actions.push(`submission:soak-end:${soak.componentId}`);
    current = noted;
  }
  return current;
}

async function noteSoak(ctx: InvocationContext, issueKey: string, soak: EndedSoak): Promise<TrackedApp | 'busy'> {
  const claim = `soak:${issueKey}:${soak.componentId}:${soak.soakUntil}`;
  if (!(await ctx.ports.once.claim(claim, CLAIM_SECONDS))) return 'busy';
  try {
    // A fresh look: a late duplicate, or an agent who changed the component meanwhile, posts nothing.
    const fresh = await ctx.ports.apps.get(issueKey);
    if (!fresh || !stillDue(ctx, fresh, soak)) {
      if (fresh) await settle(ctx, claim, fresh, soak);
      return fresh ?? 'busy';
    }

    const note = agentNote('soak-ended', { appName: fresh.appName, cycleId: 'submission', requirement: soak.title, soakUntil: soak.soakUntil });
    const mark = markOf(issueKey, soak);
    const posted = await ctx.ports.jira.postCommentOnce(mark, note, 'internal');

    const recorded = await updateTrackedApp(ctx, issueKey, (current) => {
      const submission = noteSoakEnd(current.submission, soak);
      if (!submission) return ok({ app: current, audit: [] });
      return ok({
        app: { ...current, submission },
        audit: [
          {
            at: ctx.at,
            by: 'app',
            kind: 'message-posted' as const,
            summary: `Internal note posted: the soak period of ${soak.title} ended on ${soak.soakUntil}`,
            detail: {
              effect: 'soak-end-note',
              id: posted.id,
              componentId: soak.componentId,
              soakUntil: soak.soakUntil,
              visibility: 'internal',
              foundFromEarlierAttempt: posted.alreadyThere,
            },
          },
        ],
      });
    });
    if (!recorded.ok) throw new Error(`end of the soak of ${soak.componentId} not recorded: ${recorded.error.message}`);
    await settle(ctx, claim, recorded.value, soak);
    return recorded.value;
  } catch (error) {
    await ctx.ports.once.release(claim).catch(() => undefined);
    throw error;
  }
}

function markOf(issueKey: string, soak: EndedSoak): EffectMark {
  return { issueKey, cycleId: soakEndMarkId(soak), effect: 'soak-end-note' };
}

/**
 * Once the record says the soak's end was noted, a duplicate re-reads it after its claim and posts
 * nothing: the claim and the posting note go in one operation. Otherwise (the component changed
 * meanwhile) only the claim goes and the note keeps guarding the mark. A failed delete is harmless.
 */
async function settle(ctx: InvocationContext, claim: string, app: TrackedApp, soak: EndedSoak): Promise<void> {
  const noted = app.submission.components.some((c) => c.id === soak.componentId && c.soakEndNotedFor === soak.soakUntil);
  const cleanup = noted ? ctx.ports.once.done(claim, [markOf(app.issueKey, soak)]) : ctx.ports.once.release(claim);
  await cleanup.catch((error: unknown) => console.warn(`helper keys of ${claim} left: ${error instanceof Error ? error.message : String(error)}`));
}

function stillDue(ctx: InvocationContext, app: TrackedApp, soak: EndedSoak): boolean {
  return endedSoaks(app.submission, ctx.today, ctx.program).some(
    (s) => s.componentId === soak.componentId && s.soakUntil === soak.soakUntil,
  );
}
