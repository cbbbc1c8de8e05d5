/** The submission's types; the schemas that define them are in `model.ts`. */
export { STAGES, COMPONENT_STATUSES } from './model';
export type { Stage, ComponentStatus, ComponentState, SubmissionState, Attribution } from './model';

/** Who holds the next step. `time` while requirements soak; `none` once the submission is closed. */
export type NextStepOwner = 'partner' | 'atlassian' | 'time' | 'none';
