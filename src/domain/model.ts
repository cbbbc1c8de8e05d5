import { z } from 'zod';

/**
 * The app's model, written once: one schema per thing the app stores. The domain's types are
 * inferred from these schemas, storage parses what it reads with them, and the resolver contract
 * builds its payloads and answers on them, so the three cannot drift apart.
 */

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a YYYY-MM-DD date');
export const isoDateTimeSchema = z.string().min(1);

/** Longest text one stored field keeps: replies and notes keep an excerpt and the comment's id. */
export const STORED_TEXT_MAX = 2000;
const storedText = z.string().max(STORED_TEXT_MAX);

// The submission

export const STAGES = [
  'submitted',
  'triage',
  'awaiting-partner',
  'verifying',
  'soaking',
  'approved',
  'declined',
  'withdrawn',
] as const;
export const COMPONENT_STATUSES = [
  'not-started',
  'submitted',
  'needs-info',
  'verifying',
  'soaking',
  'met',
  'not-met',
  'waived',
] as const;

const attribution = { by: z.string(), at: isoDateTimeSchema };

export const componentStateSchema = z.object({
  id: z.string(),
  status: z.enum(COMPONENT_STATUSES),
  by: z.string().optional(),
  at: isoDateTimeSchema.optional(),
  note: storedText.optional(),
  /** Set while `soaking`: the day the requirement becomes active. */
  soakUntil: isoDateSchema.optional(),
  /** The `soakUntil` whose end the agents were told of: each soak date gets one note. */
  soakEndNotedFor: isoDateSchema.optional(),
  /** Set while `waived`. */
  waiverReason: storedText.optional(),
});

export const submissionStateSchema = z.object({
  stage: z.enum(STAGES),
  /** When the stage last changed: "whose move, and since when". */
  stageSince: isoDateTimeSchema,
  /** Who moved it there (an account id, or 'app'). */
  stageBy: z.string().optional(),
  components: z.array(componentStateSchema),
});

// The review

/** `not-opened`: the window had ended before the app tracked the ticket, so the app did not open that year's review. */
export const REVIEW_STATES = [
  'scheduled',
  'notified',
  'in-review',
  'remediation',
  'passed',
  'overdue',
  'cancelled',
  'not-opened',
] as const;

/** An effect the app performs on the ticket; each is done exactly once per cycle. */
export const REVIEW_EFFECTS = [
  'notice',
  'form-attachment',
  'jsm-form',
  'answer-reminder',
  'window-note',
  'remediation-note',
  'remediation-reminder',
  'overdue-note',
  'passed-note',
  /** Internal note that the window ended with checks never run: the review waits for the agents. */
  'checks-not-run-note',
  /** Public comments telling the partner what failed, what to do, the deadline and what happens next. */
  'remediation-comment',
  'overdue-comment',
  /** Internal note flagging a reply that reads as neither YES nor NO (one per reply). */
  'unclear-answer-note',
  /** Internal note that a requirement's soak period ended (one per component and soak date). */
  'soak-end-note',
  /** Internal note that the ticket was set to an approved status with requirements still open (one per status change). */
  'approval-blocked-note',
  /** Public comment telling the partner that a submission's next step moved to them or back to Atlassian (one per stage change). */
  'progress-update',
] as const;

export const ANSWER_VALUES = ['YES', 'NO', 'UNCLEAR'] as const;
export const CHECK_RESULTS = ['pending', 'passed', 'failed'] as const;
export const CONCERN_SOURCES = ['atlassian', 'customer'] as const;

/** Longest text kept of one category's details: the whole form stays on the ticket. */
export const DETAIL_TEXT_MAX = 1000;

/** What the partner said of one category that changed (a structured answer: the portal panel or the JSM form). */
export const categoryDetailSchema = z.object({
  categoryId: z.string(),
  whatChanged: z.string().max(DETAIL_TEXT_MAX),
  effect: z.string().max(DETAIL_TEXT_MAX),
  /** The Marketplace listing and the Privacy & Security tab were updated; absent when the partner did not say. */
  listingUpdated: z.boolean().optional(),
});

export const partnerAnswerSchema = z.object({
  ...attribution,
  value: z.enum(ANSWER_VALUES),
  /** Significant-change category ids the partner named (YES answers). */
  categories: z.array(z.string()),
  source: z.enum(['reply', 'form', 'agent']),
  /** The evidence: the comment the answer was read from (its full text stays on the ticket). */
  commentId: z.string().optional(),
  /** An excerpt of the reply as the partner wrote it (shown as text, never markup). */
  text: storedText.optional(),
  reason: storedText.optional(),
  /** Per category (YES answers given in a structured way): what changed, its effect, the listing updated. */
  details: z.array(categoryDetailSchema).max(50).optional(),
});

export const checkStateSchema = z.object({
  id: z.string(),
  result: z.enum(CHECK_RESULTS),
  note: storedText.optional(),
  by: z.string().optional(),
  at: isoDateTimeSchema.optional(),
});

/** What was posted for an effect: its id, the instant and the program-local day (`on`). */
export const effectRecordSchema = z.object({
  id: z.string().optional(),
  at: isoDateTimeSchema,
  on: isoDateSchema.optional(),
});

export const reviewDatesSchema = z.object({
  noticeOn: isoDateSchema,
  windowStart: isoDateSchema,
  windowEnd: isoDateSchema,
  remediationDue: isoDateSchema,
});

export const concernSchema = z.object({
  text: storedText,
  raisedBy: z.string(),
  at: isoDateTimeSchema,
  source: z.enum(CONCERN_SOURCES),
});

export const reviewCycleSchema = reviewDatesSchema.extend({
  /** `2027` for the annual review of 2027; `esc-<n>` for an escalation. */
  id: z.string(),
  kind: z.enum(['annual', 'escalation']),
  /** The calendar year of the review window. */
  year: z.number().int(),
  state: z.enum(REVIEW_STATES),
  stateSince: isoDateTimeSchema,
  answer: partnerAnswerSchema.optional(),
  checks: z.array(checkStateSchema),
  /** Effects already performed on the ticket. */
  effects: z.record(z.enum(REVIEW_EFFECTS), effectRecordSchema),
  /** Escalations: who raised the concern and why. */
  concern: concernSchema.optional(),
  /** A review not opened in its window that an agent started later: its dates count from that day. */
  startedNow: z.object(attribution).optional(),
});

// The tracked app

export const workFailureSchema = z.object({
  /** The day of the failure in the program's time zone. */
  on: isoDateSchema,
  at: isoDateTimeSchema,
  reason: z.string(),
  /** The first day of the current run of failures. */
  since: isoDateSchema,
});

export const approvalSchema = z.object({
  approvedOn: isoDateSchema,
  by: z.string(),
  at: isoDateTimeSchema,
  imported: z.boolean().optional(),
});

export const trackedAppSchema = z.object({
  issueKey: z.string().min(1),
  issueId: z.string(),
  appName: z.string(),
  createdAt: isoDateTimeSchema,
  createdBy: z.string(),
  submission: submissionStateSchema,
  approval: approvalSchema.optional(),
  /** The live review cycles, oldest first; closed ones beyond the latest are archived apart. */
  reviews: z.array(reviewCycleSchema),
  /** How many closed reviews were moved out of the live record (the archive is read only when some were). */
  archivedReviews: z.number().int().min(1).optional(),
  /** The next day the sweep has something to do for this app; null when nothing is pending. */
  nextActionOn: isoDateSchema.nullable(),
  /**
   * The last time the scheduled work on this ticket failed for a reason a retry cannot fix (the
   * ticket deleted, the app's access removed): shown to people, and the work is retried daily.
   */
  lastFailure: workFailureSchema.optional(),
  /** Program updates announced on this ticket, by update id: the comment and the program-local day. */
  announcements: z.record(z.string(), z.object({ commentId: z.string(), on: isoDateSchema })).optional(),
  /** Bumped on every write: concurrent writers detect each other with it. */
  version: z.number().int().min(1),
});

/** A closed review moved out of the live record: kept whole, one stored value per ticket and cycle. */
export const archivedCycleSchema = z.object({ issueKey: z.string().min(1), cycle: reviewCycleSchema });

// The history

export const AUDIT_KINDS = [
  'tracking-started',
  'stage-changed',
  'component-changed',
  'approved',
  'imported',
  'review-scheduled',
  'message-posted',
  'attachment-added',
  'form-added',
  'answer-recorded',
  'check-recorded',
  'review-state-changed',
  'escalation-raised',
  'program-update-announced',
  'concern-received',
  'checks-not-run',
] as const;

/** One line of the append-only history shown in the panel. */
export const auditEntrySchema = z.object({
  issueKey: z.string(),
  at: isoDateTimeSchema,
  by: z.string(),
  kind: z.enum(AUDIT_KINDS),
  /** A sentence for people, e.g. "Stage moved from triage to awaiting-partner." */
  summary: z.string(),
  cycleId: z.string().optional(),
  detail: z.record(z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

export type Stage = z.infer<typeof submissionStateSchema>['stage'];
export type ComponentStatus = z.infer<typeof componentStateSchema>['status'];
export type ComponentState = z.infer<typeof componentStateSchema>;
export type SubmissionState = z.infer<typeof submissionStateSchema>;
export type ReviewState = (typeof REVIEW_STATES)[number];
export type ReviewEffect = (typeof REVIEW_EFFECTS)[number];
export type PartnerAnswerValue = (typeof ANSWER_VALUES)[number];
export type PartnerAnswer = z.infer<typeof partnerAnswerSchema>;
export type CategoryDetail = z.infer<typeof categoryDetailSchema>;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export type CheckState = z.infer<typeof checkStateSchema>;
export type EffectRecord = z.infer<typeof effectRecordSchema>;
export type ReviewDates = z.infer<typeof reviewDatesSchema>;
export type ReviewCycle = z.infer<typeof reviewCycleSchema>;
export type WorkFailure = z.infer<typeof workFailureSchema>;
export type Approval = z.infer<typeof approvalSchema>;
export type TrackedApp = z.infer<typeof trackedAppSchema>;
export type ArchivedCycle = z.infer<typeof archivedCycleSchema>;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Who made a change, and when: every change in the app carries one. */
export interface Attribution {
  by: string; // an Atlassian account id, or 'app' for the app itself
  at: string;
}

/** Cuts a text to what one stored field keeps (by characters, never inside a surrogate pair). */
export function excerpt(text: string, max = STORED_TEXT_MAX): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
