import type { IsoDate, IsoDateTime } from './dates';
import type { Attribution } from './submission-types';

export const REVIEW_STATES = [
  'scheduled',
  'notified',
  'in-review',
  'remediation',
  'passed',
  'overdue',
  'cancelled',
] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export type PartnerAnswerValue = 'YES' | 'NO' | 'UNCLEAR';

export interface PartnerAnswer extends Attribution {
  value: PartnerAnswerValue;
  /** Significant-change category ids the partner named (YES answers). */
  categories: string[];
  source: 'reply' | 'form' | 'agent';
  /** The evidence: the comment the answer was read from. */
  commentId?: string;
  /** The reply's text as the partner wrote it (shown as text, never markup). */
  text?: string;
  reason?: string;
}

export type CheckResult = 'pending' | 'passed' | 'failed';

export interface CheckState extends Partial<Attribution> {
  id: string;
  result: CheckResult;
  note?: string;
}

/** The dates of one review, all in the program's time zone. */
export interface ReviewDates {
  noticeOn: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  remediationDue: IsoDate;
}

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
  /** Internal note flagging a reply that reads as neither YES nor NO (one per reply). */
  'unclear-answer-note',
  /** Internal note that a requirement's soak period ended (one per component and soak date). */
  'soak-end-note',
  /** Internal note that the ticket was set to an approved status with requirements still open (one per status change). */
  'approval-blocked-note',
] as const;
export type ReviewEffect = (typeof REVIEW_EFFECTS)[number];

export interface ReviewCycle extends ReviewDates {
  /** `2027` for the annual review of 2027; `esc-<n>` for an escalation. */
  id: string;
  kind: 'annual' | 'escalation';
  /** The calendar year of the review window. */
  year: number;
  state: ReviewState;
  stateSince: IsoDateTime;
  answer?: PartnerAnswer;
  checks: CheckState[];
  /** Effects already performed on the ticket, with the id of what was posted and the program-local day (`on`). */
  effects: Partial<Record<ReviewEffect, { id?: string; at: IsoDateTime; on?: IsoDate }>>;
  /** Escalations: who raised the concern and why. */
  concern?: { text: string; raisedBy: string; at: IsoDateTime; source: 'atlassian' | 'customer' };
}
