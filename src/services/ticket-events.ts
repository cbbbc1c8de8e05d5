import { z } from 'zod';
import { todayIn } from '../domain/calendar';
import { commentEventSchema, updateEventSchema, type CommentEvent, type UpdateEvent } from '../domain/jira-events';
import { mayBePartner, questionFor, replyText, utcInstant } from '../domain/reply';
import { postNoteOnce, recordWithUpdates } from './executor';
import { loadInvocationContext } from './invocation-context';
import { isPartner, recordReply } from './partner-reply';
import type { Ports } from '../ports';
import { RefusedError } from './refused-error';

/** What the handler made of an event, for the log and the tests. */
export type TicketEventOutcome =
  | { handled: false; reason: string }
  | {
      handled: true;
      what: 'answer-recorded' | 'answer-unchanged' | 'stage-followed' | 'approved' | 'approval-blocked';
      issueKey: string;
      detail?: string;
    };

/**
 * A product event on a ticket. Comments by the app or by agents, internal comments and tickets
 * the app does not track are dropped from the payload and at most one storage read, with no
 * Jira request. Bad payloads are logged and dropped, never thrown.
 */
export async function handleTicketEvent(ports: Ports, event: unknown): Promise<TicketEventOutcome> {
  const type = typeof event === 'object' && event !== null ? (event as { eventType?: unknown }).eventType : undefined;
  if (type === 'avi:jira:commented:issue') {
    const parsed = commentEventSchema.safeParse(event);
    if (!parsed.success) return dropped(`comment event not understood: ${zodProblem(parsed.error)}`);
    return onComment(ports, parsed.data);
  }
  if (type === 'avi:jira:updated:issue') {
    const parsed = updateEventSchema.safeParse(event);
    if (!parsed.success) return dropped(`update event not understood: ${zodProblem(parsed.error)}`);
    return onUpdate(ports, parsed.data);
  }
  return dropped(`event ${String(type)} is not one the app listens to`);
}

async function onComment(ports: Ports, event: CommentEvent): Promise<TicketEventOutcome> {
  const { comment, issue } = event;
  const author = comment.author;
  if (!author) return { handled: false, reason: 'comment without an author' };
  if (author.accountType === 'app') return { handled: false, reason: 'comment by an app' };
  if (comment.jsdPublic === false) return { handled: false, reason: 'internal comment' };

  const app = await ports.apps.get(issue.key);
  if (!app) return { handled: false, reason: `${issue.key} is not tracked` };
  if (!mayBePartner(app, author)) return { handled: false, reason: 'comment by an agent' };

  const cycle = questionFor(app, comment.id, utcInstant(comment.created));
  if (!cycle) return { handled: false, reason: `${issue.key} has no open significant-change question` };
  if (!(await isPartner(ports, issue.key, author, issue.fields?.reporter?.accountId))) {
    return { handled: false, reason: 'comment by an agent' };
  }

  let text = replyText(comment.body);
  if (text === null) {
    const fetched = await ports.jira.getComment(issue.key, comment.id);
    if (!fetched) return { handled: false, reason: `comment ${comment.id} is gone` };
    if (!fetched.public) return { handled: false, reason: 'internal comment' };
    text = fetched.text;
  }

  const ctx = await loadInvocationContext(ports);
  const reply = await recordReply(ctx, app, cycle, {
    id: comment.id,
    text,
    author,
    createdAt: utcInstant(comment.created),
    updatedAt: utcInstant(comment.updated ?? comment.created),
  });
  if (!reply.recorded) return { handled: true, what: 'answer-unchanged', issueKey: issue.key };
  return { handled: true, what: 'answer-recorded', issueKey: issue.key, detail: `${cycle.id}: ${reply.answer.value}` };
}

async function onUpdate(ports: Ports, event: UpdateEvent): Promise<TicketEventOutcome> {
  const change = event.changelog?.items.find((item) => item.field === 'status' || item.fieldId === 'status');
  // Jira's changelog names the new status `toString`: a field of the item, not the method.
  const status = (change as { toString?: string | null } | undefined)?.toString;
  if (!status) return { handled: false, reason: 'no status change' };
  const app = await ports.apps.get(event.issue.key);
  if (!app) return { handled: false, reason: `${event.issue.key} is not tracked` };

  const ctx = await loadInvocationContext(ports);
  const by = event.atlassianId ?? 'jira';
  // The day of the change, not of the delivery: a late redelivery still approves on the right day.
  const on = todayIn(ctx.program.timezone, new Date(utcInstant(event.issue.fields?.updated ?? undefined) ?? ctx.at));
  const changeId = changeIdOf(event);
  const result = await recordWithUpdates(ctx, event.issue.key, { kind: 'jira-status', status, on, changeId }, by, app);
  if (!result.ok) throw new RefusedError(`stage of ${event.issue.key} not updated`, result.error);
  const decision = result.decision;
  const first = decision?.events[0];
  const note = decision?.effects[0];
  if (note?.about?.kind === 'approval-blocked') {
    const posted = await postNoteOnce(ctx, app.issueKey, `approval-blocked:${app.issueKey}:${changeId}`, {
      ...note,
      about: note.about,
    });
    if (!posted)
      return { handled: false, reason: `status change ${changeId} on ${app.issueKey} is handled by another delivery` };
    return { handled: true, what: 'approval-blocked', issueKey: app.issueKey, detail: note.about.open.join('; ') };
  }
  if (first?.type === 'stage-changed')
    return { handled: true, what: 'stage-followed', issueKey: event.issue.key, detail: `${first.from} → ${first.to}` };
  if (first?.type === 'approved')
    return { handled: true, what: 'approved', issueKey: event.issue.key, detail: `approved on ${on}` };
  return { handled: false, reason: `status "${status}" keeps the stage ${result.value.submission.stage}` };
}

/** What names one status change across redeliveries: Jira's changelog id, else the time of the change. */
function changeIdOf(event: UpdateEvent): string {
  const id = event.changelog?.id;
  if (typeof id === 'string' || typeof id === 'number') return `changelog-${id}`;
  return `updated-${(utcInstant(event.issue.fields?.updated ?? undefined) ?? 'unknown').replace(/[^0-9A-Za-z]/g, '')}`;
}

function dropped(reason: string): TicketEventOutcome {
  console.warn(`ticket event dropped: ${reason}`);
  return { handled: false, reason };
}

function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(event)'}: ${issue.message}` : 'invalid';
}
