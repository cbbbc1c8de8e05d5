import type { ApiResult, ImportReport, ProgramSettings, ResolverPayload, TicketView, Viewer } from '../contract';
import type { AgentAction } from '../domain/decide';
import type { Result } from '../domain/result';
import type { ComponentChange } from '../domain/submission';
import type { Stage } from '../domain/submission-types';
import { actOnTicket } from '../services/agent-action';
import { approveApp as approve } from '../services/approve-app';
import { importApproved as importLines } from '../services/import-approved';
import type { InvocationContext } from '../services/invocation-context';
import { moveSubmissionStage as moveStage } from '../services/move-stage';
import { saveSettings as save } from '../services/settings';
import { startTracking as start } from '../services/start-tracking';
import { apiError, success, ticketAnswer } from './answers';

/** Each resolver's use case, answered as the UI shows it: the ticket's panel, or the program's data. */

function answer<T>(result: Result<T>): ApiResult<T> {
  return result.ok ? success(result.value) : { ok: false, error: apiError(result.error) };
}

const act = async (ctx: InvocationContext, viewer: Viewer, issueKey: string, action: AgentAction) =>
  ticketAnswer(ctx, viewer, issueKey, await actOnTicket(ctx, { issueKey, by: viewer.accountId, action }));

export async function startTracking(
  ctx: InvocationContext,
  viewer: Viewer,
  issueKey: string,
  appName: string,
): Promise<ApiResult<TicketView>> {
  return ticketAnswer(ctx, viewer, issueKey, await start(ctx, { issueKey, by: viewer.accountId, appName }));
}

export async function moveSubmissionStage(
  ctx: InvocationContext,
  viewer: Viewer,
  issueKey: string,
  to: Stage,
  note?: string,
): Promise<ApiResult<TicketView>> {
  return ticketAnswer(
    ctx,
    viewer,
    issueKey,
    await moveStage(ctx, { issueKey, by: viewer.accountId, to, ...(note ? { note } : {}) }),
  );
}

export function changeComponentStatus(
  ctx: InvocationContext,
  viewer: Viewer,
  issueKey: string,
  change: ComponentChange,
): Promise<ApiResult<TicketView>> {
  return act(ctx, viewer, issueKey, { type: 'set-component', change });
}

export async function approveApp(
  ctx: InvocationContext,
  viewer: Viewer,
  issueKey: string,
  approvedOn?: string,
): Promise<ApiResult<TicketView>> {
  return ticketAnswer(
    ctx,
    viewer,
    issueKey,
    await approve(ctx, { issueKey, by: viewer.accountId, ...(approvedOn ? { approvedOn } : {}) }),
  );
}

export function recordCheck(
  ctx: InvocationContext,
  viewer: Viewer,
  { issueKey, ...check }: ResolverPayload<'recordCheck'>,
): Promise<ApiResult<TicketView>> {
  return act(ctx, viewer, issueKey, { type: 'record-check', ...check });
}

export function setAnswer(
  ctx: InvocationContext,
  viewer: Viewer,
  { issueKey, ...set }: ResolverPayload<'setAnswer'>,
): Promise<ApiResult<TicketView>> {
  return act(ctx, viewer, issueKey, { type: 'set-answer', ...set });
}

export function raiseEscalation(
  ctx: InvocationContext,
  viewer: Viewer,
  { issueKey, ...raise }: ResolverPayload<'raiseEscalation'>,
): Promise<ApiResult<TicketView>> {
  return act(ctx, viewer, issueKey, { type: 'raise-escalation', ...raise });
}

export function startReviewNow(
  ctx: InvocationContext,
  viewer: Viewer,
  { issueKey, cycleId }: ResolverPayload<'startReviewNow'>,
): Promise<ApiResult<TicketView>> {
  return act(ctx, viewer, issueKey, { type: 'start-review-now', cycleId });
}

/** The program as the admin page edits it (the default program until an admin saves one). */
export async function getSettings(
  ctx: InvocationContext,
  viewer: Viewer,
): Promise<ApiResult<{ settings: ProgramSettings; viewer: Viewer; announcedUpdates: string[] }>> {
  return success({ settings: ctx.program, viewer, announcedUpdates: await ctx.ports.announcements.announced() });
}

export async function saveSettings(
  ctx: InvocationContext,
  viewer: Viewer,
  settings: unknown,
): Promise<ApiResult<{ settings: ProgramSettings }>> {
  const saved = answer(await save(ctx, { by: viewer.accountId, settings }));
  return saved.ok ? success({ settings: saved.data }) : saved;
}

export async function importApproved(
  ctx: InvocationContext,
  viewer: Viewer,
  csv: string,
): Promise<ApiResult<ImportReport>> {
  return answer(await importLines(ctx, { by: viewer.accountId, csv }));
}
