import { DateTime } from 'luxon';
import { adfToPlainText } from './messages';
import type { ReviewCycle, TrackedApp } from './model';

/** What makes a comment a partner's answer to a review: the same rules for the comment trigger and for a reply read later. */

export interface CommentAuthor {
  accountId: string;
  accountType?: string | undefined;
}

/**
 * Who wrote it may be the partner: a person (not an app) who has not acted for the program on
 * this record. Needs no Jira request; `isAgentByJira` settles the rest.
 */
export function mayBePartner(app: TrackedApp, author: CommentAuthor): boolean {
  return author.accountType !== 'app' && !knownAgents(app).has(author.accountId);
}

/**
 * The cycle a reply answers. Open questions: `notified` and `in-review`. In `remediation` only
 * a first, late answer or an edit of the recorded reply counts: later replies there are about
 * the fixes, not about significant changes. A comment written before the notice answers nothing.
 */
export function questionFor(app: TrackedApp, commentId: string, createdAt: string | null): ReviewCycle | undefined {
  const edited = app.reviews.find((c) => c.answer?.commentId === commentId);
  if (edited) return ['notified', 'in-review', 'remediation'].includes(edited.state) ? edited : undefined;
  const open = app.reviews
    .filter((c) => c.state === 'notified' || c.state === 'in-review' || (c.state === 'remediation' && !c.answer))
    .filter((c) => !createdAt || !c.effects.notice || c.effects.notice.at <= createdAt)
    .sort((a, b) => (a.noticeOn < b.noticeOn ? 1 : -1));
  return open[0];
}

/** People the record shows acting for the program: everyone who changed it, except partners answering. */
export function knownAgents(app: TrackedApp): Set<string> {
  const ids = new Set<string>([app.createdBy]);
  if (app.approval) ids.add(app.approval.by);
  for (const c of app.submission.components) if (c.by) ids.add(c.by);
  for (const cycle of app.reviews) {
    for (const check of cycle.checks) if (check.by && check.by !== cycle.answer?.by) ids.add(check.by);
    if (cycle.answer?.source === 'agent') ids.add(cycle.answer.by);
    if (cycle.concern) ids.add(cycle.concern.raisedBy);
  }
  ids.delete('app');
  return ids;
}

/** A comment's text: plain text, or ADF as an object or as JSON. Null when absent. */
export function replyText(body: unknown): string | null {
  if (typeof body === 'string') {
    const trimmed = body.trim();
    if (trimmed.startsWith('{')) {
      try {
        return replyText(JSON.parse(trimmed) as unknown);
      } catch {
        return body;
      }
    }
    return body;
  }
  if (typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'doc') {
    return adfToPlainText(body);
  }
  return null;
}

/** Jira writes offsets as `+1100`; the store keeps UTC ISO instants. */
export function utcInstant(text: string | undefined): string | null {
  if (!text) return null;
  const parsed = DateTime.fromISO(text, { setZone: true });
  const fallback = parsed.isValid
    ? parsed
    : DateTime.fromFormat(text, "yyyy-MM-dd'T'HH:mm:ss.SSSZZZ", { setZone: true });
  return fallback.isValid ? fallback.toUTC().toISO() : null;
}
