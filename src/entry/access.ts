import { PORTAL_MODULE_KEY, type ApiResult, type Viewer } from '../contract';
import type { JiraPort } from '../ports';
import { refusal, success } from '../views/api-result';

/** Who is calling a resolver, as the platform says (never as the payload says). */
export interface Caller {
  accountId?: string;
  /** The issue of the panel the call comes from, when it comes from an issue panel. */
  contextIssueKey?: string;
  /** The manifest module the call comes from (`req.context.moduleKey`). */
  moduleKey?: string;
}

/** The manifest's modules with a resolver (manifest.yml; test/unit/manifest.test.ts keeps them in step). */
export const MODULE_KEYS = {
  panel: 'cf-tracker-panel',
  apps: 'cf-tracker-apps',
  settings: 'cf-tracker-settings',
  portal: PORTAL_MODULE_KEY,
} as const;
/** Program-wide reads answer these pages only: never an issue panel, whatever it asks. */
const PROGRAM_PAGES: readonly string[] = [MODULE_KEYS.apps, MODULE_KEYS.settings];

export const AGENTS_ONLY = 'Only the program’s agents can change this submission.';
const PARTNERS_ON_PORTAL =
  'Your Cloud Fortified review is shown in its own panel on your request in the customer portal; this panel is for the program’s agents.';
const TICKET_PEOPLE_ONLY =
  'Only the program’s agents and the people of this request can see its Cloud Fortified submission.';
const ADMINS_ONLY = 'Only Jira administrators can change the program settings or import apps.';
const SIGN_IN = 'You need to be logged in to Jira as one of the program’s agents to use this.';
const PROGRAM_STAFF_ONLY =
  'Only the program’s agents and Jira administrators can see the list of apps and the program settings.';
const PANEL_ONLY = 'A ticket’s submission is read and changed from the Cloud Fortified panel of that ticket.';
const PAGES_ONLY = 'The list of apps and the program settings answer the Cloud Fortified pages only.';
const SETTINGS_PAGE_ONLY =
  'The program settings are changed and apps imported from the Cloud Fortified settings page only.';

/**
 * Reading a ticket's state, from that ticket's panel: its agents and a Jira administrator who can
 * see it. The panel shows agents' notes and the record in full, so the request's partner reads
 * their review in the portal's panel instead (`partnerView`), and anyone else is refused.
 */
export async function mayReadTicket(jira: JiraPort, caller: Caller, issueKey: string): Promise<ApiResult<Viewer>> {
  const wrong = notFromPanel(caller, issueKey);
  if (wrong) return wrong;
  if (!caller.accountId) return refusal('forbidden', SIGN_IN);
  const standing = await jira.callerOnTicket(issueKey, caller.accountId);
  if (standing.isPartner && !standing.canEdit && !standing.isAdmin) return refusal('forbidden', PARTNERS_ON_PORTAL);
  if (!standing.canEdit && !standing.isAdmin) return refusal('forbidden', TICKET_PEOPLE_ONLY);
  return success({ accountId: caller.accountId, canEdit: standing.canEdit, isAdmin: standing.isAdmin });
}

/** Changing a ticket's submission or review: agents with permission to work on the ticket, from its panel. */
export async function mayChangeTicket(jira: JiraPort, caller: Caller, issueKey: string): Promise<ApiResult<Viewer>> {
  const wrong = notFromPanel(caller, issueKey);
  if (wrong) return wrong;
  if (!caller.accountId) return refusal('forbidden', SIGN_IN);
  const standing = await jira.callerOnTicket(issueKey, caller.accountId);
  return standing.canEdit
    ? success({ accountId: caller.accountId, canEdit: true, isAdmin: standing.isAdmin })
    : refusal('forbidden', AGENTS_ONLY);
}

/** Settings changes and imports: Jira administrators, on the settings page. */
export async function mayAdminister(jira: JiraPort, caller: Caller, projectKeys: string[]): Promise<ApiResult<Viewer>> {
  if (caller.moduleKey !== MODULE_KEYS.settings) return refusal('forbidden', SETTINGS_PAGE_ONLY);
  if (!caller.accountId) return refusal('forbidden', SIGN_IN);
  const { isAdmin } = await jira.callerOnProgram(caller.accountId, projectKeys);
  return isAdmin ? success({ accountId: caller.accountId, canEdit: true, isAdmin }) : refusal('forbidden', ADMINS_ONLY);
}

/**
 * The list of apps and the settings (read-only), on the program's pages: Jira administrators
 * (always, so a new program can be set up), and agents of the program's projects (any project
 * when the settings name none), as Jira answers the user. Nothing tracked changes nothing here.
 */
export async function mayReadProgram(
  jira: JiraPort,
  caller: Caller,
  projectKeys: string[],
): Promise<ApiResult<Viewer>> {
  if (!caller.moduleKey || !PROGRAM_PAGES.includes(caller.moduleKey) || caller.contextIssueKey)
    return refusal('forbidden', PAGES_ONLY);
  if (!caller.accountId) return refusal('forbidden', SIGN_IN);
  const { isAdmin, isAgent } = await jira.callerOnProgram(caller.accountId, projectKeys);
  if (!isAdmin && !isAgent) return refusal('forbidden', PROGRAM_STAFF_ONLY);
  return success({ accountId: caller.accountId, canEdit: true, isAdmin });
}

function notFromPanel(caller: Caller, issueKey: string): ApiResult<never> | null {
  if (caller.moduleKey !== MODULE_KEYS.panel || !caller.contextIssueKey) return refusal('forbidden', PANEL_ONLY);
  if (caller.contextIssueKey.toUpperCase() !== issueKey.toUpperCase()) {
    return refusal(
      'forbidden',
      `This panel belongs to ${caller.contextIssueKey}; it cannot read or change ${issueKey}. Open ${issueKey} to work on it.`,
    );
  }
  return null;
}
