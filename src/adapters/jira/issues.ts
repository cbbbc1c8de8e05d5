import { route } from '@forge/api';
import { z } from 'zod';
import type { IssueFacts } from '../../ports';
import type { JiraClient } from './jira-client';
import { JiraApiError } from './jira-errors';

const issueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string().nullish(),
    status: z.object({ name: z.string() }),
    project: z.object({ key: z.string() }),
    reporter: z.object({ accountId: z.string() }).nullish(),
  }),
});

const requestSchema = z.object({
  requestType: z.object({ name: z.string() }).nullish(),
});

/** The facts about a ticket the app needs; null when Jira does not know it (or the app may not see it). */
export async function getIssue(
  jira: JiraClient,
  issueKey: string,
  options: { requestType?: boolean } = {},
): Promise<IssueFacts | null> {
  let issue: z.infer<typeof issueSchema>;
  try {
    issue = await jira.read(
      { method: 'GET', path: route`/rest/api/3/issue/${issueKey}?fields=summary,status,project,reporter` },
      issueSchema,
    );
  } catch (error) {
    if (error instanceof JiraApiError && error.status === 404) return null;
    throw error;
  }
  const facts: IssueFacts = {
    id: issue.id,
    key: issue.key,
    summary: issue.fields.summary ?? '',
    projectKey: issue.fields.project.key,
    status: issue.fields.status.name,
  };
  if (issue.fields.reporter) facts.reporterAccountId = issue.fields.reporter.accountId;
  if (options.requestType) {
    const requestType = await getRequestTypeName(jira, issueKey);
    if (requestType) facts.requestType = requestType;
  }
  return facts;
}

/** The JSM request type's name; undefined for an issue that is not a portal request. */
async function getRequestTypeName(jira: JiraClient, issueKey: string): Promise<string | undefined> {
  try {
    const request = await jira.read(
      { method: 'GET', path: route`/rest/servicedeskapi/request/${issueKey}?expand=requestType` },
      requestSchema,
    );
    return request.requestType?.name;
  } catch (error) {
    if (error instanceof JiraApiError && (error.status === 404 || error.status === 400)) return undefined;
    throw error;
  }
}

const attachmentsSchema = z.object({
  fields: z.object({
    attachment: z
      .array(z.object({ id: z.union([z.string(), z.number()]).transform(String), filename: z.string() }))
      .nullish(),
  }),
});

export async function listAttachments(jira: JiraClient, issueKey: string): Promise<{ id: string; filename: string }[]> {
  const issue = await jira.read(
    { method: 'GET', path: route`/rest/api/3/issue/${issueKey}?fields=attachment` },
    attachmentsSchema,
  );
  return issue.fields.attachment ?? [];
}
