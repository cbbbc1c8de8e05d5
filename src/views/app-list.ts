import type { ApiResult, AppListFilter, AppListRow } from '../contract';
import { daysBetween } from '../domain/calendar';
import type { IsoDate } from '../domain/dates';
import type { ProgramSettings } from '../domain/program';
import { componentStates } from '../domain/submission';
import type { TrackedApp } from '../domain/tracked-app';
import { refusal, success } from './answers';
import type { InvocationContext } from '../services/invocation-context';
import { nextInWords } from './ticket-view';
import { appNextStep, currentReview } from '../domain/next-step';

export const DEFAULT_PAGE_SIZE = 50;
/** Store pages read per call: the list stays within a resolver's time even for a large program. */
const STORE_PAGE_SIZE = 100;
const MAX_STORE_PAGES = 100;

export interface AppListPage {
  rows: AppListRow[];
  total: number;
  today: IsoDate;
  nextCursor?: string;
}

/** Every tracked app as a row of the global page: filtered, sorted by the next date, one page at a time. */
export async function listApps(
  ctx: InvocationContext,
  filter: AppListFilter = {},
  cursor?: string,
  limit: number = DEFAULT_PAGE_SIZE,
): Promise<ApiResult<AppListPage>> {
  const offset = cursor === undefined ? 0 : Number(cursor);
  if (!Number.isSafeInteger(offset) || offset < 0) {
    return refusal('invalid', 'The list position is not valid any more; reload the list from the start.');
  }
  const apps = await allApps(ctx);
  const rows = apps
    .map((app) => appListRow(app, ctx.program, ctx.today))
    .filter((row) => matches(row, filter, ctx.today))
    .sort(byNextDate);
  const page: AppListPage = { rows: rows.slice(offset, offset + limit), total: rows.length, today: ctx.today };
  if (offset + limit < rows.length) page.nextCursor = String(offset + limit);
  return success(page);
}

export function appListRow(app: TrackedApp, program: ProgramSettings, today: IsoDate): AppListRow {
  const current = currentReview(app.reviews);
  const next = nextEvent(app, program, today);
  const row: AppListRow = {
    issueKey: app.issueKey,
    appName: app.appName,
    stage: app.submission.stage,
    nextStep: appNextStep(app, today),
    overdue: app.reviews.some((c) => c.state === 'overdue'),
    unclearAnswer: app.reviews.some(
      (c) => c.answer?.value === 'UNCLEAR' && ['notified', 'in-review', 'remediation', 'overdue'].includes(c.state),
    ),
    failing: app.lastFailure !== undefined,
  };
  const reviewState = current?.state ?? app.reviews[app.reviews.length - 1]?.state;
  if (reviewState) row.reviewState = reviewState;
  if (app.approval) row.approvedOn = app.approval.approvedOn;
  if (next) {
    row.nextDate = next.on;
    row.nextWhat = next.what;
    row.daysUntilNext = daysBetween(today, next.on);
  }
  return row;
}

/** The soonest thing due for the app: a review action, or a requirement that finishes soaking. */
function nextEvent(
  app: TrackedApp,
  program: ProgramSettings,
  today: IsoDate,
): { on: IsoDate; what: string } | undefined {
  const events: { on: IsoDate; what: string }[] = [];
  for (const cycle of app.reviews) {
    const next = nextInWords(cycle, program, today);
    if (next) events.push({ on: next.on, what: `Review ${cycle.id}: ${next.what}` });
  }
  if (!['approved', 'declined', 'withdrawn'].includes(app.submission.stage)) {
    componentStates(app.submission, program).forEach((state, i) => {
      if (state.status === 'soaking' && state.soakUntil) {
        events.push({ on: state.soakUntil, what: `${program.components[i]?.title ?? state.id} finishes soaking` });
      }
    });
  }
  return events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))[0];
}

function matches(row: AppListRow, filter: AppListFilter, today: IsoDate): boolean {
  if (filter.stage && row.stage !== filter.stage) return false;
  if (filter.reviewState && row.reviewState !== filter.reviewState) return false;
  if (filter.overdue !== undefined && row.overdue !== filter.overdue) return false;
  if (filter.unclear !== undefined && row.unclearAnswer !== filter.unclear) return false;
  if (filter.dueWithinDays !== undefined) {
    // Anything already late counts as due.
    if (!row.nextDate || daysBetween(today, row.nextDate) > filter.dueWithinDays) return false;
  }
  const text = filter.text?.trim().toLowerCase();
  if (text && !row.appName.toLowerCase().includes(text) && !row.issueKey.toLowerCase().includes(text)) return false;
  return true;
}

function byNextDate(a: AppListRow, b: AppListRow): number {
  if (a.nextDate !== b.nextDate) {
    if (!a.nextDate) return 1;
    if (!b.nextDate) return -1;
    return a.nextDate < b.nextDate ? -1 : 1;
  }
  return a.issueKey.localeCompare(b.issueKey, 'en', { numeric: true });
}

async function allApps(ctx: InvocationContext): Promise<TrackedApp[]> {
  const apps: TrackedApp[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_STORE_PAGES; page++) {
    const read = await ctx.ports.apps.list(cursor, STORE_PAGE_SIZE);
    apps.push(...read.apps);
    cursor = read.nextCursor;
    if (!cursor) return apps;
  }
  console.warn(`app list truncated after ${MAX_STORE_PAGES * STORE_PAGE_SIZE} apps`);
  return apps;
}
