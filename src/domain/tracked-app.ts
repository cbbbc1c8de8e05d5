import type { IsoDate, IsoDateTime } from './dates';
import type { ReviewCycle } from './review-types';
import type { SubmissionState } from './submission-types';

/** The state of record for one app submission, keyed by its ticket. */
export interface TrackedApp {
  issueKey: string;
  issueId: string;
  appName: string;
  createdAt: IsoDateTime;
  createdBy: string;
  submission: SubmissionState;
  approval?: { approvedOn: IsoDate; by: string; at: IsoDateTime; imported?: boolean };
  /** Every review cycle, oldest first. */
  reviews: ReviewCycle[];
  /** The next day the sweep has something to do for this app; null when nothing is pending. */
  nextActionOn: IsoDate | null;
  /**
   * The last time the scheduled work on this ticket failed for a reason a retry cannot fix (the
   * ticket deleted, the app's access removed): shown to people, and the work is retried daily.
   */
  lastFailure?: WorkFailure;
  /** Program updates announced on this ticket, by update id: the comment and the program-local day. */
  announcements?: Record<string, { commentId: string; on: IsoDate }>;
  /** Bumped on every write: concurrent writers detect each other with it. */
  version: number;
}

export interface WorkFailure {
  /** The day of the failure in the program's time zone. */
  on: IsoDate;
  at: IsoDateTime;
  reason: string;
  /** The first day of the current run of failures. */
  since: IsoDate;
}

/** One line of the append-only history shown in the panel. */
export interface AuditEntry {
  issueKey: string;
  at: IsoDateTime;
  by: string;
  kind:
    | 'tracking-started'
    | 'stage-changed'
    | 'component-changed'
    | 'approved'
    | 'imported'
    | 'review-scheduled'
    | 'message-posted'
    | 'attachment-added'
    | 'form-added'
    | 'answer-recorded'
    | 'check-recorded'
    | 'review-state-changed'
    | 'escalation-raised'
    | 'program-update-announced'
    | 'concern-received';
  /** A sentence for people, e.g. "Stage moved from triage to awaiting-partner". */
  summary: string;
  cycleId?: string;
  detail?: Record<string, string | number | boolean | null>;
}
