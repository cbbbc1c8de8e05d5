/**
 * What the use cases need from the outside world. Adapters in `src/adapters/` implement these
 * with Forge; the services never import `@forge/*` themselves.
 */
import type { AdfDoc } from './domain/messages/adf';
import type { IsoDate, IsoDateTime } from './domain/dates';
import type { ProgramSettings } from './domain/program';
import type { ReviewCycle, ReviewEffect } from './domain/review-types';
import type { ProgramEffect } from './domain/program-effects';
import type { AuditEntry, TrackedApp } from './domain/tracked-app';

/** Marks what the app posts, so that a retry finds it instead of posting again. */
export interface EffectMark {
  issueKey: string;
  cycleId: string;
  effect: ReviewEffect | ProgramEffect;
}

/** What a customer wrote on a request, as plain text, and the tickets it is linked to. */
export interface RequestText {
  summary: string;
  description: string;
  linkedKeys: string[];
}

export interface IssueFacts {
  id: string;
  key: string;
  summary: string;
  projectKey: string;
  status: string;
  /** JSM request type name, when the ticket is a portal request. */
  requestType?: string;
  reporterAccountId?: string;
}

export interface PostedComment {
  id: string;
  authorAccountId: string;
  authorAccountType?: string;
  /** Plain text of the body. */
  text: string;
  public: boolean;
  created: IsoDateTime;
  updated: IsoDateTime;
  mark?: EffectMark;
  /** The body as Jira holds it (ADF), when the caller reads replies from it. */
  body?: unknown;
}

export interface JiraPort {
  /** `requestType: true` also reads the JSM request type (one more request; only when the program filters on it). */
  getIssue(issueKey: string, options?: { requestType?: boolean }): Promise<IssueFacts | null>;
  /**
   * Posts a comment carrying `mark`, unless a comment with that mark is already on the ticket. Returns its id.
   * `firstAttempt`: no earlier attempt to post this mark was ever started, so nothing posted after
   * it in the same action can be on the ticket yet either.
   * `lookFirst`: the ticket is searched for the mark before posting and no posting note is kept:
   * for notes whose only guard is the mark on the ticket (nothing in the record says they were posted).
   */
  postCommentOnce(
    mark: EffectMark,
    body: AdfDoc,
    visibility: 'public' | 'internal',
    options?: { lookFirst?: boolean },
  ): Promise<{ id: string; alreadyThere: boolean; firstAttempt?: boolean }>;
  /**
   * Attaches a file unless one with that name is already on the ticket. Returns the attachment id.
   * `knownAbsent`: the caller knows no earlier attempt can have attached it, so the ticket's
   * attachments are not listed first (one Jira request less).
   */
  attachFileOnce(
    issueKey: string,
    fileName: string,
    content: string,
    mimeType: string,
    options?: { knownAbsent?: boolean },
  ): Promise<{ id: string; alreadyThere: boolean }>;
  /** Adds the JSM form from a template (once per issue and template) and shows it to the customer. */
  addFormOnce(issueKey: string, templateId: string): Promise<{ formId: string; alreadyThere: boolean }>;
  readFormAnswers(issueKey: string, formId: string): Promise<Record<string, unknown> | null>;
  getComment(issueKey: string, commentId: string): Promise<PostedComment | null>;
  /**
   * The ticket's comments posted after the notice (`commentId`, or written at `at` or later),
   * newest first, public and internal, with their bodies: one paged read.
   */
  commentsSince(issueKey: string, since: { commentId?: string; at: IsoDateTime }): Promise<PostedComment[]>;
  /** The summary mirrored into the issue property indexed for JQL. */
  writeSummaryProperty(issueKey: string, summary: Record<string, string | number | boolean | null>): Promise<void>;
  /**
   * The summaries of many tickets in as few requests as Jira allows (100 tickets a request).
   * Jira applies them asynchronously. Optional: without it, callers write them one by one.
   */
  writeSummaryProperties?(
    summaries: { issueKey: string; issueId: string; summary: Record<string, string | number | boolean | null> }[],
  ): Promise<void>;
  /** Transitions the ticket to a status among `statusNames`; refused when the workflow offers none. */
  transitionTo(
    issueKey: string,
    statusNames: string[],
  ): Promise<{ ok: true; status: string } | { ok: false; reason: string }>;
  /**
   * The calling user on one ticket: an agent of its project (may work on it), a Jira
   * administrator, the request's partner (reporter or participant). Asked as the user, never
   * on anyone's word.
   */
  callerOnTicket(
    issueKey: string,
    accountId: string,
  ): Promise<{ canEdit: boolean; isAdmin: boolean; isPartner: boolean }>;
  /** The calling user on the program: a Jira administrator, an agent of one of `projectKeys` (any when empty). */
  callerOnProgram(accountId: string, projectKeys: string[]): Promise<{ isAdmin: boolean; isAgent: boolean }>;
  /** Whether the account is one of the service desk's agents (not the partner). */
  isAgent(issueKey: string, accountId: string): Promise<boolean>;
  /** A request's summary and description as text, and the keys of the tickets linked to it; null when Jira does not know it. */
  readRequestText(issueKey: string): Promise<RequestText | null>;
  /** Links `issueKey` to `relatedKey` with the "Relates" link type. */
  linkIssues(issueKey: string, relatedKey: string): Promise<void>;
}

export type SaveOutcome = { ok: true; app: TrackedApp } | { ok: false; reason: 'conflict' };

export interface TrackedAppStore {
  get(issueKey: string): Promise<TrackedApp | null>;
  getMany(issueKeys: string[]): Promise<TrackedApp[]>;
  /**
   * Creates the record; `exists` when the ticket is already tracked. `audit` entries are
   * written in the same transaction as the record (at most 24; more are appended after).
   */
  create(app: TrackedApp, audit?: AuditEntry[]): Promise<{ ok: true } | { ok: false; reason: 'exists' }>;
  /**
   * Writes `app` only if the stored version is still `app.version - 1` (optimistic concurrency).
   * `audit` entries and the `archived` cycles land in the same transaction, so a change, its
   * history and the cycles it moved out are written together.
   */
  save(app: TrackedApp, audit?: AuditEntry[], archived?: ReviewCycle[]): Promise<SaveOutcome>;
  /**
   * Closed reviews moved out of the live record (written by `save` with it, one value per ticket
   * and cycle), oldest first. Optional: a store without an archive keeps every cycle live.
   */
  archivedCycles?(issueKey: string): Promise<ReviewCycle[]>;
  /** Issue keys whose next action is on or before `day`: reads only what is due. */
  dueOnOrBefore(day: IsoDate, cursor?: string): Promise<{ issueKeys: string[]; nextCursor?: string }>;
  list(cursor?: string, limit?: number): Promise<{ apps: TrackedApp[]; nextCursor?: string }>;
}

export interface AuditLog {
  append(entries: AuditEntry[]): Promise<void>;
  /** Newest first. */
  forIssue(issueKey: string, limit?: number): Promise<AuditEntry[]>;
}

export interface SettingsStore {
  /** The stored settings, or the default program when none (or an unreadable record) is stored. */
  load(): Promise<{ settings: ProgramSettings; problem?: string }>;
  save(settings: ProgramSettings): Promise<void>;
}

/** Claims a one-time effect: only the first caller gets `true`, whatever duplicates run at once. */
export interface OnceGuard {
  claim(key: string, ttlSeconds?: number): Promise<boolean>;
  release(key: string): Promise<void>;
  /**
   * The effect is recorded in the app's record, which now guards it: the claim and the posting
   * notes of `marks` are no longer needed and go in one storage operation.
   */
  done(key: string, marks: EffectMark[]): Promise<void>;
  /**
   * Deletes claims named `<claimPrefix><cycle>:…` and posting notes of `issueKey` whose cycle
   * `isClosed` says is over: what crashes left behind. Two prefix queries, never a scan.
   */
  sweep(issueKey: string, claimPrefix: string, isClosed: (cycleId: string) => boolean): Promise<number>;
}

/** The program updates already announced to every approved app: a record of the whole program. */
export interface AnnouncementLog {
  announced(): Promise<string[]>;
  markAnnounced(updateId: string): Promise<void>;
}

export interface WorkQueue {
  /** Pushes the issue keys to the review queue, in batches within the platform's limits. */
  pushReviewWork(issueKeys: string[], day: IsoDate): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface Ports {
  jira: JiraPort;
  apps: TrackedAppStore;
  audit: AuditLog;
  settings: SettingsStore;
  once: OnceGuard;
  announcements: AnnouncementLog;
  queue: WorkQueue;
  clock: Clock;
}
