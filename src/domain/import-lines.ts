import { parseIsoDate } from './calendar';
import type { IsoDate } from './dates';

/** The lines of an import of apps approved before the app was installed: `ticket key,approval date[,app name]`. */

const ISSUE_KEY = /^[A-Z][A-Z0-9_]+-[1-9][0-9]*$/;
export const APP_NAME_MAX = 120;

export interface ImportLine {
  line: number;
  text: string;
  issueKey: string;
  approvedOn: IsoDate;
  appName?: string;
}

type LineCheck = { ok: true; value: ImportLine } | { ok: false; reason: string };

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

/** A first line naming its columns rather than holding a ticket key. */
export function isHeader(text: string): boolean {
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
