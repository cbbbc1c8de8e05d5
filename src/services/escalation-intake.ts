import { matchConcern, type ApprovedAppRef } from '../domain/escalation-intake';
import { concernReceivedComment, concernUnmatchedNote } from '../domain/messages';
import type { InvocationContext } from './invocation-context';
import type { EffectMark } from '../ports';
import { actOnTicket } from './agent-action';

/** A crashed intake's claim on a request lapses after this long; a redelivery then finishes it. */
export const CLAIM_SECONDS = 300;
const PAGE = 100;

export type IntakeOutcome =
  | { what: 'not-a-concern' }
  | { what: 'in-progress-elsewhere' }
  | { what: 'unmatched'; reason: string }
  /** `note`: why no new review was opened (one already open covers the concern). */
  | { what: 'escalated'; approvalKey: string; note?: string };

/** The app raises the customer's concern: the customer's account is never put in the approval ticket's record. */
const INTAKE = 'app';

/**
 * The one place a customer's concern opens an escalation review on the app's approval ticket.
 * The concern names the customer's request, not the customer.
 */
export async function openCustomerEscalation(
  ctx: InvocationContext,
  approvalKey: string,
  requestKey: string,
  summary: string,
) {
  const text = `Customer concern (${requestKey}): ${summary.trim() || 'no summary'}`;
  return actOnTicket(ctx, {
    issueKey: approvalKey,
    by: INTAKE,
    action: { type: 'raise-escalation', text, source: 'customer' },
  });
}

const mark = (requestKey: string, effect: 'concern-received' | 'concern-unmatched'): EffectMark => ({
  issueKey: requestKey,
  cycleId: 'concern',
  effect,
});

/**
 * A request created on the program's portal: when its request type is one the program names for
 * concerns, find the app it names, link the request to the app's approval ticket, open an
 * escalation review there and tell the customer; or tell agents it names no app. Every step is
 * safe to repeat, and a claim keeps two deliveries of the same event from running it at once.
 */
export async function takeInConcern(ctx: InvocationContext, requestKey: string): Promise<IntakeOutcome> {
  const types = (ctx.program.escalationRequestTypes ?? []).map((t) => t.toLowerCase());
  if (types.length === 0) return { what: 'not-a-concern' };
  const facts = await ctx.ports.jira.getIssue(requestKey, { requestType: true });
  if (!facts?.requestType || !types.includes(facts.requestType.toLowerCase())) return { what: 'not-a-concern' };

  const claim = `concern:${requestKey}`;
  if (!(await ctx.ports.once.claim(claim, CLAIM_SECONDS))) return { what: 'in-progress-elsewhere' };
  try {
    const outcome = await intake(ctx, requestKey);
    await ctx.ports.once.done(claim, []);
    return outcome;
  } catch (error) {
    await ctx.ports.once.release(claim).catch(() => undefined);
    throw error;
  }
}

async function intake(ctx: InvocationContext, requestKey: string): Promise<IntakeOutcome> {
  const { jira } = ctx.ports;
  const request = await jira.readRequestText(requestKey);
  if (!request) return { what: 'not-a-concern' };
  const match = matchConcern(request, await approvedApps(ctx));
  if (!match.ok) {
    await jira.postCommentOnce(mark(requestKey, 'concern-unmatched'), concernUnmatchedNote(match.reason), 'internal', {
      lookFirst: true,
    });
    return { what: 'unmatched', reason: match.reason };
  }
  const approvalKey = match.app.issueKey;
  if (!request.linkedKeys.includes(approvalKey)) await jira.linkIssues(requestKey, approvalKey);
  const opened = await openCustomerEscalation(ctx, approvalKey, requestKey, request.summary);
  // A review already open for another concern covers this one too: the customer is told the same.
  const note = opened.ok ? undefined : opened.error.message;
  if (!opened.ok && opened.error.code !== 'not-allowed')
    throw new Error(`escalation on ${approvalKey} refused: ${opened.error.message}`);
  // No record says the customer was told: the mark on the request is the guard, so it is looked for first.
  await jira.postCommentOnce(
    mark(requestKey, 'concern-received'),
    concernReceivedComment(match.app.appName),
    'public',
    { lookFirst: true },
  );
  return { what: 'escalated', approvalKey, ...(note ? { note } : {}) };
}

/** Every approved app the program tracks, by name and approval ticket (storage pages, no Jira request). */
async function approvedApps(ctx: InvocationContext): Promise<ApprovedAppRef[]> {
  const out: ApprovedAppRef[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.ports.apps.list(cursor, PAGE);
    for (const app of page.apps)
      if (app.approval && app.submission.stage === 'approved')
        out.push({ issueKey: app.issueKey, appName: app.appName });
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
