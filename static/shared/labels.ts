import type { ComponentStatus, ReviewState, Stage, SubmissionView } from '../../src/contract';

export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';
export type NextStepOwner = SubmissionView['nextStep'];

export const STAGE_LABEL: Record<Stage, string> = {
  submitted: 'Submitted',
  triage: 'Triage',
  'awaiting-partner': 'Awaiting partner',
  verifying: 'Verifying',
  soaking: 'Soaking',
  approved: 'Approved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

/** The path a submission normally walks, for the progress tracker. */
export const STAGE_PATH: Stage[] = ['submitted', 'triage', 'awaiting-partner', 'verifying', 'soaking', 'approved'];

export const OWNER_LABEL: Record<NextStepOwner, string> = {
  partner: "Partner's move",
  atlassian: "Atlassian's move",
  time: 'Waiting for a date',
  none: 'Closed',
};

export const OWNER_APPEARANCE: Record<NextStepOwner, LozengeAppearance> = {
  partner: 'moved',
  atlassian: 'inprogress',
  time: 'new',
  none: 'default',
};

export const COMPONENT_STATUS_LABEL: Record<ComponentStatus, string> = {
  'not-started': 'Not started',
  submitted: 'Submitted',
  'needs-info': 'Needs info',
  verifying: 'Verifying',
  soaking: 'Soaking',
  met: 'Met',
  'not-met': 'Not met',
  waived: 'Waived',
};

export const COMPONENT_STATUS_APPEARANCE: Record<ComponentStatus, LozengeAppearance> = {
  'not-started': 'default',
  submitted: 'new',
  'needs-info': 'moved',
  verifying: 'inprogress',
  soaking: 'new',
  met: 'success',
  'not-met': 'removed',
  waived: 'default',
};

export const REVIEW_STATE_LABEL: Record<ReviewState, string> = {
  scheduled: 'Scheduled',
  notified: 'Notified',
  'in-review': 'In review',
  remediation: 'Remediation',
  passed: 'Passed',
  overdue: 'Overdue',
  cancelled: 'Cancelled',
  'not-opened': 'Not opened',
};

export const REVIEW_STATE_APPEARANCE: Record<ReviewState, LozengeAppearance> = {
  scheduled: 'default',
  notified: 'new',
  'in-review': 'inprogress',
  remediation: 'moved',
  passed: 'success',
  overdue: 'removed',
  cancelled: 'default',
  'not-opened': 'default',
};

export const STAGE_APPEARANCE: Record<Stage, LozengeAppearance> = {
  submitted: 'new',
  triage: 'inprogress',
  'awaiting-partner': 'moved',
  verifying: 'inprogress',
  soaking: 'new',
  approved: 'success',
  declined: 'removed',
  withdrawn: 'default',
};
