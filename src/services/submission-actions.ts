import type { ApiResult, TicketView, Viewer } from '../contract';
import { addDays, parseIsoDate } from '../domain/calendar';
import type { IsoDate } from '../domain/dates';
import { ensureNextCycle } from '../domain/review-cycle';
import {
  approveSubmission,
  componentStates,
  followJiraStatus,
  moveStage,
  setComponentStatus,
  startSubmission,
  statusesForStage,
  type ComponentChange,
} from '../domain/submission';
import type { ComponentState, Stage, SubmissionState } from '../domain/submission-types';
import type { AuditEntry, TrackedApp } from '../domain/tracked-app';
import { fromError, notTrackedMessage, refusal } from './api-result';
import type { InvocationContext } from './invocation-context';
import { scheduledAudit } from './review-actions';
import { ineligibility, loadTicketView, needsRequestType } from './ticket-view';
import { createTrackedApp, updateTrackedApp, type AppWriteResult } from './update-app';

type Audit = Omit<AuditEntry, 'issueKey'>;

/** Starts tracking a ticket as an app submission; the ticket's JSM status sets the first stage where it maps to one. */
export async function startTracking(
  ctx: InvocationContext,
  viewer: Viewer,
  issueKey: string,
  appName: string,
): Promise<ApiResult<TicketView>> {
  const issue = await ctx.ports.jira.getIssue(issueKey, needsRequestType(ctx.program));
  if (!issue) return refusal('not-found', `${issueKey} could not be found in Jira; check the ticket key.`);
  const reason = ineligibility(issue, ctx.program);
  if (reason) return refusal('not-allowed', `${reason} Change the program settings to track it.`);

  const by = viewer.accountId;
  let submission = startSubmission(ctx.program, by, ctx.at);
  // An approval is recorded with "Approve" (or the import), never inferred from a status alone.
  const followed = followJiraStatus(submission, ctx.program, issue.status, by, ctx.at);
  if (followed && followed.stage !== 'approved') submission = followed;

  const app: TrackedApp = {
    issueKey: issue.key,
    issueId: issue.id,
    appName,
    createdAt: ctx.at,
    createdBy: by,
    submission,
    reviews: [],
    nextActionOn: null,
    version: 1,
  };
  const created = await createTrackedApp(ctx, app, [
    {
      at: ctx.at,
      by,
      kind: 'tracking-started',
      summary: `Tracking started for “${appName}” at stage ${submission.stage} (Jira status ${issue.status}).`,
    },
  ]);
  if (!created.ok) {
    if (created.error.code === 'exists') {
      return refusal('conflict', `${issue.key} is already tracked; reload the panel to see it.`);
    }
    return { ok: false, error: fromError(created.error) };
  }
  return { ok: true, data: await loadTicketView(ctx, issue.key, viewer, { app: created.value }) };
}

/**
 * Moves the submission to another stage. Where the program maps statuses to the stage, the
 * ticket's workflow is the truth: Jira moves first, and a refused transition changes nothing.
 */
export async function moveSubmissionStage(
  ctx: InvocationContext,
  viewer: Viewer,
  issueKey: string,
  to: Stage,
  note?: string,
): Promise<ApiResult<TicketView>> {
  const by = viewer.accountId;
  const app = await ctx.ports.apps.get(issueKey);
  if (!app) return refusal('not-tracked', notTrackedMessage(issueKey));
  // Already there (a retried or doubled click): nothing to do, and nothing to record twice.
  if (app.submission.stage === to) return { ok: true, data: await loadTicketView(ctx, issueKey, viewer, { app }) };
  const checked = moveStage(app.submission, to, by, ctx.at);
  if (!checked.ok) return { ok: false, error: fromError(checked.error) };

  const transition = await transitionFor(ctx, issueKey, to);
  if (!transition.ok) return transition;
  const status = transition.data;

  const updated = await afterTransition(status, () => updateTrackedApp(ctx, issueKey, (current) => {
    const from = current.submission.stage;
    if (from === to) return { ok: true, value: { app: current, audit: [] } };
    const moved = moveStage(current.submission, to, by, ctx.at);
    let submission: SubmissionState;
    if (moved.ok) submission = moved.value;
    else if (!status) return moved;
    else {
      // The ticket already moved in Jira: the record follows it even if another change raced in.
      const followed = followJiraStatus(current.submission, ctx.program, status, by, ctx.at);
      if (!followed) return { ok: true, value: { app: current, audit: [] } };
      submission = followed;
    }
    const audit: Audit[] = [
      {
        at: ctx.at,
        by,
        kind: 'stage-changed',
        summary:
          `Stage moved from ${from} to ${submission.stage}` +
          (status ? ` (Jira status ${status})` : '') +
          (note ? `: ${note}` : '.'),
        detail: { from, to: submission.stage, status: status ?? null },
      },
    ];
    return { ok: true, value: { app: { ...current, submission }, audit } };
  }));
  if (!updated.ok) return stageNotRecorded(updated.error, issueKey, status);
  return { ok: true, data: await loadTicketView(ctx, issueKey, viewer, viewFacts(updated.value, status)) };
}

/** Records a requirement component's status, with who, when and a note. */
export async function changeComponentStatus(
  ctx: InvocationContext,
  viewer: Viewer,
  issueKey: string,
  change: ComponentChange,
): Promise<ApiResult<TicketView>> {
  const by = viewer.accountId;
  const definition = ctx.program.components.find((c) => c.id === change.componentId);
  // A soaking requirement without a date soaks for the program's soak time from today.
  const withDefaults: ComponentChange =
    change.status === 'soaking' && !change.soakUntil && definition?.soakDays
      ? { ...change, soakUntil: addDays(ctx.today, definition.soakDays) }
      : change;

  const updated = await updateTrackedApp(ctx, issueKey, (current) => {
    const before = componentStates(current.submission, ctx.program).find((c) => c.id === change.componentId);
    if (before && sameComponentChange(before, withDefaults)) return { ok: true, value: { app: current, audit: [] } };
    const result = setComponentStatus(current.submission, ctx.program, withDefaults, by, ctx.at);
    if (!result.ok) return result;
    const after = result.value.components.find((c) => c.id === change.componentId);
    const title = definition?.title ?? change.componentId;
    const extra =
      (after?.soakUntil && after.status === 'soaking' ? ` until ${after.soakUntil}` : '') +
      (after?.waiverReason && after.status === 'waived' ? ` (${after.waiverReason})` : '') +
      (after?.note ? `: ${after.note}` : '.');
    const audit: Audit[] = [
      {
        at: ctx.at,
        by,
        kind: 'component-changed',
        summary: `${title} changed from ${before?.status ?? 'not-started'} to ${change.status}${extra}`,
        detail: { componentId: change.componentId, from: before?.status ?? null, to: change.status },
      },
    ];
    return { ok: true, value: { app: { ...current, submission: result.value }, audit } };
  });
  if (!updated.ok) return notTrackedOr(updated.error, issueKey);
  return { ok: true, data: await loadTicketView(ctx, issueKey, viewer, { app: updated.value }) };
}

/** The component already says exactly this: a retried or doubled call changes nothing. */
function sameComponentChange(state: ComponentState, change: ComponentChange): boolean {
  const note = change.note?.trim() || undefined;
  return (
    state.status === change.status &&
    state.note === note &&
    (change.status !== 'soaking' || state.soakUntil === change.soakUntil) &&
    (change.status !== 'waived' || state.waiverReason === change.waiverReason?.trim())
  );
}

/**
 * Approves the submission: records the approval date (today, or a past day), moves the ticket
 * to the approved status where one is mapped, and schedules the first annual review.
 */
export async function approveApp(
  ctx: InvocationContext,
  viewer: Viewer,
  issueKey: string,
  approvedOnText?: string,
): Promise<ApiResult<TicketView>> {
  const by = viewer.accountId;
  const approvedOn: IsoDate | null = approvedOnText === undefined ? ctx.today : parseIsoDate(approvedOnText);
  if (!approvedOn) return refusal('invalid', `“${approvedOnText}” is not a day of the calendar; give the approval date as YYYY-MM-DD.`);
  if (approvedOn > ctx.today) {
    return refusal('invalid', `The approval date ${approvedOn} is in the future (today is ${ctx.today}); give today or a past day.`);
  }
  const app = await ctx.ports.apps.get(issueKey);
  if (!app) return refusal('not-tracked', notTrackedMessage(issueKey));
  if (app.approval) return refusal('not-allowed', `${issueKey} was already approved on ${app.approval.approvedOn}.`);
  const checked = approveSubmission(app.submission, ctx.program, by, ctx.at);
  if (!checked.ok) return { ok: false, error: fromError(checked.error) };

  const transition = await transitionFor(ctx, issueKey, 'approved');
  if (!transition.ok) return transition;
  const status = transition.data;

  const updated = await afterTransition(status, () => updateTrackedApp(ctx, issueKey, (current) => {
    if (current.approval) return { ok: false, error: { code: 'not-allowed', message: `${issueKey} was already approved on ${current.approval.approvedOn}.` } };
    const approved = approveSubmission(current.submission, ctx.program, by, ctx.at);
    if (!approved.ok) return approved;
    const withApproval: TrackedApp = { ...current, submission: approved.value, approval: { approvedOn, by, at: ctx.at } };
    const scheduled = ensureNextCycle(withApproval, ctx.today, ctx.program, ctx.at);
    const audit: Audit[] = [
      {
        at: ctx.at,
        by,
        kind: 'approved',
        summary: `Approved on ${approvedOn}` + (status ? ` (Jira status ${status}).` : '.'),
        detail: { approvedOn },
      },
      ...scheduledAudit(withApproval, scheduled, by, ctx.at),
    ];
    return { ok: true, value: { app: scheduled, audit } };
  }));
  if (!updated.ok) return stageNotRecorded(updated.error, issueKey, status);
  return { ok: true, data: await loadTicketView(ctx, issueKey, viewer, viewFacts(updated.value, status)) };
}

/** Moves the ticket in Jira to a status standing for `stage`; no status mapped means the app keeps the stage itself. */
async function transitionFor(ctx: InvocationContext, issueKey: string, stage: Stage): Promise<ApiResult<string | undefined>> {
  const statuses = statusesForStage(ctx.program, stage);
  if (statuses.length === 0) return { ok: true, data: undefined };
  let moved: Awaited<ReturnType<typeof ctx.ports.jira.transitionTo>>;
  try {
    moved = await ctx.ports.jira.transitionTo(issueKey, statuses);
  } catch (error) {
    console.error(`transition of ${issueKey} to ${statuses.join('/')} failed: ${error instanceof Error ? error.message : String(error)}`);
    return refusal('jira-unavailable', `Jira could not be reached to move ${issueKey}; nothing was changed. Try again in a moment.`);
  }
  if (!moved.ok) {
    return refusal(
      'transition-refused',
      `Jira refused to move ${issueKey} to ${statuses.map((s) => `“${s}”`).join(' or ')}: ${moved.reason.replace(/\.?$/, '.')} Nothing was changed; move the ticket in Jira first, or check the status mapping in the program settings.`,
    );
  }
  return { ok: true, data: moved.status };
}

/**
 * Runs the record's update after Jira has moved the ticket. Should the update fail outright (the
 * store unavailable), the agent hears that the ticket moved and the record did not, and a retry
 * repairs it: the transition is then already done, so only the record changes.
 */
async function afterTransition<T>(
  status: string | undefined,
  update: () => Promise<AppWriteResult<T>>,
): Promise<AppWriteResult<T>> {
  if (!status) return update();
  try {
    return await update();
  } catch (error) {
    console.error(`record not updated after the transition to ${status}: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, error: { code: 'conflict', message: 'The app’s storage did not answer.' } };
  }
}

function viewFacts(app: TrackedApp, status: string | undefined): { app: TrackedApp; jiraStatus?: string } {
  return status ? { app, jiraStatus: status } : { app };
}

function notTrackedOr(error: { code: string; message: string }, issueKey: string): ApiResult<never> {
  if (error.code === 'not-found' && /not tracked/i.test(error.message)) return refusal('not-tracked', notTrackedMessage(issueKey));
  return { ok: false, error: fromError(error) };
}

/** After Jira moved, a record that could not follow is said plainly; a retry repairs it. */
function stageNotRecorded(error: { code: string; message: string }, issueKey: string, status: string | undefined): ApiResult<never> {
  const refused = notTrackedOr(error, issueKey);
  if (!status || refused.ok) return refused;
  return refusal(
    refused.error.code,
    `${issueKey} moved to “${status}” in Jira, but the app could not record it (${error.message.replace(/\.$/, '')}). ` +
      'Try again: the ticket is already there, so only the record will change.',
  );
}
