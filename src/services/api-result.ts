import type { ApiError, ApiResult, ErrorCode, SettingsProblem } from '../contract';

// Only the access checks answer in the UI's terms from here (they are the resolvers' gate); the
// use cases answer `Result` and `src/views` turns it into what the UI shows.

export function success<T>(data: T): ApiResult<T> {
  return { ok: true, data };
}

export function refusal<T = never>(code: ErrorCode, message: string, problems?: SettingsProblem[]): ApiResult<T> {
  const error: ApiError = problems ? { code, message, problems } : { code, message };
  return { ok: false, error };
}
