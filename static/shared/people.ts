import { requestJira } from '@forge/bridge';

/** Jira answers at most this many users in one call; anyone beyond keeps showing as an id. */
const MAX_PER_REQUEST = 100;

/**
 * The display names of some accounts, in one request to Jira as the user. Whatever Jira does
 * not answer (unknown ids, no permission, an error, a malformed answer) is simply absent, so
 * the page keeps showing the id.
 */
export async function displayNames(accountIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const ids = [...new Set(accountIds)].slice(0, MAX_PER_REQUEST);
  if (ids.length === 0) return names;
  const query = [`maxResults=${ids.length}`, ...ids.map((id) => `accountId=${encodeURIComponent(id)}`)].join('&');
  try {
    const res = await requestJira(`/rest/api/3/user/bulk?${query}`, { headers: { Accept: 'application/json' } });
    if (!res.ok) return names;
    const body = (await res.json()) as { values?: unknown };
    if (!Array.isArray(body?.values)) return names;
    for (const user of body.values as { accountId?: unknown; displayName?: unknown }[]) {
      if (typeof user?.accountId === 'string' && typeof user.displayName === 'string' && user.displayName.trim()) {
        names.set(user.accountId, user.displayName.trim());
      }
    }
  } catch {
    // Names are a courtesy: the ids stay.
  }
  return names;
}
