import type { IsoDate, IsoDateTime } from './dates';

/** Where an app submission stands before (and at) approval. */
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
export type Stage = (typeof STAGES)[number];

/** Who holds the next step. `time` while requirements soak; `none` once the submission is closed. */
export type NextStepOwner = 'partner' | 'atlassian' | 'time' | 'none';

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
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** Who made a change, and when: every change in the app carries one. */
export interface Attribution {
  by: string; // an Atlassian account id, or 'app' for the app itself
  at: IsoDateTime;
}

export interface ComponentState extends Partial<Attribution> {
  id: string;
  status: ComponentStatus;
  note?: string;
  /** Set while `soaking`: the day the requirement becomes active. */
  soakUntil?: IsoDate;
  /** The `soakUntil` whose end the agents were told of: each soak date gets one note. */
  soakEndNotedFor?: IsoDate;
  /** Set while `waived`. */
  waiverReason?: string;
}

export interface SubmissionState {
  stage: Stage;
  /** When the stage last changed: "whose move, and since when". */
  stageSince: IsoDateTime;
  /** Who moved it there (an account id, or 'app'). */
  stageBy?: string;
  components: ComponentState[];
}
