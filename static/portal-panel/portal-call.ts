import { invoke } from '@forge/bridge';
import type { ApiResult, PortalApi, PortalKey } from '../../src/contract';

/** The portal panel's calls, typed by `src/contract.ts`; a bridge failure becomes an error result. */
export async function portalCall<K extends PortalKey>(
  key: K,
  payload: PortalApi[K]['payload'],
): Promise<ApiResult<PortalApi[K]['result']>> {
  try {
    const answer = (await invoke(key, payload as unknown as Record<string, unknown>)) as
      ApiResult<PortalApi[K]['result']> | undefined;
    if (answer && typeof answer === 'object' && 'ok' in answer) return answer;
    return {
      ok: false,
      error: { code: 'internal', message: 'The app answered something unexpected. Reload the page.' },
    };
  } catch (err) {
    const detail = err instanceof Error && err.message ? ` (${err.message.slice(0, 200)})` : '';
    return {
      ok: false,
      error: { code: 'jira-unavailable', message: `The app could not be reached${detail}. Try again.` },
    };
  }
}
