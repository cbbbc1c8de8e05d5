import { invoke } from '@forge/bridge';
import type { ApiResult, ResolverKey, ResolverPayload, ResolverResponse } from '../../src/contract';

/**
 * The one way the pages talk to the app's functions: typed by `src/contract.ts`.
 * A bridge failure (network, host) becomes an `ApiResult` error so that every page
 * handles one shape of failure.
 */
export async function call<K extends ResolverKey>(key: K, payload: ResolverPayload<K>): Promise<ResolverResponse<K>> {
  try {
    const answer = (await invoke(key, payload as unknown as Record<string, unknown>)) as unknown;
    if (isApiResult(answer)) return answer as ResolverResponse<K>;
    return failure(
      'internal',
      'The app answered something unexpected. Reload the page; if it persists, tell your Jira administrator.',
    );
  } catch (err) {
    const detail = err instanceof Error && err.message ? ` (${err.message.trim().slice(0, 200)})` : '';
    return failure('jira-unavailable', `The app could not be reached${detail}. Check your connection and try again.`);
  }
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; data?: unknown; error?: unknown };
  if (v.ok === true) return 'data' in v;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

function failure<K extends ResolverKey>(code: 'internal' | 'jira-unavailable', message: string): ResolverResponse<K> {
  return { ok: false, error: { code, message } };
}
