import type { ApiResult, Viewer } from '../contract';
import type { JiraPort, TrackedAppStore } from './ports';
import { refusal, success } from './api-result';

/** Who is calling a resolver, as the platform says (never as the payload says). */
export interface Caller {
  accountId?: string;
  /** The issue of the panel the call comes from, when it comes from an issue panel. */
  contextIssueKey?: string;
}

export const AGENTS_ONLY = 'Only the program’s agents can change this submission.';
const ADMINS_ONLY = 'Only Jira administrators can change the program settings or import apps.';
const SIGN_IN = 'You need to be logged in to Jira as one of the program’s agents to use this.';
const PROGRAM_STAFF_ONLY = 'Only the program’s agents and Jira administrators can see the list of apps and the program settings.';

/** The caller's permissions on one ticket: one Jira request when the adapter can answer both at once. */
export async function viewerOnIssue(jira: JiraPort, accountId: string, issueKey: string): Promise<Viewer> {
  if (jira.callerPermissions) {
    const { canEdit, isAdmin } = await jira.callerPermissions(issueKey, accountId);
    return { accountId, canEdit, isAdmin };
  }
  const [canEdit, isAdmin] = await Promise.all([jira.canEditIssue(issueKey, accountId), jira.isAdmin(accountId)]);
  return { accountId, canEdit, isAdmin };
}

/**
 * Reading a ticket's state: whoever sees the panel may read it (a partner sees no actions).
 * A call naming another ticket than the panel's, or made outside a panel by someone who cannot
 * work on the ticket, is refused.
 */
export async function mayReadTicket(jira: JiraPort, caller: Caller, issueKey: string): Promise<ApiResult<Viewer>> {
  const mismatch = panelMismatch(caller, issueKey);
  if (mismatch) return mismatch;
  if (!caller.accountId) return refusal('forbidden', SIGN_IN);
  const viewer = await viewerOnIssue(jira, caller.accountId, issueKey);
  if (!caller.contextIssueKey && !viewer.canEdit) return refusal('forbidden', AGENTS_ONLY);
  return success(viewer);
}

/** Changing a ticket's submission or review: agents with permission to work on the ticket. */
export async function mayChangeTicket(jira: JiraPort, caller: Caller, issueKey: string): Promise<ApiResult<Viewer>> {
  const mismatch = panelMismatch(caller, issueKey);
  if (mismatch) return mismatch;
  if (!caller.accountId) return refusal('forbidden', SIGN_IN);
  const viewer = await viewerOnIssue(jira, caller.accountId, issueKey);
  return viewer.canEdit ? success(viewer) : refusal('forbidden', AGENTS_ONLY);
}

/** Settings changes and imports: Jira administrators. */
export async function mayAdminister(jira: JiraPort, caller: Caller): Promise<ApiResult<Viewer>> {
  if (!caller.accountId) return refusal('forbidden', SIGN_IN);
  const isAdmin = await jira.isAdmin(caller.accountId);
  return isAdmin ? success({ accountId: caller.accountId, canEdit: true, isAdmin }) : refusal('forbidden', ADMINS_ONLY);
}

/**
 * The list of apps and the settings (read-only): Jira administrators, and the program's agents.
 * An agent is recognised by permission to work on a tracked ticket: the program's tickets live in
 * its service desk, so one tracked ticket stands for all of them (one request, not one per row).
 * With nothing tracked yet there is nothing to disclose, so a non-admin gets an empty program.
 */
export async function mayReadProgram(
  jira: JiraPort,
  apps: TrackedAppStore,
  caller: Caller,
): Promise<ApiResult<Viewer>> {
  if (!caller.accountId) return refusal('forbidden', SIGN_IN);
  const accountId = caller.accountId;
  if (await jira.isAdmin(accountId)) return success({ accountId, canEdit: true, isAdmin: true });
  const sample = caller.contextIssueKey ?? (await apps.list(undefined, 1)).apps[0]?.issueKey;
  if (!sample) return success({ accountId, canEdit: false, isAdmin: false });
  const canEdit = await jira.canEditIssue(sample, accountId);
  return canEdit ? success({ accountId, canEdit, isAdmin: false }) : refusal('forbidden', PROGRAM_STAFF_ONLY);
}

function panelMismatch(caller: Caller, issueKey: string): ApiResult<never> | null {
  if (caller.contextIssueKey && caller.contextIssueKey.toUpperCase() !== issueKey.toUpperCase()) {
    return refusal(
      'forbidden',
      `This panel belongs to ${caller.contextIssueKey}; it cannot read or change ${issueKey}. Open ${issueKey} to work on it.`,
    );
  }
  return null;
}
