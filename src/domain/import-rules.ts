import { parseIsoDate } from './calendar';
import type { IsoDate } from './dates';

/**
 * The program's rules for importing apps approved before the app was installed: CSV lines
 * `ticket key,approval date[,app name]` (a header line is allowed). Every line of the file is
 * either a candidate for import or reported with its number and the reason.
 */

/** Lines per import: each costs Jira and storage requests, and a resolver has 25 seconds. */
export const MAX_IMPORT_LINES = 100;
export const APP_NAME_MAX = 120;
/** Jira Cloud project keys: an upper-case letter, then letters, digits or `_`, 2 to 10 in all. */
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{1,9}$/;
/** Issue numbers start at 1; Jira stores them as a number, ten digits is more than any site reaches. */
const ISSUE_NUMBER = /^[1-9][0-9]{0,9}$/;

export interface ImportCandidate {
  line: number;
  text: string;
  issueKey: string;
  approvedOn: IsoDate;
  appName?: string;
}

export interface RefusedLine {
  line: number;
  text: string;
  reason: string;
}

export interface ImportRules {
  today: IsoDate;
  /** The program's first day: no app was approved under it before. */
  programStartedOn?: IsoDate | undefined;
}

export type ImportPlan =
  { ok: true; candidates: ImportCandidate[]; refused: RefusedLine[] } | { ok: false; message: string };

type LineCheck = { ok: true; value: ImportCandidate } | { ok: false; reason: string };

/** Reads the whole file: the lines worth asking Jira about, and every other line with its number and why. */
export function planImport(csv: string, rules: ImportRules): ImportPlan {
  const lines = csv.split(/\r\n|\n|\r/).map((text, i) => ({ line: i + 1, text }));
  // Blank lines after the last one with content are the file's end, not lines.
  while (lines.length > 0 && lines[lines.length - 1]!.text.trim() === '') lines.pop();
  const filled = lines.filter((l) => !isEmptyLine(l.text));
  if (filled.length === 0)
    return {
      ok: false,
      message: 'The file has no lines to import: give one line per app, “ticket key,approval date[,app name]”.',
    };
  const header = filled[0] && isHeader(filled[0].text) ? filled[0].line : undefined;
  const count = filled.length - (header === undefined ? 0 : 1);
  if (count > MAX_IMPORT_LINES) {
    return {
      ok: false,
      message: `The file has ${count} lines; import at most ${MAX_IMPORT_LINES} at a time (split the file).`,
    };
  }

  const candidates: ImportCandidate[] = [];
  const refused: RefusedLine[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, text } of lines) {
    if (line === header) continue;
    if (isEmptyLine(text)) {
      refused.push({ line, text, reason: 'empty line: no ticket key or approval date, nothing imported' });
      continue;
    }
    const checked = checkImportLine(line, text, rules);
    if (!checked.ok) {
      refused.push({ line, text, reason: checked.reason });
      continue;
    }
    const first = firstLineOf.get(checked.value.issueKey);
    if (first !== undefined) {
      refused.push({ line, text, reason: `duplicate line: ${checked.value.issueKey} is already on line ${first}` });
      continue;
    }
    firstLineOf.set(checked.value.issueKey, line);
    candidates.push(checked.value);
  }
  return { ok: true, candidates, refused };
}

/** Checks one CSV line on its own: key, date, name. */
export function checkImportLine(line: number, text: string, rules: ImportRules): LineCheck {
  const fields = splitCsvLine(text);
  if (!fields) return { ok: false, reason: 'a quoted field is not closed' };
  if (fields.length < 2) return { ok: false, reason: 'expected “ticket key,approval date[,app name]”' };
  if (fields.length > 3)
    return {
      ok: false,
      reason: `expected at most 3 fields, found ${fields.length} (quote an app name that contains commas)`,
    };
  const [rawKey = '', rawDate = '', rawName] = fields.map((f) => f.trim());
  const issueKey = rawKey.toUpperCase();
  const keyProblem = issueKeyProblem(issueKey);
  if (keyProblem) return { ok: false, reason: `bad ticket key “${rawKey}”: ${keyProblem}` };
  const approvedOn = parseIsoDate(rawDate);
  if (!approvedOn) {
    return {
      ok: false,
      reason: /^\d{4}-\d{2}-\d{2}$/.test(rawDate)
        ? `impossible date ${rawDate}: that day does not exist`
        : `impossible date “${rawDate}” (expected YYYY-MM-DD)`,
    };
  }
  if (approvedOn > rules.today)
    return {
      ok: false,
      reason: `future date ${approvedOn}: an imported app was approved on or before today (${rules.today})`,
    };
  if (rules.programStartedOn && approvedOn < rules.programStartedOn) {
    return {
      ok: false,
      reason: `early date ${approvedOn}: the program started on ${rules.programStartedOn}, no app was approved under it before`,
    };
  }
  if (rawName && rawName.length > APP_NAME_MAX)
    return { ok: false, reason: `the app name is longer than ${APP_NAME_MAX} characters` };
  const value: ImportCandidate = { line, text, issueKey, approvedOn };
  if (rawName) value.appName = rawName;
  return { ok: true, value };
}

/** Why a text is not a Jira Cloud issue key (`PROJECT-123`), or undefined when it is one. */
export function issueKeyProblem(key: string): string | undefined {
  const dash = key.lastIndexOf('-');
  if (dash <= 0) return 'expected a key like CFAP-123';
  const project = key.slice(0, dash);
  const number = key.slice(dash + 1);
  if (!PROJECT_KEY.test(project)) {
    return project.length > 10 || project.length < 2
      ? `the project key “${project}” has ${project.length} character${project.length === 1 ? '' : 's'}, Jira's have 2 to 10`
      : `the project key “${project}” is not Jira's form (an upper-case letter, then letters, digits or _)`;
  }
  if (!ISSUE_NUMBER.test(number)) return `“${number}” is not an issue number (expected a key like ${project}-123)`;
  return undefined;
}

/** A line with no content but separators, quotes and spaces (`,,` from a spreadsheet's empty row). */
function isEmptyLine(text: string): boolean {
  return text.replace(/[,;\s"]/g, '') === '';
}

/** A first line naming its columns rather than holding a ticket key. */
function isHeader(text: string): boolean {
  const first = splitCsvLine(text)?.[0]?.trim() ?? '';
  return issueKeyProblem(first.toUpperCase()) !== undefined && /key|ticket|issue/i.test(first);
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
