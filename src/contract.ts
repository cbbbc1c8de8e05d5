/**
 * The resolver API between the Custom UI pages and the app's functions.
 * Written once; `static/` imports these types, `src/entry/resolvers` implements them.
 */
import type { IsoDate, IsoDateTime } from './domain/dates';
import type { ProgramSettings, SettingsProblem } from './domain/program';
import type { CheckResult, PartnerAnswerValue, ReviewCycle, ReviewDates, ReviewState } from './domain/review-types';
import type { ComponentState, ComponentStatus, NextStepOwner, Stage } from './domain/submission-types';
import type { AuditEntry } from './domain/tracked-app';
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

/** Every resolver: its payload and what it answers. */
export interface ResolverApi {
  getTicketState: { payload: { issueKey: string }; result: TicketView };
  startTracking: { payload: { issueKey: string; appName: string }; result: TicketView };
  moveStage: { payload: { issueKey: string; stage: Stage; note?: string }; result: TicketView };
  setComponentStatus: {
    payload: {
      issueKey: string;
      componentId: string;
      status: ComponentStatus;
      note?: string;
      soakUntil?: IsoDate;
      waiverReason?: string;
    };
    result: TicketView;
  };
  approve: { payload: { issueKey: string; approvedOn?: IsoDate }; result: TicketView };
  recordCheck: {
    payload: { issueKey: string; cycleId: string; checkId: string; result: CheckResult; note?: string };
    result: TicketView;
  };
  setAnswer: {
    payload: { issueKey: string; cycleId: string; value: PartnerAnswerValue; categories?: string[]; note?: string };
    result: TicketView;
  };
  raiseEscalation: {
    payload: { issueKey: string; text: string; source: 'atlassian' | 'customer' };
    result: TicketView;
  };
  /** `announcedUpdates`: ids of the program updates already announced to every approved app. */
  getSettings: { payload: Record<string, never>; result: { settings: ProgramSettings; viewer: Viewer; announcedUpdates: string[] } };
  saveSettings: { payload: { settings: unknown }; result: { settings: ProgramSettings } };
  listApps: {
    payload: { filter?: AppListFilter; cursor?: string; limit?: number };
    result: { rows: AppListRow[]; total: number; today: IsoDate; nextCursor?: string };
  };
  importApproved: { payload: { csv: string }; result: ImportReport };
}

export type ResolverKey = keyof ResolverApi;
export type ResolverPayload<K extends ResolverKey> = ResolverApi[K]['payload'];
export type ResolverResponse<K extends ResolverKey> = ApiResult<ResolverApi[K]['result']>;

export const RESOLVER_KEYS: readonly ResolverKey[] = [
  'getTicketState',
  'startTracking',
  'moveStage',
  'setComponentStatus',
  'approve',
  'recordCheck',
  'setAnswer',
  'raiseEscalation',
  'getSettings',
  'saveSettings',
  'listApps',
  'importApproved',
];

export type { ReviewDates };

/** The customer portal's panel (`jiraServiceManagement:portalRequestDetailPanel`): a partner's calls. */
export const PORTAL_MODULE_KEY = 'cf-tracker-portal-panel';

/** One ticked category of a partner's structured answer. */
export interface PortalCategoryAnswer {
  id: string;
  whatChanged: string;
  effect: string;
  /** The Marketplace listing and the Privacy & Security tab were updated to reflect the change. */
  listingUpdated: boolean;
}

export type PortalView = { tracked: false; issueKey: string } | { tracked: true; issueKey: string; view: PartnerView };

/** The portal's calls name no ticket: the resolver answers only for the request it is shown on. */
export interface PortalApi {
  getPortalView: { payload: Record<string, never>; result: PortalView };
  answerOnPortal: { payload: { cycleId: string; value: 'YES' | 'NO'; categories: PortalCategoryAnswer[] }; result: PortalView };
}

export type PortalKey = keyof PortalApi;
export const PORTAL_RESOLVER_KEYS: readonly PortalKey[] = ['getPortalView', 'answerOnPortal'];
export type { PartnerView, PartnerReview } from './domain/partner-view';
