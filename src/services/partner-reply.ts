import { DateTime } from 'luxon';
import { agentNote, adfToPlainText } from '../domain/messages';
import type { AdfDoc } from '../domain/messages/adf';
import { classifyReply } from '../domain/reply-classifier';
import { ok } from '../domain/result';
import { recordPartnerAnswer } from '../domain/review-cycle';
import type { PartnerAnswer, ReviewCycle } from '../domain/review-types';
import type { TrackedApp } from '../domain/tracked-app';
import { postInternalNoteOnce } from './internal-note';
import type { InvocationContext } from './invocation-context';
import type { Ports } from './ports';
import { updateTrackedApp } from './update-app';

/**
 * What makes a comment a partner's answer to a review, and how it is recorded: one set of rules
 * for the comment trigger and for the worker reading the ticket when an event went missing.
 */

export interface CommentAuthor {
  accountId: string;
  accountType?: string | undefined;
}

/** A comment as far as answering the significant-change question goes. */
export interface ReplyComment {
  id: string;
  text: string;
  author: CommentAuthor;
  /** UTC instant the comment was written. */
  createdAt: string | null;
  /** UTC instant of its last edit (the created instant when never edited). */
  updatedAt: string | null;
}

/** `app` is the record as stored after the reply, whether or not it changed it. */
export interface RecordedReply {
  recorded: boolean;
  app: TrackedApp;
  answer: PartnerAnswer;
}

/**
 * Who wrote it may be the partner: a person (not an app) who has not acted for the program on
 * this record. Needs no Jira request; `isAgentByJira` settles the rest.
 */
export function mayBePartner(app: TrackedApp, author: CommentAuthor): boolean {
  return author.accountType !== 'app' && !knownAgents(app).has(author.accountId);
}

/**
 * Whether the author is not one of the service desk's agents. Portal customers and the reporter
 * are partners without asking Jira; anyone else may be an agent the record has not met yet.
 */
export async function isPartner(ports: Ports, issueKey: string, author: CommentAuthor, reporterId?: string): Promise<boolean> {
  if (author.accountType === 'customer' || (reporterId !== undefined && reporterId === author.accountId)) return true;
  return !(await ports.jira.isAgent(issueKey, author.accountId));
}

/**
 * The cycle a reply answers. Open questions: `notified` and `in-review`. In `remediation` only
 * a first, late answer or an edit of the recorded reply counts: later replies there are about
 * the fixes, not about significant changes. A comment written before the notice answers nothing.
 */
export function questionFor(app: TrackedApp, commentId: string, createdAt: string | null): ReviewCycle | undefined {
  const edited = app.reviews.find((c) => c.answer?.commentId === commentId);
  if (edited) return ['notified', 'in-review', 'remediation'].includes(edited.state) ? edited : undefined;
  const open = app.reviews
    .filter((c) => c.state === 'notified' || c.state === 'in-review' || (c.state === 'remediation' && !c.answer))
    .filter((c) => !createdAt || !c.effects.notice || c.effects.notice.at <= createdAt)
    .sort((a, b) => (a.noticeOn < b.noticeOn ? 1 : -1));
  return open[0];
}

/** The partner's answer a comment gives, classified with the program's words. */
export function answerOf(ctx: InvocationContext, comment: ReplyComment): PartnerAnswer {
  const classified = classifyReply(comment.text, ctx.program);
  return {
    value: classified.answer,
    categories: classified.categories,
    source: 'reply',
    commentId: comment.id,
    text: comment.text,
    reason: classified.reason,
    by: comment.author.accountId,
    at: comment.updatedAt ?? ctx.at,
  };
}

/**
 * Records the reply as the cycle's answer unless nothing changed, and flags an unclear one to
 * the agents once (also when it was recorded before by a delivery that died before its note).
 */
export async function recordReply(ctx: InvocationContext, app: TrackedApp, cycle: ReviewCycle, comment: ReplyComment): Promise<RecordedReply> {
  const answer = answerOf(ctx, comment);
  const { changed, stored } = await recordAnswer(ctx, app.issueKey, cycle.id, answer);
  if (answer.value === 'UNCLEAR' && (changed || cycle.answer?.commentId === comment.id)) {
    await flagUnclear(ctx, changed ? stored : app, cycle.id, answer);
  }
  return { recorded: changed, app: stored, answer };
}

/**
 * Records the answer unless nothing changed. An agent's answer is never replaced by a reply,
 * and an unclear reply does not replace a clear answer from another comment (a "thank you"
 * must not undo a NO).
 */
async function recordAnswer(ctx: InvocationContext, issueKey: string, cycleId: string, answer: PartnerAnswer): Promise<{ changed: boolean; stored: TrackedApp }> {
  let changed = false;
  const result = await updateTrackedApp(ctx, issueKey, (app) => {
    const index = app.reviews.findIndex((c) => c.id === cycleId);
    const cycle = app.reviews[index];
    changed = false;
    if (!cycle || !keepsAnswer(cycle.answer, answer)) return ok({ app, audit: [] });
    changed = true;
    const next = recordPartnerAnswer(cycle, answer);
    const edited = cycle.answer?.commentId === answer.commentId;
    return ok({
      app: { ...app, reviews: app.reviews.map((c, i) => (i === index ? next : c)) },
      audit: [
        {
          at: ctx.at,
          by: answer.by,
          kind: 'answer-recorded' as const,
          cycleId,
          summary: `${answer.source === 'form' ? 'Answered on the portal:' : edited ? 'Edited reply read as' : 'Reply read as'} ${answer.value}${answer.categories.length ? ` (${answer.categories.join(', ')})` : ''} for review ${cycleId}`,
          detail: { answer: answer.value, commentId: answer.commentId ?? null, categories: answer.categories.join(','), source: answer.source },
        },
      ],
    });
  });
  if (!result.ok) throw new Error(`answer on ${issueKey} not recorded: ${result.error.message}`);
  return { changed, stored: result.value };
}

export function keepsAnswer(existing: PartnerAnswer | undefined, incoming: PartnerAnswer): boolean {
  if (!existing) return true;
  if (existing.source === 'agent') return false;
  // A structured answer (the portal panel, a JSM form) wins over free text, whenever either came.
  if (existing.source === 'form' && incoming.source === 'reply') return false;
  const sameComment = existing.commentId === incoming.commentId;
  if (sameComment) {
    return existing.value !== incoming.value || existing.text !== incoming.text || existing.categories.join() !== incoming.categories.join();
  }
  return !(incoming.value === 'UNCLEAR' && existing.value !== 'UNCLEAR');
}

/**
 * The partner's structured answer (the portal panel): recorded as the review's answer like a
 * reply, over a reply's, never over an agent's. `changed` is false when nothing new was said.
 */
export async function recordStructuredAnswer(ctx: InvocationContext, issueKey: string, cycleId: string, answer: PartnerAnswer): Promise<{ changed: boolean; stored: TrackedApp }> {
  return recordAnswer(ctx, issueKey, cycleId, { ...answer, source: 'form' });
}

/** Agents are told once per comment that a reply needs a person to read it. */
async function flagUnclear(ctx: InvocationContext, app: TrackedApp, cycleId: string, answer: PartnerAnswer): Promise<void> {
  const note: AdfDoc = agentNote('unclear-answer', {
    appName: app.appName,
    cycleId,
    answer: answer.value,
    ...(answer.reason ? { reason: answer.reason } : {}),
    ...(answer.text ? { text: answer.text } : {}),
    ...(answer.commentId ? { commentId: answer.commentId } : {}),
    source: 'reply',
  });
  // The mark names the comment too, so each unclear reply is flagged once and only once.
  const mark = { issueKey: app.issueKey, cycleId: `${cycleId}/reply-${answer.commentId ?? 'unknown'}`, effect: 'unclear-answer-note' as const };
  // The claim keeps two deliveries of the reply from posting at once; once the note is on the
  // ticket its mark is the guard, so the claim goes whatever happened.
  const claim = `unclear:${app.issueKey}:${cycleId}:${answer.commentId ?? 'unknown'}`;
  if (!(await ctx.ports.once.claim(claim, 120))) return;
  try {
    await postInternalNoteOnce(ctx, mark, note, {
      cycleId,
      summary: `Internal note posted for review ${cycleId}: the reply could not be read as YES or NO`,
      detail: { commentId: answer.commentId ?? null },
    });
  } finally {
    await ctx.ports.once.release(claim).catch(() => undefined);
  }
}

/** People the record shows acting for the program: everyone who changed it, except partners answering. */
export function knownAgents(app: TrackedApp): Set<string> {
  const ids = new Set<string>([app.createdBy]);
  if (app.approval) ids.add(app.approval.by);
  for (const c of app.submission.components) if (c.by) ids.add(c.by);
  for (const cycle of app.reviews) {
    for (const check of cycle.checks) if (check.by && check.by !== cycle.answer?.by) ids.add(check.by);
    if (cycle.answer?.source === 'agent') ids.add(cycle.answer.by);
    if (cycle.concern) ids.add(cycle.concern.raisedBy);
  }
  ids.delete('app');
  return ids;
}

/** A comment's text: plain text, or ADF as an object or as JSON. Null when absent. */
export function replyText(body: unknown): string | null {
  if (typeof body === 'string') {
    const trimmed = body.trim();
    if (trimmed.startsWith('{')) {
      try {
        return replyText(JSON.parse(trimmed) as unknown);
      } catch {
        return body;
      }
    }
    return body;
  }
  if (typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'doc') {
    return adfToPlainText(body as AdfDoc);
  }
  return null;
}

/** Jira writes offsets as `+1100`; the store keeps UTC ISO instants. */
export function utcInstant(text: string | undefined): string | null {
  if (!text) return null;
  const parsed = DateTime.fromISO(text, { setZone: true });
  const fallback = parsed.isValid ? parsed : DateTime.fromFormat(text, "yyyy-MM-dd'T'HH:mm:ss.SSSZZZ", { setZone: true });
  return fallback.isValid ? fallback.toUTC().toISO() : null;
}

/**
 * A reply whose comment event was late or lost: the ticket's public comments since the notice
 * (one paged read), taken by the trigger's rules. The newest clear answer wins, else the newest
 * unclear one, as if the events had come in order. Recorded as the trigger would; the trigger
 * delivering the same comment later finds it recorded and does nothing twice.
 */
export async function recordMissedReply(ctx: InvocationContext, app: TrackedApp, cycle: ReviewCycle): Promise<TrackedApp | null> {
  const notice = cycle.effects.notice;
  if (!notice || cycle.answer) return null;
  const since = notice.id ? { commentId: notice.id, at: notice.at } : { at: notice.at };
  const comments = await ctx.ports.jira.commentsSince(app.issueKey, since);
  let unclear: ReplyComment | undefined;
  for (const posted of comments) {
    if (!posted.public || posted.mark || !posted.authorAccountId) continue;
    const author: CommentAuthor = { accountId: posted.authorAccountId, accountType: posted.authorAccountType };
    if (!mayBePartner(app, author)) continue;
    const reply: ReplyComment = {
      id: posted.id,
      text: replyText(posted.body) ?? posted.text,
      author,
      createdAt: utcInstant(posted.created),
      updatedAt: utcInstant(posted.updated),
    };
    if (questionFor(app, reply.id, reply.createdAt)?.id !== cycle.id) continue;
    const clear = answerOf(ctx, reply).value !== 'UNCLEAR';
    if (!clear && unclear) continue;
    if (!(await isPartner(ctx.ports, app.issueKey, author))) continue;
    if (!clear) {
      unclear = reply;
      continue;
    }
    return (await recordReply(ctx, app, cycle, reply)).app;
  }
  return unclear ? (await recordReply(ctx, app, cycle, unclear)).app : null;
}
