import { route } from '@forge/api';
import type { JiraClient } from './jira-client';
import { JiraApiError } from './jira-errors';

/** Jira's bulk property request takes at most 100 issues. */
const BULK_ISSUES_MAX = 100;

/** Writes an issue property (a JSON value of at most 32 KB, which the summary stays well within). */
export async function writeIssueProperty(jira: JiraClient, issueKey: string, propertyKey: string, value: unknown): Promise<void> {
  await jira.send({ method: 'PUT', path: route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, json: value });
}

/**
 * Writes one property on many issues, 100 issues a request (`/issue/properties/multi`). Jira runs
 * the request as a task and answers 303 with the task's location: that answer means accepted.
 */
export async function writeIssuePropertyBulk(jira: JiraClient, propertyKey: string, entries: { issueId: string; value: unknown }[]): Promise<void> {
  for (let i = 0; i < entries.length; i += BULK_ISSUES_MAX) {
    const issues = entries.slice(i, i + BULK_ISSUES_MAX).map((e) => ({ issueID: Number(e.issueId), properties: { [propertyKey]: e.value } }));
    try {
      await jira.send({ method: 'POST', path: route`/rest/api/3/issue/properties/multi`, json: { issues } });
    } catch (error) {
      if (!(error instanceof JiraApiError && error.status === 303)) throw error;
    }
  }
}
