import { route } from '@forge/api';
import { z } from 'zod';
import type { RequestText } from '../../ports';
import { adfText } from './adf-text';
import type { JiraClient } from './jira-client';
import { JiraApiError } from './jira-errors';

/** Jira's default link type between two tickets that concern the same thing. */
const LINK_TYPE = 'Relates';

const linked = z.object({ key: z.string() }).nullish();
const requestSchema = z.object({
  fields: z.object({
    summary: z.string().nullish(),
    description: z.unknown().optional(),
    issuelinks: z.array(z.object({ inwardIssue: linked, outwardIssue: linked }).passthrough()).nullish(),
  }),
});

/** One read: the request's words and the tickets already linked to it. */
export async function readRequestText(jira: JiraClient, issueKey: string): Promise<RequestText | null> {
  try {
    const issue = await jira.read(
      { method: 'GET', path: route`/rest/api/3/issue/${issueKey}?fields=summary,description,issuelinks` },
      requestSchema,
    );
    const description = issue.fields.description;
    return {
      summary: issue.fields.summary ?? '',
      description: typeof description === 'string' ? description : description ? adfText(description) : '',
      linkedKeys: (issue.fields.issuelinks ?? []).flatMap((l) =>
        [l.inwardIssue?.key, l.outwardIssue?.key].filter((k): k is string => !!k),
      ),
    };
  } catch (error) {
    if (error instanceof JiraApiError && error.status === 404) return null;
    throw error;
  }
}

/** `POST /rest/api/3/issueLink`: Jira answers 201 with no body. */
export async function linkIssues(jira: JiraClient, issueKey: string, relatedKey: string): Promise<void> {
  await jira.read(
    {
      method: 'POST',
      path: route`/rest/api/3/issueLink`,
      json: { type: { name: LINK_TYPE }, inwardIssue: { key: issueKey }, outwardIssue: { key: relatedKey } },
      unsafe: true,
    },
    z.unknown(),
  );
}
