/**
 * The one result shape of the domain and the use cases, and the small family of typed refusals:
 * callers branch on `code`, never on the words of `message` (a sentence for people).
 */
export const ERROR_CODES = [
  /** The input is wrong; `problems` may name the fields. */
  'invalid',
  /** The program's rules refuse it (e.g. an escalation for an app not approved). */
  'not-allowed',
  /** Something named does not exist (a review, a check, a ticket in Jira). */
  'not-found',
  /** The ticket is not tracked by the app. */
  'not-tracked',
  /** The ticket is already tracked. */
  'exists',
  /** Others kept changing the record at the same time. */
  'conflict',
  /** Jira refused the workflow transition. */
  'transition-refused',
  /** Jira did not answer. */
  'jira-unavailable',
  /** The app's storage refused the value for good (e.g. "value too large"): a retry cannot help. */
  'storage-refused',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  problems?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Kept as names for the domain's own refusals. */
export type DomainError = AppError;
export type DomainResult<T> = Result<T>;

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, problems?: AppError['problems']): Result<T> {
  return { ok: false, error: problems ? { code, message, problems } : { code, message } };
}

/** A sentence ends with exactly one full stop, whatever the note it quotes ended with. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
