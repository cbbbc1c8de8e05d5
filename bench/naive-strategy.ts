/**
 * The strategy the app is compared with: what a scheduled JQL automation rule does. Every run
 * searches all the program's tickets (100 a page), reads each ticket's state (its summary
 * property) and acts on the tickets whose notice is due: post the notice, attach the form,
 * write the new state back. It keeps no storage of its own, so every run reads everything.
 * Requests go through `@forge/api` as the app, against the same Jira emulator as the app.
 */
import { asApp, route } from '@forge/api';
import { CLOUD_FORTIFIED } from '../src/domain/cloud-fortified';
import type { IsoDate } from '../src/domain/dates';
import { noticeComment, significantChangeForm } from '../src/domain/messages';
import { scheduleAnnualCycle } from '../src/domain/review-cycle';
import { multipartFile } from '../src/adapters/jira/attachments';
import { SUMMARY_PROPERTY_KEY } from '../src/services/summary-property';

const PAGE = 100;

interface Summary {
  appName?: string;
  reviewState?: string | null;
  nextActionOn?: string | null;
  approvedOn?: string | null;
}

export interface NaiveSweepReport {
  ticketsRead: number;
  noticesPosted: number;
}

async function json<T>(
  response: { ok: boolean; status: number; json(): Promise<unknown>; text(): Promise<string> },
  what: string,
): Promise<T> {
  if (!response.ok) throw new Error(`naive sweep: ${what} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** One run of the rule on `today` (program time zone: UTC, as the default program). */
export async function naiveSweep(today: IsoDate, at: string): Promise<NaiveSweepReport> {
  const jira = asApp();
  const report: NaiveSweepReport = { ticketsRead: 0, noticesPosted: 0 };
  let token: string | undefined;
  do {
    const path = token
      ? route`/rest/api/3/search/jql?jql=${'project = CFP ORDER BY key ASC'}&maxResults=${PAGE}&fields=${'summary,status'}&nextPageToken=${token}`
      : route`/rest/api/3/search/jql?jql=${'project = CFP ORDER BY key ASC'}&maxResults=${PAGE}&fields=${'summary,status'}`;
    const page = await json<{ issues: { key: string }[]; nextPageToken?: string }>(
      await jira.requestJira(path),
      'search',
    );
    for (const issue of page.issues) {
      report.ticketsRead++;
      const state = await jira.requestJira(route`/rest/api/3/issue/${issue.key}/properties/${SUMMARY_PROPERTY_KEY}`);
      if (state.status === 404) continue;
      const summary = (await json<{ value: Summary }>(state, `state of ${issue.key}`)).value;
      if (
        summary.reviewState !== 'scheduled' ||
        !summary.nextActionOn ||
        summary.nextActionOn > today ||
        !summary.approvedOn
      )
        continue;
      await postNotice(issue.key, summary, today, at);
      report.noticesPosted++;
    }
    token = page.nextPageToken;
  } while (token);
  return report;
}

async function postNotice(issueKey: string, summary: Summary, today: IsoDate, at: string): Promise<void> {
  const jira = asApp();
  const program = CLOUD_FORTIFIED;
  const cycle = scheduleAnnualCycle(summary.approvedOn as string, Number(today.slice(0, 4)), program, at);
  const appName = summary.appName ?? issueKey;
  await json(
    await jira.requestJira(route`/rest/api/3/issue/${issueKey}/comment`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ body: noticeComment(program, appName, cycle) }),
    }),
    `notice on ${issueKey}`,
  );
  const form = significantChangeForm(program, appName, cycle);
  const file = multipartFile(form.fileName, form.markdown, 'text/markdown');
  await json(
    await jira.requestJira(route`/rest/api/3/issue/${issueKey}/attachments`, {
      method: 'POST',
      headers: { 'Content-Type': file.contentType, 'X-Atlassian-Token': 'no-check', Accept: 'application/json' },
      body: file.body,
    }),
    `form on ${issueKey}`,
  );
  const next: Summary = { ...summary, reviewState: 'notified', nextActionOn: cycle.windowStart };
  const put = await jira.requestJira(route`/rest/api/3/issue/${issueKey}/properties/${SUMMARY_PROPERTY_KEY}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(next),
  });
  if (!put.ok) throw new Error(`naive sweep: state of ${issueKey} not written: ${put.status}`);
}
