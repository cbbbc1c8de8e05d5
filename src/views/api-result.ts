import type { ApiError, ApiResult, ErrorCode, SettingsProblem } from '../contract';

// The resolvers' answers in the UI's terms: the use cases answer `Result`, and the views and the
// access checks (the resolvers' gate) answer these.

export function success<T>(data: T): ApiResult<T> {
  return { ok: true, data };
}

export function refusal<T = never>(code: ErrorCode, message: string, problems?: SettingsProblem[]): ApiResult<T> {
  const error: ApiError = problems ? { code, message, problems } : { code, message };
  return { ok: false, error };
}
