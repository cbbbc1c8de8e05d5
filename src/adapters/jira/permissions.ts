import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './jira-client';
import { JiraApiError } from './jira-errors';

const myPermissionsSchema = z.object({
  permissions: z.record(z.object({ havePermission: z.boolean() }).passthrough()),
});
const permittedProjectsSchema = z.object({
  projects: z.array(
    z.object({ key: z.string().optional(), id: z.union([z.string(), z.number()]).optional() }).passthrough(),
  ),
});
const userSchema = z.object({ accountId: z.string(), accountType: z.string().optional() }).passthrough();
const requestSchema = z.object({ reporter: z.object({ accountId: z.string() }).passthrough().nullish() }).passthrough();
const participantsSchema = z.object({
  values: z.array(z.object({ accountId: z.string() }).passthrough()),
  isLastPage: z.boolean().optional(),
});

/** What an agent needs to work on a ticket of the program. */
const AGENT_PERMISSIONS = ['BROWSE_PROJECTS', 'EDIT_ISSUES'];
const PARTICIPANT_PAGES = 10;

/** The calling user's standing on one ticket. */
export interface TicketStanding {
  /** An agent of the ticket's project: may work on it. */
  canEdit: boolean;
  /** A Jira administrator. */
  isAdmin: boolean;
  /** The request's reporter or one of its participants. */
  isPartner: boolean;
}

/** Jira's refusals that mean "this user may not", never "Jira is unavailable". */
function refusedOrHidden(error: unknown): boolean {
  return error instanceof JiraApiError && [400, 401, 403, 404].includes(error.status);
}

/**
 * What the calling user may do, asked as that user (`mypermissions`). A user Jira turns away
 * (401/403: no access to the site, not licensed) or who cannot see the ticket (404) holds nothing.
 */
async function myPermissions(asUser: JiraClient, permissions: string[], issueKey?: string): Promise<Set<string>> {
  const list = permissions.join(',');
  const path = issueKey
    ? route`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=${list}`
    : route`/rest/api/3/mypermissions?permissions=${list}`;
  try {
    const { permissions: held } = await asUser.read({ method: 'GET', path }, myPermissionsSchema);
    return new Set(permissions.filter((p) => held[p]?.havePermission === true));
  } catch (error) {
    if (refusedOrHidden(error)) return new Set();
    throw error;
  }
}

/**
 * The caller on one ticket: their own permissions on its project (as the user, one request),
 * and, for anyone who is not an agent there, whether the request is theirs (as the app: JSM's
 * reporter and participants).
 */
export async function callerOnTicket(
  asUser: JiraClient,
  asApp: JiraClient,
  issueKey: string,
  accountId: string,
): Promise<TicketStanding> {
  const held = await myPermissions(asUser, [...AGENT_PERMISSIONS, 'ADMINISTER'], issueKey);
  const canEdit = AGENT_PERMISSIONS.every((p) => held.has(p));
  let isAdmin = held.has('ADMINISTER');
  // A ticket the user cannot see answers nothing at all, the global permission included.
  if (held.size === 0) isAdmin = (await myPermissions(asUser, ['ADMINISTER'])).has('ADMINISTER');
  const isPartner = canEdit ? false : await isRequestPerson(asApp, issueKey, accountId);
  return { canEdit, isAdmin, isPartner };
}

/**
 * The caller on the program: a Jira administrator, and/or an agent of one of `projectKeys`
 * (any project when empty), from the projects where the user themself holds the agent's
 * permissions (`permissions/project`, as the user). Two requests, whatever is tracked.
 */
export async function callerOnProgram(
  asUser: JiraClient,
  projectKeys: string[],
): Promise<{ isAdmin: boolean; isAgent: boolean }> {
  const isAdmin = (await myPermissions(asUser, ['ADMINISTER'])).has('ADMINISTER');
  let permitted: string[];
  try {
    const answer = await asUser.read(
      { method: 'POST', path: route`/rest/api/3/permissions/project`, json: { permissions: AGENT_PERMISSIONS } },
      permittedProjectsSchema,
    );
    permitted = answer.projects.flatMap((p) => (p.key ? [p.key] : []));
  } catch (error) {
    if (!refusedOrHidden(error)) throw error;
    permitted = [];
  }
  const isAgent = projectKeys.length === 0 ? permitted.length > 0 : permitted.some((key) => projectKeys.includes(key));
  return { isAdmin, isAgent };
}

/** Whether the account raised the request or takes part in it (JSM's own lists, read as the app). */
export async function isRequestPerson(asApp: JiraClient, issueKey: string, accountId: string): Promise<boolean> {
  try {
    const request = await asApp.read(
      { method: 'GET', path: route`/rest/servicedeskapi/request/${issueKey}` },
      requestSchema,
    );
    if (request.reporter?.accountId === accountId) return true;
    for (let page = 0, start = 0; page < PARTICIPANT_PAGES; page++) {
      const participants = await asApp.read(
        { method: 'GET', path: route`/rest/servicedeskapi/request/${issueKey}/participant?start=${start}&limit=50` },
        participantsSchema,
      );
      if (participants.values.some((p) => p.accountId === accountId)) return true;
      if (participants.isLastPage !== false || participants.values.length === 0) return false;
      start += participants.values.length;
    }
    return false;
  } catch (error) {
    // Not a portal request (or not one the app may read): nobody is its partner.
    if (error instanceof JiraApiError && (error.status === 404 || error.status === 400)) return false;
    throw error;
  }
}

/**
 * Whether another account (a comment's author) is one of the program's staff rather than the
 * partner, as an installed app can tell on a real site: portal customers and apps are not; the
 * request's reporter and participants are the partner; any other person who could comment on the
 * ticket works for the service desk. (The app may not search users by permission.)
 */
export async function isServiceDeskAgent(asApp: JiraClient, issueKey: string, accountId: string): Promise<boolean> {
  if (await isRequestPerson(asApp, issueKey, accountId)) return false;
  try {
    const user = await asApp.read({ method: 'GET', path: route`/rest/api/3/user?accountId=${accountId}` }, userSchema);
    return user.accountType !== 'customer' && user.accountType !== 'app';
  } catch (error) {
    // An unknown account is nobody's agent.
    if (error instanceof JiraApiError && error.status === 404) return false;
    throw error;
  }
}
