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

export const canEditIssue = (asUser: JiraClient, issueKey: string) => userHas(asUser, ['BROWSE_PROJECTS', 'EDIT_ISSUES'], issueKey);
export const isAdmin = (asUser: JiraClient) => userHas(asUser, ['ADMINISTER']);

/**
 * Whether another account is one of the service desk's agents on this ticket's project: JSM's
 * SERVICEDESK_AGENT project permission, found with the user permission search filtered to that
 * one account (asked as the app; `mypermissions` can only speak for the caller).
 */
export async function isServiceDeskAgent(asApp: JiraClient, issueKey: string, accountId: string): Promise<boolean> {
  try {
    const users = await asApp.read(
      {
        method: 'GET',
        path: route`/rest/api/3/user/permission/search?accountId=${accountId}&issueKey=${issueKey}&permissions=SERVICEDESK_AGENT&maxResults=10`,
      },
      usersSchema,
    );
    return users.some((user) => user.accountId === accountId);
  } catch (error) {
    if (error instanceof JiraApiError && error.status === 404) return false;
    throw error;
  }
}
