import type { ApiResult, ResolverApi, ResolverKey, ResolverPayload, Viewer } from '../contract';
import { mayAdminister, mayChangeTicket, mayReadProgram, mayReadTicket, type Caller } from './access';
import type { InvocationContext } from '../services/invocation-context';
import { listApps } from '../views/app-list';
import {
  approveApp,
  changeComponentStatus,
  getSettings,
  importApproved,
  moveSubmissionStage,
  raiseEscalation,
  recordCheck,
  saveSettings,
  setAnswer,
  startReviewNow,
  startTracking,
} from '../views/resolver-answers';
import { loadTicketView } from '../views/ticket-view';

export type ResolverHandler<K extends ResolverKey> = (
  ctx: InvocationContext,
  caller: Caller,
  payload: ResolverPayload<K>,
) => Promise<ApiResult<ResolverApi[K]['result']>>;

/** Runs `then` once the access check let the caller through; otherwise answers its refusal. */
async function allowed<T>(
  check: Promise<ApiResult<Viewer>>,
  then: (viewer: Viewer) => Promise<ApiResult<T>> | ApiResult<T>,
): Promise<ApiResult<T>> {
  const access = await check;
  return access.ok ? then(access.data) : access;
}

/** Each resolver: who may call it, and the use case it runs. */
export const RESOLVER_HANDLERS: { [K in ResolverKey]: ResolverHandler<K> } = {
  getTicketState: (ctx, caller, p) =>
    allowed(mayReadTicket(ctx.ports.jira, caller, p.issueKey), async (viewer) => ({
      ok: true,
      data: await loadTicketView(ctx, p.issueKey, viewer),
    })),
  startTracking: (ctx, caller, p) =>
    allowed(mayChangeTicket(ctx.ports.jira, caller, p.issueKey), (viewer) =>
      startTracking(ctx, viewer, p.issueKey, p.appName),
    ),
  moveStage: (ctx, caller, p) =>
    allowed(mayChangeTicket(ctx.ports.jira, caller, p.issueKey), (viewer) =>
      moveSubmissionStage(ctx, viewer, p.issueKey, p.stage, p.note),
    ),
  setComponentStatus: (ctx, caller, { issueKey, ...change }) =>
    allowed(mayChangeTicket(ctx.ports.jira, caller, issueKey), (viewer) =>
      changeComponentStatus(ctx, viewer, issueKey, change),
    ),
  approve: (ctx, caller, p) =>
    allowed(mayChangeTicket(ctx.ports.jira, caller, p.issueKey), (viewer) =>
      approveApp(ctx, viewer, p.issueKey, p.approvedOn),
    ),
  recordCheck: (ctx, caller, p) =>
    allowed(mayChangeTicket(ctx.ports.jira, caller, p.issueKey), (viewer) => recordCheck(ctx, viewer, p)),
  setAnswer: (ctx, caller, p) =>
    allowed(mayChangeTicket(ctx.ports.jira, caller, p.issueKey), (viewer) => setAnswer(ctx, viewer, p)),
  raiseEscalation: (ctx, caller, p) =>
    allowed(mayChangeTicket(ctx.ports.jira, caller, p.issueKey), (viewer) => raiseEscalation(ctx, viewer, p)),
  startReviewNow: (ctx, caller, p) =>
    allowed(mayChangeTicket(ctx.ports.jira, caller, p.issueKey), (viewer) => startReviewNow(ctx, viewer, p)),
  getSettings: (ctx, caller) =>
    allowed(mayReadProgram(ctx.ports.jira, caller, ctx.program.projects), (viewer) => getSettings(ctx, viewer)),
  saveSettings: (ctx, caller, p) =>
    allowed(mayAdminister(ctx.ports.jira, caller, ctx.program.projects), (viewer) =>
      saveSettings(ctx, viewer, p.settings),
    ),
  listApps: (ctx, caller, p) =>
    allowed(mayReadProgram(ctx.ports.jira, caller, ctx.program.projects), () =>
      listApps(ctx, p.filter, p.cursor, p.limit),
    ),
  importApproved: (ctx, caller, p) =>
    allowed(mayAdminister(ctx.ports.jira, caller, ctx.program.projects), (viewer) =>
      importApproved(ctx, viewer, p.csv),
    ),
};
