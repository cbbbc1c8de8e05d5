import { route } from '@forge/api';
import type { JiraClient } from './jira-client';

/** Writes an issue property (a JSON value of at most 32 KB, which the summary stays well within). */
export async function writeIssueProperty(jira: JiraClient, issueKey: string, propertyKey: string, value: unknown): Promise<void> {
  await jira.send({ method: 'PUT', path: route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, json: value });
}
