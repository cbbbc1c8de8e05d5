import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './jira-client';
import { JiraApiError } from './jira-errors';

const pageSchema = z.object({
  values: z.array(z.object({ accountId: z.string() }).passthrough()),
  isLastPage: z.boolean().optional(),
});

const PAGE = 50;
/** A request has a handful of participants; the pages are capped so a bad answer cannot loop. */
const MAX_PAGES = 10;

/** The account ids of a JSM request's participants; empty for an issue that is not a portal request. */
export async function requestParticipantIds(asApp: JiraClient, issueKey: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    let answer: z.infer<typeof pageSchema>;
    try {
      answer = await asApp.read(
        { method: 'GET', path: route`/rest/servicedeskapi/request/${issueKey}/participant?start=${String(page * PAGE)}&limit=${String(PAGE)}` },
        pageSchema,
      );
    } catch (error) {
      if (error instanceof JiraApiError && (error.status === 404 || error.status === 400)) return ids;
      throw error;
    }
    ids.push(...answer.values.map((v) => v.accountId));
    if (answer.isLastPage !== false || answer.values.length === 0) break;
  }
  return ids;
}
