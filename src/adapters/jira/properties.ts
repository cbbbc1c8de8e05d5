import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './jira-client';
import { JiraAnswerError } from './jira-errors';

const taskSchema = z.object({ id: z.string(), status: z.string(), message: z.string().optional() }).passthrough();
/** A task Jira gave up on: its writes did not all happen. */
const FAILED_TASK = new Set(['FAILED', 'CANCELLED', 'DEAD', 'CANCEL_REQUESTED']);

/** Jira's bulk property request takes at most 100 issues. */
const BULK_ISSUES_MAX = 100;

/** Writes an issue property (a JSON value of at most 32 KB, which the summary stays well within). */
export async function writeIssueProperty(
  jira: JiraClient,
  issueKey: string,
  propertyKey: string,
  value: unknown,
): Promise<void> {
  await jira.send({ method: 'PUT', path: route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, json: value });
}

/**
 * Writes one property on many issues, 100 issues a request (`/issue/properties/multi`). Jira runs
 * the request as a task and answers 303 with the task's location (not to be followed as a
 * redirect): the task is read once, and a task Jira reports failed is an error.
 */
export async function writeIssuePropertyBulk(
  jira: JiraClient,
  propertyKey: string,
  entries: { issueId: string; value: unknown }[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += BULK_ISSUES_MAX) {
    const issues = entries
      .slice(i, i + BULK_ISSUES_MAX)
      .map((e) => ({ issueID: Number(e.issueId), properties: { [propertyKey]: e.value } }));
    const path = '/rest/api/3/issue/properties/multi';
    const accepted = await jira.send({
      method: 'POST',
      path: route`/rest/api/3/issue/properties/multi`,
      json: { issues },
      redirect: 'manual',
    });
    const taskId = /\/rest\/api\/3\/task\/([^/?#]+)/.exec(accepted.location ?? '')?.[1];
    if (accepted.status !== 303 || !taskId)
      throw new JiraAnswerError('POST', path, [`expected 303 with the task's location, got ${accepted.status}`]);
    const task = await jira.read({ method: 'GET', path: route`/rest/api/3/task/${taskId}` }, taskSchema);
    if (FAILED_TASK.has(task.status))
      throw new JiraAnswerError('GET', `/rest/api/3/task/${taskId}`, [
        `the property task ${task.status.toLowerCase()}${task.message ? `: ${task.message}` : ''}`,
      ]);
  }
}
