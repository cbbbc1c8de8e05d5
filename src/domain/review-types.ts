/** The review's types; the schemas that define them are in `model.ts`. */
export { REVIEW_STATES, REVIEW_EFFECTS } from './model';
export type {
  ReviewState,
  ReviewEffect,
  PartnerAnswerValue,
  PartnerAnswer,
  CategoryDetail,
  CheckResult,
  CheckState,
  ReviewDates,
  ReviewCycle,
  EffectRecord,
} from './model';
