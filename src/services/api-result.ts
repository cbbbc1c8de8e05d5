import type { ApiError, ApiResult, ErrorCode, SettingsProblem } from '../contract';

/** What a service answers to a resolver: the data, or a refusal the user can act on. */
export function success<T>(data: T): ApiResult<T> {
  return { ok: true, data };
}

export function refusal<T = never>(code: ErrorCode, message: string, problems?: SettingsProblem[]): ApiResult<T> {
  const error: ApiError = problems ? { code, message, problems } : { code, message };
  return { ok: false, error };
}

const PASSED_THROUGH: ReadonlySet<string> = new Set<ErrorCode>([
  'forbidden',
  'invalid',
  'not-found',
  'not-tracked',
  'conflict',
  'not-allowed',
  'transition-refused',
  'jira-unavailable',
]);

/** A refusal from the domain or from a store update, as the UI shows it (the domain's messages are sentences). */
export function fromError(error: { code: string; message: string }): ApiError {
  if (error.code === 'conflict') {
    return { code: 'conflict', message: `${error.message.replace(/\.?$/, '.')} Reload the panel and try again.` };
  }
  const code = PASSED_THROUGH.has(error.code) ? (error.code as ErrorCode) : 'internal';
  return { code, message: error.message };
}

export function notTrackedMessage(issueKey: string): string {
  return `${issueKey} is not tracked by the program yet: start tracking it from the issue panel first.`;
}
