import type { IsoDate, IsoDateTime } from './dates';
import type {
  CheckResult,
  ComponentStatus,
  PartnerAnswer,
  ReviewCycle,
  ReviewEffect,
  ReviewState,
  Stage,
} from './model';
import type { ReviewStepKind } from './review-steps';

/**
 * What happened to a tracked app, as the decider says it: the stored record is these events
 * applied to the previous one, and the history shown to people is written from them (`history.ts`).
 * A new kind of event is a new member here and a new sentence there.
 */
export type AppEvent = { by: string; at: IsoDateTime } & (
  | { type: 'tracking-started'; appName: string; stage: Stage; status: string }
  | { type: 'stage-changed'; from: Stage; to: Stage; status?: string; note?: string; followedJira?: boolean }
  | {
      type: 'component-changed';
      componentId: string;
      title: string;
      from?: ComponentStatus;
      to: ComponentStatus;
      soakUntil?: IsoDate;
      waiverReason?: string;
      note?: string;
    }
  | { type: 'approved'; approvedOn: IsoDate; status?: string; inJira?: { from: Stage } }
  | { type: 'imported'; approvedOn: IsoDate; line: number }
  | { type: 'review-scheduled'; cycle: ReviewCycle }
  | { type: 'escalation-raised'; cycle: ReviewCycle; text: string; source: 'atlassian' | 'customer' }
  | { type: 'check-recorded'; cycle: ReviewCycle; checkId: string; title: string; result: CheckResult; note?: string }
  | { type: 'answer-recorded'; cycle: ReviewCycle; answer: PartnerAnswer; previous?: PartnerAnswer; edited: boolean }
  /** The window ended with Atlassian's checks not run: the agents are told, the review waits for them. */
  | { type: 'checks-not-run'; cycle: ReviewCycle; checks: string[] }
  /** An agent started a review the app had not opened (its window ended before the ticket was tracked). */
  | { type: 'review-started-now'; cycle: ReviewCycle }
  | { type: 'review-moved'; cycle: ReviewCycle; from: ReviewState; to: ReviewState; step?: ReviewStepKind }
  | {
      type: 'posted';
      cycle?: ReviewCycle;
      effect: ReviewEffect;
      target: 'comment' | 'attachment' | 'form';
      id: string;
      visibility?: 'public' | 'internal';
      alreadyThere: boolean;
      about?: NoteAbout;
    }
);

/** What a note outside a review step is about, for its history line. */
export type NoteAbout =
  | { kind: 'soak-ended'; componentId: string; title: string; soakUntil: IsoDate }
  | { kind: 'unclear-answer'; commentId: string | null }
  | { kind: 'approval-blocked'; status: string; open: string[] }
  /** The partner was told that the submission's next step is now theirs, or Atlassian's again. */
  | { kind: 'progress-update'; from: Stage; to: Stage; nextStep: 'partner' | 'atlassian' };

export type AppEventOf<T extends AppEvent['type']> = Extract<AppEvent, { type: T }>;
