/**
 * Which app a customer's concern is about. A customer names the app on the program's portal; the
 * rule is strict so that a concern never opens a review of the wrong app:
 * 1. an approval ticket key in the request's summary or description, of an approved app;
 * 2. else the name of exactly one approved app, as whole words of the summary or description
 *    (case and spacing ignored; a name inside a longer matched name counts as the longer one);
 * 3. else no match, with the reason, for the agents' note.
 */

export interface ConcernRequest {
  summary: string;
  description: string;
}

export interface ApprovedAppRef {
  issueKey: string;
  appName: string;
}

export type ConcernMatch =
  { ok: true; app: ApprovedAppRef; by: 'ticket-key' | 'app-name' } | { ok: false; reason: string };

const KEY = /\b[A-Z][A-Z0-9_]{1,19}-[1-9][0-9]{0,9}\b/g;

function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** Keys that look like Jira issue keys, in the order they appear. */
export function ticketKeysIn(request: ConcernRequest): string[] {
  return [...new Set(`${request.summary}\n${request.description}`.match(KEY) ?? [])];
}

export function matchConcern(request: ConcernRequest, approved: readonly ApprovedAppRef[]): ConcernMatch {
  const byKey = new Map(approved.map((a) => [a.issueKey, a]));
  const keyed = ticketKeysIn(request).flatMap((key) => byKey.get(key) ?? []);
  if (keyed.length === 1 && keyed[0]) return { ok: true, app: keyed[0], by: 'ticket-key' };
  if (keyed.length > 1)
    return { ok: false, reason: `it names several approval tickets: ${keyed.map((a) => a.issueKey).join(', ')}` };

  const words = normalise(`${request.summary}\n${request.description}`);
  const named = approved.filter((a) => normalise(a.appName).trim() !== '' && words.includes(normalise(a.appName)));
  const longest = named.filter(
    (a) =>
      !named.some(
        (b) => b !== a && normalise(b.appName).includes(normalise(a.appName)) && b.appName.length > a.appName.length,
      ),
  );
  const distinct = [...new Map(longest.map((a) => [normalise(a.appName), a])).values()];
  if (distinct.length === 1 && longest.length === 1 && distinct[0])
    return { ok: true, app: distinct[0], by: 'app-name' };
  if (longest.length > 1)
    return {
      ok: false,
      reason: `it names several apps: ${longest.map((a) => `${a.appName} (${a.issueKey})`).join(', ')}`,
    };
  return { ok: false, reason: 'it names no approved app by its approval ticket or its exact name' };
}
