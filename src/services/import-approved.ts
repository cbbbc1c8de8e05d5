import type { ApiResult, ImportReport, Viewer } from '../contract';
import { parseIsoDate } from '../domain/calendar';
import type { IsoDate } from '../domain/dates';
import { ensureNextCycle } from '../domain/review-cycle';
import type { SubmissionState } from '../domain/submission-types';
import type { TrackedApp } from '../domain/tracked-app';
import { refusal, success } from './api-result';
import type { InvocationContext } from './invocation-context';
import { scheduledAudit } from './review-actions';
import { createTrackedApp } from './update-app';

/** Lines per import: each costs Jira and storage requests, and a resolver has 25 seconds. */
export const MAX_IMPORT_LINES = 100;
const PARALLEL = 5;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]+-[1-9][0-9]*$/;
const APP_NAME_MAX = 120;

interface ImportLine {
  line: number;
  text: string;
  issueKey: string;
  approvedOn: IsoDate;
  appName?: string;
}

type LineCheck = { ok: true; value: ImportLine } | { ok: false; reason: string };

/**
 * Imports apps approved before the app was installed, from CSV lines `ticket key,approval date[,app name]`
 * (a header line is allowed). Each line is imported or rejected on its own, with the reason; the
 * first review of an imported app is the current or next one, never a past year's.
 */
export async function importApproved(ctx: InvocationContext, viewer: Viewer, csv: string): Promise<ApiResult<ImportReport>> {
  const lines = csv.split(/\r\n|\n|\r/).map((text, i) => ({ line: i + 1, text }));
  const filled = lines.filter((l) => l.text.trim() !== '' && l.text.replace(/[,;\s"]/g, '') !== '');
  if (filled.length === 0) return refusal('invalid', 'The file has no lines to import: give one line per app, “ticket key,approval date[,app name]”.');
  if (filled[0] && isHeader(filled[0].text)) filled.shift();
  if (filled.length > MAX_IMPORT_LINES) {
    return refusal('invalid', `The file has ${filled.length} lines; import at most ${MAX_IMPORT_LINES} at a time (split the file).`);
  }

  const report: ImportReport = { imported: [], rejected: [] };
  const firstLineOf = new Map<string, number>();
  const candidates: ImportLine[] = [];
  for (const { line, text } of filled) {
    const checked = checkLine(line, text, ctx.today);
    if (!checked.ok) {
      report.rejected.push({ line, text, reason: checked.reason });
      continue;
    }
    const first = firstLineOf.get(checked.value.issueKey);
    if (first !== undefined) {
      report.rejected.push({ line, text, reason: `duplicate line: ${checked.value.issueKey} is already on line ${first}` });
      continue;
    }
    firstLineOf.set(checked.value.issueKey, line);
    candidates.push(checked.value);
  }

  for (let i = 0; i < candidates.length; i += PARALLEL) {
    const batch = candidates.slice(i, i + PARALLEL);
    const outcomes = await Promise.all(batch.map((candidate) => importOne(ctx, viewer, candidate)));
    outcomes.forEach((reason, j) => {
      const candidate = batch[j]!;
      if (reason) report.rejected.push({ line: candidate.line, text: candidate.text, reason });
      else report.imported.push({ line: candidate.line, issueKey: candidate.issueKey, approvedOn: candidate.approvedOn });
    });
  }
  report.imported.sort((a, b) => a.line - b.line);
  report.rejected.sort((a, b) => a.line - b.line);
  return success(report);
}

/** Checks one CSV line on its own: key, date, name. */
export function checkLine(line: number, text: string, today: IsoDate): LineCheck {
  const fields = splitCsvLine(text);
  if (!fields) return { ok: false, reason: 'a quoted field is not closed' };
  if (fields.length < 2) return { ok: false, reason: 'expected “ticket key,approval date[,app name]”' };
  if (fields.length > 3) return { ok: false, reason: `expected at most 3 fields, found ${fields.length} (quote an app name that contains commas)` };
  const [rawKey = '', rawDate = '', rawName] = fields.map((f) => f.trim());
  const issueKey = rawKey.toUpperCase();
  if (!ISSUE_KEY.test(issueKey)) return { ok: false, reason: `bad ticket key “${rawKey}” (expected a key like CFAP-123)` };
  const approvedOn = parseIsoDate(rawDate);
  if (!approvedOn) {
    return {
      ok: false,
      reason: /^\d{4}-\d{2}-\d{2}$/.test(rawDate)
        ? `impossible date ${rawDate}: that day does not exist`
        : `impossible date “${rawDate}” (expected YYYY-MM-DD)`,
    };
  }
  if (approvedOn > today) return { ok: false, reason: `future date ${approvedOn}: an imported app was approved on or before today (${today})` };
  if (rawName && rawName.length > APP_NAME_MAX) return { ok: false, reason: `the app name is longer than ${APP_NAME_MAX} characters` };
  const value: ImportLine = { line, text, issueKey, approvedOn };
  if (rawName) value.appName = rawName;
  return { ok: true, value };
}

/** One line's import: undefined when imported, else why not. */
async function importOne(ctx: InvocationContext, viewer: Viewer, candidate: ImportLine): Promise<string | undefined> {
  try {
    if (await ctx.ports.apps.get(candidate.issueKey)) return `already tracked: ${candidate.issueKey} is already followed by the app`;
    const issue = await ctx.ports.jira.getIssue(candidate.issueKey);
    if (!issue) return `unknown ticket: ${candidate.issueKey} was not found in Jira`;
    const by = viewer.accountId;
    const at = ctx.at;
    const submission: SubmissionState = {
      stage: 'approved',
      stageSince: at,
      stageBy: by,
      components: ctx.program.components.map((c) => ({
        id: c.id,
        status: 'met' as const,
        by,
        at,
        note: 'Met at approval, before the app was installed (imported).',
      })),
    };
    const base: TrackedApp = {
      issueKey: issue.key,
      issueId: issue.id,
      appName: candidate.appName ?? (issue.summary.trim().slice(0, APP_NAME_MAX) || issue.key),
      createdAt: at,
      createdBy: by,
      submission,
      approval: { approvedOn: candidate.approvedOn, by, at, imported: true },
      reviews: [],
      nextActionOn: null,
      version: 1,
    };
    const app = ensureNextCycle(base, ctx.today, ctx.program, at);
    const created = await createTrackedApp(ctx, app, [
      {
        at,
        by,
        kind: 'imported',
        summary: `Imported as approved on ${candidate.approvedOn} (line ${candidate.line} of an import).`,
        detail: { approvedOn: candidate.approvedOn, line: candidate.line },
      },
      ...scheduledAudit(base, app, by, at),
    ]);
    if (created.ok) return undefined;
    if (created.error.code === 'exists') return `already tracked: ${issue.key} is already followed by the app`;
    return created.error.message;
  } catch (error) {
    console.error(`import of ${candidate.issueKey} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 'Jira or the app storage did not answer; nothing was imported for this line, try it again';
  }
}

/** A first line naming its columns rather than holding a ticket key. */
function isHeader(text: string): boolean {
  const first = splitCsvLine(text)?.[0]?.trim() ?? '';
  return !ISSUE_KEY.test(first.toUpperCase()) && /key|ticket|issue/i.test(first);
}

/** Splits one CSV line; fields may be quoted ("Acme, Inc." and "" for a quote). Null when a quote is left open. */
export function splitCsvLine(text: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}
