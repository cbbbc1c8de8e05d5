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
  /** Bumped on every write: concurrent writers detect each other with it. */
  version: number;
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
    | 'escalation-raised';
  /** A sentence for people, e.g. "Stage moved from triage to awaiting-partner". */
  summary: string;
  cycleId?: string;
  detail?: Record<string, string | number | boolean | null>;
}
