import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './jira-client';
import { JiraApiError } from './jira-errors';

const myPermissionsSchema = z.object({
  permissions: z.record(z.object({ havePermission: z.boolean() }).passthrough()),
});
const usersSchema = z.array(z.object({ accountId: z.string() }).passthrough());

/** Whether the calling user holds every permission; asked with a client acting as that user. */
async function userHas(asUser: JiraClient, permissions: string[], issueKey?: string): Promise<boolean> {
  const list = permissions.join(',');
  const path = issueKey
    ? route`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=${list}`
    : route`/rest/api/3/mypermissions?permissions=${list}`;
  try {
    const { permissions: held } = await asUser.read({ method: 'GET', path }, myPermissionsSchema);
    return permissions.every((p) => held[p]?.havePermission === true);
  } catch (error) {
    // An issue the user cannot see answers 404 (or 400): no permission, not a failure.
    if (error instanceof JiraApiError && (error.status === 404 || error.status === 400)) return false;
    throw error;
  }
}

/** Both answers of the panel in one request: may the caller work on the ticket, and administer Jira. */
export async function callerPermissions(asUser: JiraClient, issueKey: string): Promise<{ canEdit: boolean; isAdmin: boolean }> {
  const wanted = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER'];
  try {
    const { permissions: held } = await asUser.read(
      { method: 'GET', path: route`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=${wanted.join(',')}` },
      myPermissionsSchema,
    );
    const has = (p: string) => held[p]?.havePermission === true;
    return { canEdit: has('BROWSE_PROJECTS') && has('EDIT_ISSUES'), isAdmin: has('ADMINISTER') };
  } catch (error) {
    if (error instanceof JiraApiError && (error.status === 404 || error.status === 400)) {
      return { canEdit: false, isAdmin: await userHas(asUser, ['ADMINISTER']) };
    }
    throw error;
  }
}

export const canEditIssue = (asUser: JiraClient, issueKey: string) => userHas(asUser, ['BROWSE_PROJECTS', 'EDIT_ISSUES'], issueKey);
export const isAdmin = (asUser: JiraClient) => userHas(asUser, ['ADMINISTER']);

const userSchema = z.object({ accountId: z.string(), accountType: z.string().optional() }).passthrough();

/**
 * Whether another account is one of the service desk's agents on this ticket's project.
 * `mypermissions` can only speak for the caller, so: the account's type first (a portal-only
 * `customer` or an `app` is never an agent: one request settles the common case of a partner's
 * reply), then JSM's SERVICEDESK_AGENT project permission, found with the user permission search
 * narrowed to that one account. Both asked as the app.
 */
export async function isServiceDeskAgent(asApp: JiraClient, issueKey: string, accountId: string): Promise<boolean> {
  try {
    const user = await asApp.read({ method: 'GET', path: route`/rest/api/3/user?accountId=${accountId}` }, userSchema);
    if (user.accountType === 'customer' || user.accountType === 'app') return false;
    const users = await asApp.read(
      {
        method: 'GET',
        path: route`/rest/api/3/user/permission/search?accountId=${accountId}&issueKey=${issueKey}&permissions=SERVICEDESK_AGENT&maxResults=10`,
      },
      usersSchema,
    );
    return users.some((found) => found.accountId === accountId);
  } catch (error) {
    // An unknown account, or a ticket the app cannot see: not an agent of this ticket.
    if (error instanceof JiraApiError && error.status === 404) return false;
    throw error;
  }
}
