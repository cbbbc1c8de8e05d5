import { unclearAnswerEffect } from '../domain/decide';
import type { PartnerAnswer, ReviewCycle, TrackedApp } from '../domain/model';
import { mayBePartner, questionFor, replyText, utcInstant, type CommentAuthor } from '../domain/reply';
import { classifyReply } from '../domain/reply-classifier';
import { answerFromForm } from '../domain/structured-answer';
import { postNoteOnce, record } from './executor';
import type { InvocationContext } from './invocation-context';
import type { Ports } from '../ports';
import { RefusedError } from './refused-error';

/** How a partner's reply is recorded: the same for the comment trigger and for the worker reading the ticket when an event went missing. */

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
 * Whether the author is not one of the service desk's agents. Portal customers and the reporter
 * are partners without asking Jira; anyone else may be an agent the record has not met yet.
 */
export async function isPartner(
  ports: Ports,
  issueKey: string,
  author: CommentAuthor,
  reporterId?: string,
): Promise<boolean> {
  if (author.accountType === 'customer' || (reporterId !== undefined && reporterId === author.accountId)) return true;
  return !(await ports.jira.isAgent(issueKey, author.accountId));
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
export async function recordReply(
  ctx: InvocationContext,
  app: TrackedApp,
  cycle: ReviewCycle,
  comment: ReplyComment,
): Promise<RecordedReply> {
  const answer = answerOf(ctx, comment);
  const recorded = await record(ctx, app.issueKey, { kind: 'reply', cycleId: cycle.id, answer }, answer.by);
  if (!recorded.ok) throw new RefusedError(`answer on ${app.issueKey} not recorded`, recorded.error);
  const changed = (recorded.decision?.events.length ?? 0) > 0;
  const stored = recorded.value;
  if (answer.value === 'UNCLEAR' && (changed || cycle.answer?.commentId === comment.id)) {
    const claim = `unclear:${app.issueKey}:${cycle.id}:${answer.commentId ?? 'unknown'}`;
    const noted = stored.reviews.find((c) => c.id === cycle.id) ?? cycle;
    await postNoteOnce(ctx, app.issueKey, claim, unclearAnswerEffect(changed ? stored : app, cycle.id, answer), noted);
  }
  return { recorded: changed, app: stored, answer };
}

/**
 * The partner's structured answer (the portal panel): recorded as the review's answer like a
 * reply, over a reply's, never over an agent's. `changed` is false when nothing new was said.
 */
export async function recordStructuredAnswer(
  ctx: InvocationContext,
  issueKey: string,
  cycleId: string,
  answer: PartnerAnswer,
): Promise<{ changed: boolean; stored: TrackedApp }> {
  const recorded = await record(
    ctx,
    issueKey,
    { kind: 'reply', cycleId, answer: { ...answer, source: 'form' } },
    answer.by,
  );
  if (!recorded.ok) throw new RefusedError(`answer on ${issueKey} not recorded`, recorded.error);
  return { changed: (recorded.decision?.events.length ?? 0) > 0, stored: recorded.value };
}

/**
 * A reply whose comment event was late or lost: the ticket's public comments since the notice
 * (one paged read), taken by the trigger's rules. The newest clear answer wins, else the newest
 * unclear one, as if the events had come in order. Recorded as the trigger would; the trigger
 * delivering the same comment later finds it recorded and does nothing twice.
 */
export async function recordMissedReply(
  ctx: InvocationContext,
  app: TrackedApp,
  cycle: ReviewCycle,
): Promise<TrackedApp | null> {
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

/**
 * The partner's answer in the JSM form on the ticket, when the program has a form template and
 * the review added one: read once (before the reminder, at the window's close) and recorded as
 * a structured answer, which wins over a free-text reply. Null when the form holds no answer yet.
 */
export async function recordFormAnswer(
  ctx: InvocationContext,
  app: TrackedApp,
  cycle: ReviewCycle,
): Promise<TrackedApp | null> {
  const formId = cycle.effects['jsm-form']?.id;
  if (!ctx.program.formTemplateId || !formId || cycle.answer?.source === 'form' || cycle.answer?.source === 'agent')
    return null;
  const answers = await ctx.ports.jira.readFormAnswers(app.issueKey, formId);
  const answer = answers ? answerFromForm(ctx.program, answers, ctx.at) : null;
  if (!answer) return null;
  const recorded = await recordStructuredAnswer(ctx, app.issueKey, cycle.id, answer);
  return recorded.changed ? recorded.stored : null;
}
