import { z } from 'zod';
import { agentNote } from '../domain/messages';
import { ok } from '../domain/result';
import { todayIn } from '../domain/calendar';
import { jiraStatusChange, type JiraStatusChange } from '../domain/jira-status';
import type { AuditEntry, TrackedApp } from '../domain/tracked-app';
import { postInternalNoteOnce } from './internal-note';
import { loadInvocationContext, type InvocationContext } from './invocation-context';
import { isPartner, mayBePartner, questionFor, recordReply, replyText, utcInstant } from './partner-reply';
import type { Ports } from './ports';
import { updateTrackedApp } from './update-app';

/** What the handler made of an event, for the log and the tests. */
export type TicketEventOutcome =
  | { handled: false; reason: string }
  | {
      handled: true;
      what: 'answer-recorded' | 'answer-unchanged' | 'stage-followed' | 'approved' | 'approval-blocked';
      issueKey: string;
      detail?: string;
    };

const user = z.object({ accountId: z.string().min(1), accountType: z.string().optional() }).passthrough();

const issueSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    key: z.string().min(1),
    fields: z.object({ reporter: user.nullish(), updated: z.string().nullish() }).passthrough().optional(),
  })
  .passthrough();

const commentEventSchema = z
  .object({
    eventType: z.literal('avi:jira:commented:issue'),
    issue: issueSchema,
    comment: z
      .object({
        id: z.union([z.string(), z.number()]).transform(String),
        author: user.optional(),
        body: z.unknown().optional(),
        created: z.string().optional(),
        updated: z.string().optional(),
        jsdPublic: z.boolean().optional(),
      })
      .passthrough(),
    atlassianId: z.string().optional(),
  })
  .passthrough();

const updateEventSchema = z
  .object({
    eventType: z.literal('avi:jira:updated:issue'),
    issue: issueSchema,
    atlassianId: z.string().optional(),
    changelog: z
      .object({
        id: z.union([z.string(), z.number()]).optional(),
        items: z.array(
          z.object({ field: z.string().optional(), fieldId: z.string().optional(), toString: z.string().nullish() }).passthrough(),
        ),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

type CommentEvent = z.infer<typeof commentEventSchema>;
type UpdateEvent = z.infer<typeof updateEventSchema>;

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
  const status = change?.toString;
  if (!status) return { handled: false, reason: 'no status change' };
  const app = await ports.apps.get(event.issue.key);
  if (!app) return { handled: false, reason: `${event.issue.key} is not tracked` };

  const ctx = await loadInvocationContext(ports);
  const by = event.atlassianId ?? 'jira';
  // The day of the change, not of the delivery: a late redelivery still approves on the right day.
  const changedAt = utcInstant(event.issue.fields?.updated ?? undefined) ?? ctx.at;
  const on = todayIn(ctx.program.timezone, new Date(changedAt));
  let outcome: JiraStatusChange = { kind: 'unchanged' };
  const result = await updateTrackedApp(ctx, event.issue.key, (current) => {
    outcome = jiraStatusChange(current, ctx.program, status, { by, at: ctx.at, on }, ctx.today);
    if (outcome.kind === 'moved') {
      const { from, to } = outcome;
      return ok({
        app: outcome.app,
        audit: [
          {
            at: ctx.at,
            by,
            kind: 'stage-changed' as const,
            summary: `Stage moved from ${from} to ${to} because the ticket moved to "${status}" in Jira`,
            detail: { from, to, status },
          },
        ],
      });
    }
    if (outcome.kind === 'approved') {
      return ok({ app: outcome.app, audit: approvalAudit(outcome, status, by, ctx.at) });
    }
    return ok({ app: current, audit: [] });
  });
  if (!result.ok) throw new Error(`stage of ${event.issue.key} not updated: ${result.error.message}`);
  const decided = outcome as JiraStatusChange;
  switch (decided.kind) {
    case 'moved':
      return { handled: true, what: 'stage-followed', issueKey: event.issue.key, detail: `${decided.from} → ${decided.to}` };
    case 'approved':
      return { handled: true, what: 'approved', issueKey: event.issue.key, detail: `approved on ${on}` };
    case 'approval-blocked':
      return blockedApproval(ctx, result.value, status, decided.openRequirements, changeId(event));
    default:
      return { handled: false, reason: `status "${status}" keeps the stage ${result.value.submission.stage}` };
  }
}

function approvalAudit(
  approved: Extract<JiraStatusChange, { kind: 'approved' }>,
  status: string,
  by: string,
  at: string,
): Omit<AuditEntry, 'issueKey'>[] {
  const approvedOn = approved.app.approval?.approvedOn ?? '';
  return [
    {
      at,
      by,
      kind: 'approved',
      summary: `Approved in Jira by ${by} on ${approvedOn}: the ticket moved to "${status}" with every requirement met or waived`,
      detail: { approvedOn, status, from: approved.from },
    },
    ...approved.scheduled.map((c) => ({
      at,
      by: 'app',
      kind: 'review-scheduled' as const,
      cycleId: c.id,
      summary: `Annual review ${c.id} scheduled: notice on ${c.noticeOn}, window ${c.windowStart} to ${c.windowEnd}`,
      detail: { noticeOn: c.noticeOn, windowStart: c.windowStart, windowEnd: c.windowEnd, remediationDue: c.remediationDue },
    })),
  ];
}

/** What names one status change across redeliveries: Jira's changelog id, else the time of the change. */
function changeId(event: UpdateEvent): string {
  const id = event.changelog?.id;
  if (typeof id === 'string' || typeof id === 'number') return `changelog-${id}`;
  return `updated-${(utcInstant(event.issue.fields?.updated ?? undefined) ?? 'unknown').replace(/[^0-9A-Za-z]/g, '')}`;
}

/**
 * The ticket was set to an approved status with requirements open: no approval is recorded, and
 * the agents are told once per status change why (the mark names the change, so a redelivered
 * event finds the note; a later change to the same status gets its own).
 */
async function blockedApproval(
  ctx: InvocationContext,
  app: TrackedApp,
  status: string,
  open: string[],
  change: string,
): Promise<TicketEventOutcome> {
  const claim = `approval-blocked:${app.issueKey}:${change}`;
  if (!(await ctx.ports.once.claim(claim, 120))) {
    return { handled: false, reason: `status change ${change} on ${app.issueKey} is handled by another delivery` };
  }
  try {
    const note = agentNote('approval-blocked', { appName: app.appName, cycleId: 'submission', status, openRequirements: open });
    const mark = { issueKey: app.issueKey, cycleId: `submission/${change}`, effect: 'approval-blocked-note' as const };
    await postInternalNoteOnce(ctx, mark, note, {
      summary: `Internal note posted: the ticket moved to "${status}" in Jira with ${open.length} requirement${open.length === 1 ? '' : 's'} open, so no approval was recorded`,
      detail: { status, open: open.join('; ') },
    });
  } finally {
    // The note's mark on the ticket guards it from here: a redelivery searches and finds it.
    await ctx.ports.once.release(claim).catch(() => undefined);
  }
  return { handled: true, what: 'approval-blocked', issueKey: app.issueKey, detail: open.join('; ') };
}

function dropped(reason: string): TicketEventOutcome {
  console.warn(`ticket event dropped: ${reason}`);
  return { handled: false, reason };
}

function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(event)'}: ${issue.message}` : 'invalid';
}
