/**
 * The resolver API between the Custom UI pages and the app's functions.
 * Written once, on the domain's model: payloads are what their schemas (`resolver-payloads.ts`)
 * read, answers are views of the domain's types. `static/` imports these types.
 */
import { z } from 'zod';
import type { IsoDate, IsoDateTime } from './domain/dates';
import { parseIsoDate } from './domain/calendar';
import {
  ANSWER_VALUES,
  CHECK_RESULTS,
  COMPONENT_STATUSES,
  CONCERN_SOURCES,
  REVIEW_STATES,
  STAGES,
  type AuditEntry,
  type CheckResult,
  type ComponentState,
  type ComponentStatus,
  type ReviewCycle,
  type ReviewDates,
  type ReviewState,
  type Stage,
} from './domain/model';
import type { ProgramSettings, SettingsProblem } from './domain/program';
import type { NextStepOwner } from './domain/submission-types';
import type { PartnerView } from './domain/partner-view';

export type { IsoDate, IsoDateTime, ProgramSettings, SettingsProblem, Stage, ComponentStatus, ReviewState, AuditEntry };

export type ErrorCode =
  | 'forbidden'
  | 'invalid'
  | 'not-found'
  | 'not-tracked'
  | 'conflict'
  | 'not-allowed'
  | 'transition-refused'
  | 'jira-unavailable'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  /** A sentence that tells the user what happened and what to do. */
  message: string;
  problems?: SettingsProblem[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export interface Viewer {
  accountId: string;
  /** May change the ticket's submission and review (an agent with permission on the ticket). */
  canEdit: boolean;
  /** May change the program settings and import apps (a Jira admin). */
  isAdmin: boolean;
}

export interface ComponentView extends ComponentState {
  title: string;
  area: 'security' | 'reliability' | 'support';
  description: string;
  soaks: boolean;
  /** Days left until `soakUntil` (negative once past). */
  soakDaysLeft?: number;
}

/** Days from today to each date of a review; negative once past. */
export interface Countdowns {
  noticeOn: number;
  windowStart: number;
  windowEnd: number;
  remediationDue: number;
}

export interface CheckView {
  id: string;
  title: string;
  description: string;
  result: CheckResult;
  note?: string;
  by?: string;
  at?: IsoDateTime;
}

export interface CycleView extends Omit<ReviewCycle, 'checks'> {
  checks: CheckView[];
  /** Whose move it is in this review: the partner answers and fixes, Atlassian checks. */
  nextStep: NextStepOwner;
  countdowns: Countdowns;
  /** What the app will do next for this cycle, in words, and on which day. */
  next?: { on: IsoDate; what: string };
}

export interface SubmissionView {
  appName: string;
  stage: Stage;
  nextStep: NextStepOwner;
  stageSince: IsoDateTime;
  /** The JSM status the ticket is in, when known. */
  jiraStatus?: string;
  components: ComponentView[];
  /** Stages the agent may move to from here. */
  allowedStages: Stage[];
  canApprove: boolean;
  /** Why approval is not offered yet, e.g. "2 components are not met or waived". */
  approveBlockedBy?: string;
}

export interface ApprovedView {
  approvedOn: IsoDate;
  imported: boolean;
  /** The open cycle (or the next scheduled one). */
  current?: CycleView;
  /** Other reviews not yet closed (e.g. next year's, while an escalation is current), soonest first. */
  upcoming: CycleView[];
  /** Closed reviews, newest first. */
  past: CycleView[];
}

export type TicketView =
  | {
      tracked: false;
      issueKey: string;
      today: IsoDate;
      viewer: Viewer;
      /** Whether the program's settings treat this ticket as a submission. */
      eligible: boolean;
      ineligibleReason?: string;
      suggestedAppName: string;
    }
  | {
      tracked: true;
      issueKey: string;
      today: IsoDate;
      timezone: string;
      viewer: Viewer;
      submission: SubmissionView;
      approved?: ApprovedView;
      /** Set while the app cannot do its scheduled work on this ticket (it retries daily). */
      failure?: WorkFailureView;
      /** Newest first. */
      history: AuditEntry[];
      changeCategories: { id: string; title: string }[];
    };

export interface WorkFailureView {
  /** The first day of the current run of failures, and the latest. */
  since: IsoDate;
  lastOn: IsoDate;
  reason: string;
}

export interface AppListRow {
  issueKey: string;
  appName: string;
  stage: Stage;
  reviewState?: ReviewState;
  nextStep: NextStepOwner;
  nextDate?: IsoDate;
  nextWhat?: string;
  daysUntilNext?: number;
  approvedOn?: IsoDate;
  overdue: boolean;
  unclearAnswer: boolean;
  /** The app cannot do its scheduled work on this ticket (see the panel for why). */
  failing: boolean;
}

export interface AppListFilter {
  stage?: Stage;
  reviewState?: ReviewState;
  dueWithinDays?: number;
  overdue?: boolean;
  unclear?: boolean;
  text?: string;
}

export interface ImportReport {
  imported: { line: number; issueKey: string; approvedOn: IsoDate }[];
  rejected: { line: number; text: string; reason: string }[];
}

const issueKey = z
  .string({ required_error: 'is required', invalid_type_error: 'must be a ticket key' })
  .trim()
  .transform((key) => key.toUpperCase())
  .refine((key) => /^[A-Z][A-Z0-9_]+-[1-9][0-9]*$/.test(key), 'must be a ticket key like CFAP-123');
const isoDate = z
  .string({ invalid_type_error: 'must be a date (YYYY-MM-DD)' })
  .refine((text) => parseIsoDate(text) !== null, 'must be a real calendar day written YYYY-MM-DD');
const note = z
  .string({ invalid_type_error: 'must be text' })
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .optional();
const id = z
  .string({ required_error: 'is required', invalid_type_error: 'must be text' })
  .trim()
  .min(1, 'is required')
  .max(64, 'is too long');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { errorMap: () => ({ message: `must be one of ${values.join(', ')}` }) });

const ticketSchemas = {
  getTicketState: z.object({ issueKey }).strict(),
  startTracking: z
    .object({
      issueKey,
      appName: z
        .string({ required_error: 'is required', invalid_type_error: 'must be text' })
        .trim()
        .min(1, 'must not be empty')
        .max(120, 'must be at most 120 characters'),
    })
    .strict(),
  moveStage: z.object({ issueKey, stage: oneOf(STAGES), note }).strict(),
  setComponentStatus: z
    .object({
      issueKey,
      componentId: id,
      status: oneOf(COMPONENT_STATUSES),
      note,
      soakUntil: isoDate.optional(),
      waiverReason: z
        .string({ invalid_type_error: 'must be text' })
        .trim()
        .max(2000, 'must be at most 2000 characters')
        .optional(),
    })
    .strict(),
  approve: z.object({ issueKey, approvedOn: isoDate.optional() }).strict(),
  recordCheck: z.object({ issueKey, cycleId: id, checkId: id, result: oneOf(CHECK_RESULTS), note }).strict(),
  setAnswer: z
    .object({
      issueKey,
      cycleId: id,
      value: oneOf(ANSWER_VALUES),
      categories: z
        .array(id, { invalid_type_error: 'must be a list of category ids' })
        .max(50, 'has too many categories')
        .optional(),
      note,
    })
    .strict(),
  startReviewNow: z.object({ issueKey, cycleId: id }).strict(),
  raiseEscalation: z
    .object({
      issueKey,
      text: z
        .string({ required_error: 'is required', invalid_type_error: 'must be text' })
        .trim()
        .min(1, 'must say what the concern is')
        .max(2000, 'must be at most 2000 characters'),
      source: oneOf(CONCERN_SOURCES),
    })
    .strict(),
};

const programSchemas = {
  getSettings: z.object({}).strict(),
  saveSettings: z.object({ settings: z.unknown().refine((value) => value !== undefined, 'is required') }).strict(),
  listApps: z
    .object({
      filter: z
        .object({
          stage: oneOf(STAGES).optional(),
          reviewState: oneOf(REVIEW_STATES).optional(),
          dueWithinDays: z
            .number({ invalid_type_error: 'must be a number of days' })
            .int('must be a whole number of days')
            .min(0, 'must not be negative')
            .max(3660, 'must be at most 3660')
            .optional(),
          overdue: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
          unclear: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
          text: z.string({ invalid_type_error: 'must be text' }).max(200, 'must be at most 200 characters').optional(),
        })
        .strict()
        .optional(),
      cursor: z.string({ invalid_type_error: 'must be text' }).max(20, 'is not a list position').optional(),
      limit: z
        .number({ invalid_type_error: 'must be a number' })
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(200, 'must be at most 200')
        .optional(),
    })
    .strict(),
  // A spreadsheet of a few hundred lines is far below this; the bridge itself stops at 500 KB.
  importApproved: z
    .object({
      csv: z
        .string({ required_error: 'is required', invalid_type_error: 'must be the CSV text' })
        .max(200_000, 'is too large (at most 200,000 characters)'),
    })
    .strict(),
};

/** Every resolver's payload, checked before anything else runs. Unknown fields are refused: they are typos. */
export const PAYLOAD_SCHEMAS = { ...ticketSchemas, ...programSchemas };

/** What each resolver answers. */
interface ResolverResults {
  getTicketState: TicketView;
  startTracking: TicketView;
  moveStage: TicketView;
  setComponentStatus: TicketView;
  approve: TicketView;
  recordCheck: TicketView;
  setAnswer: TicketView;
  raiseEscalation: TicketView;
  startReviewNow: TicketView;
  /** `announcedUpdates`: ids of the program updates already announced to every approved app. */
  getSettings: { settings: ProgramSettings; viewer: Viewer; announcedUpdates: string[] };
  saveSettings: { settings: ProgramSettings };
  listApps: { rows: AppListRow[]; total: number; today: IsoDate; nextCursor?: string };
  importApproved: ImportReport;
}

/** Every resolver: its payload (as its schema reads it) and what it answers. */
export type ResolverApi = {
  [K in keyof typeof PAYLOAD_SCHEMAS]: { payload: z.output<(typeof PAYLOAD_SCHEMAS)[K]>; result: ResolverResults[K] };
};

export type ResolverKey = keyof ResolverApi;
export type ResolverPayload<K extends ResolverKey> = ResolverApi[K]['payload'];
export type ResolverResponse<K extends ResolverKey> = ApiResult<ResolverApi[K]['result']>;

/** The resolvers the app defines: exactly those the contract has a payload schema for. */
export const RESOLVER_KEYS: readonly ResolverKey[] = Object.keys(PAYLOAD_SCHEMAS).filter(isResolverKey);

function isResolverKey(key: string): key is ResolverKey {
  return Object.hasOwn(PAYLOAD_SCHEMAS, key);
}

export type { ReviewDates };

/** The customer portal's panel (`jiraServiceManagement:portalRequestDetailPanel`): a partner's calls. */
export const PORTAL_MODULE_KEY = 'cf-tracker-portal-panel';

const portalText = z.string({ invalid_type_error: 'must be text' }).trim().max(2000, 'must be at most 2000 characters');

/** One ticked category of a partner's structured answer. */
const portalCategoryAnswer = z
  .object({
    id,
    whatChanged: portalText,
    effect: portalText,
    /** The Marketplace listing and the Privacy & Security tab were updated to reflect the change. */
    listingUpdated: z.boolean({ invalid_type_error: 'must be true or false' }),
  })
  .strict();

/** The portal's calls name no ticket: the resolver answers only for the request it is shown on. */
export const PORTAL_PAYLOAD_SCHEMAS = {
  getPortalView: z.object({}).strict(),
  answerOnPortal: z
    .object({
      cycleId: id,
      value: oneOf(['YES', 'NO'] as const),
      categories: z.array(portalCategoryAnswer).max(50, 'has too many categories'),
    })
    .strict(),
};

export type PortalCategoryAnswer = z.output<typeof portalCategoryAnswer>;
export type PortalView = { tracked: false; issueKey: string } | { tracked: true; issueKey: string; view: PartnerView };

export type PortalApi = {
  [K in keyof typeof PORTAL_PAYLOAD_SCHEMAS]: {
    payload: z.output<(typeof PORTAL_PAYLOAD_SCHEMAS)[K]>;
    result: PortalView;
  };
};

export type PortalKey = keyof PortalApi;
export const PORTAL_RESOLVER_KEYS: readonly PortalKey[] = Object.keys(PORTAL_PAYLOAD_SCHEMAS).filter(
  (key): key is PortalKey => Object.hasOwn(PORTAL_PAYLOAD_SCHEMAS, key),
);
export type { PartnerView, PartnerReview } from './domain/partner-view';
