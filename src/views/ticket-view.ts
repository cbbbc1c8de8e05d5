import type { CheckView, ComponentView, CycleView, SubmissionView, TicketView, Viewer } from '../contract';
import { daysBetween } from '../domain/calendar';
import type { IsoDate } from '../domain/dates';
import type { ProgramSettings } from '../domain/program';
import { currentReview, reviewNextStep, submissionNextStep } from '../domain/next-step';
import { isClosed, nextActionDate, nextReviewAction, withCurrentChecks } from '../domain/review-cycle';
import { checkDefinition } from '../domain/program-updates';
import { REVIEW_STEPS } from '../domain/review-steps';
import { ineligibility, needsRequestType, suggestedAppName } from '../domain/eligibility';
import type { ReviewCycle } from '../domain/review-types';
import { allowedStageMoves, approvalBlockers, componentStates } from '../domain/submission';
import type { Stage } from '../domain/submission-types';
import type { AuditEntry, TrackedApp } from '../domain/tracked-app';
import type { InvocationContext } from '../services/invocation-context';
import type { IssueFacts } from '../ports';

/** How much history the panel shows: the newest entries. */
export const HISTORY_LIMIT = 50;

const CLOSED_STAGES: readonly Stage[] = ['approved', 'declined', 'withdrawn'];

/** The whole panel for a tracked ticket, from the record, the history and today. */
export function trackedTicketView(
  app: TrackedApp,
  program: ProgramSettings,
  today: IsoDate,
  viewer: Viewer,
  history: AuditEntry[],
  jiraStatus?: string,
): TicketView {
  const view: TicketView = {
    tracked: true,
    issueKey: app.issueKey,
    today,
    timezone: program.timezone,
    viewer,
    submission: submissionView(app, program, today, jiraStatus),
    history: [...history].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, HISTORY_LIMIT),
    changeCategories: program.changeCategories.map((c) => ({ id: c.id, title: c.title })),
  };
  if (app.lastFailure)
    view.failure = { since: app.lastFailure.since, lastOn: app.lastFailure.on, reason: app.lastFailure.reason };
  if (app.approval) {
    const current = currentReview(app.reviews);
    const others = app.reviews.filter((c) => c !== current);
    const upcoming = others.filter((c) => !isClosed(c)).sort((a, b) => a.windowStart.localeCompare(b.windowStart));
    const past = others.filter(isClosed).reverse();
    view.approved = {
      approvedOn: app.approval.approvedOn,
      imported: app.approval.imported === true,
      upcoming: upcoming.map((c) => cycleView(c, program, today)),
      past: past.map((c) => cycleView(c, program, today)),
    };
    if (current) view.approved.current = cycleView(current, program, today);
  }
  return view;
}

/** The panel for a ticket the app does not track yet: can it be, and under which name. */
export function untrackedTicketView(
  issueKey: string,
  issue: IssueFacts | null,
  program: ProgramSettings,
  today: IsoDate,
  viewer: Viewer,
): TicketView {
  const reason = issue ? ineligibility(issue, program) : `${issueKey} could not be read from Jira.`;
  const view: TicketView = {
    tracked: false,
    issueKey,
    today,
    viewer,
    eligible: reason === undefined,
    suggestedAppName: issue ? suggestedAppName(issue.summary) : '',
  };
  if (reason !== undefined) view.ineligibleReason = reason;
  return view;
}

/** What the app will do next for a cycle, in words, and on which day (undefined once closed). */
export function nextInWords(
  cycle: ReviewCycle,
  program: ProgramSettings,
  today: IsoDate,
): { on: IsoDate; what: string } | undefined {
  const on = nextActionDate(cycle, program);
  if (!on) return undefined;
  const action = nextReviewAction(cycle, on > today ? on : today, program);
  if (!action) return { on, what: 'Wait for the agents to record the review checks' };
  return { on, what: REVIEW_STEPS[action.kind].words };
}

export function cycleView(cycle: ReviewCycle, program: ProgramSettings, today: IsoDate): CycleView {
  // The review's own checks: those a program update adds for its window included, and one the
  // program has dropped since the review started still shows what was recorded.
  const checks: CheckView[] = withCurrentChecks(cycle, program).checks.map((state) => {
    const definition = checkDefinition(program, state.id);
    const view: CheckView = {
      id: state.id,
      title: definition?.title ?? state.id,
      description: definition?.description ?? 'No longer one of the program’s checks.',
      result: state.result,
    };
    if (state.note !== undefined) view.note = state.note;
    if (state.by !== undefined) view.by = state.by;
    if (state.at !== undefined) view.at = state.at;
    return view;
  });
  const { checks: _stored, ...rest } = cycle;
  const view: CycleView = {
    ...rest,
    checks,
    nextStep: reviewNextStep(cycle),
    countdowns: {
      noticeOn: daysBetween(today, cycle.noticeOn),
      windowStart: daysBetween(today, cycle.windowStart),
      windowEnd: daysBetween(today, cycle.windowEnd),
      remediationDue: daysBetween(today, cycle.remediationDue),
    },
  };
  const next = nextInWords(cycle, program, today);
  if (next) view.next = next;
  return view;
}

function submissionView(
  app: TrackedApp,
  program: ProgramSettings,
  today: IsoDate,
  jiraStatus?: string,
): SubmissionView {
  const { stage } = app.submission;
  const components: ComponentView[] = componentStates(app.submission, program).map((state, i) => {
    const definition = program.components[i]!;
    const view: ComponentView = {
      ...state,
      title: definition.title,
      area: definition.area,
      description: definition.description,
      soaks: definition.soaks,
    };
    if (state.soakUntil) view.soakDaysLeft = daysBetween(today, state.soakUntil);
    return view;
  });
  const blockers = approvalBlockers(app.submission, program);
  const closed = CLOSED_STAGES.includes(stage);
  const view: SubmissionView = {
    appName: app.appName,
    stage,
    nextStep: submissionNextStep(app.submission, today),
    stageSince: app.submission.stageSince,
    components,
    allowedStages: allowedStageMoves(stage),
    canApprove: !closed && blockers.length === 0,
  };
  if (jiraStatus) view.jiraStatus = jiraStatus;
  if (closed) {
    view.approveBlockedBy =
      stage === 'approved' ? 'The submission is already approved.' : `The submission is ${stage}.`;
  } else if (blockers.length > 0) {
    view.approveBlockedBy = `${blockers.length} ${blockers.length === 1 ? 'requirement is' : 'requirements are'} not met or waived: ${blockers.join(', ')}.`;
  }
  return view;
}

/**
 * Loads what the panel shows. Jira is asked only for an untracked ticket (is it eligible, what is
 * it called); a tracked ticket renders from the store alone.
 */
export async function loadTicketView(
  ctx: InvocationContext,
  issueKey: string,
  viewer: Viewer,
  known?: { app?: TrackedApp; jiraStatus?: string },
): Promise<TicketView> {
  const app = known?.app ?? (await ctx.ports.apps.get(issueKey));
  if (!app) {
    const issue = await ctx.ports.jira.getIssue(issueKey, needsRequestType(ctx.program));
    return untrackedTicketView(issueKey, issue, ctx.program, ctx.today, viewer);
  }
  const [history, archived] = await Promise.all([
    ctx.ports.audit.forIssue(issueKey, HISTORY_LIMIT),
    app.archivedReviews ? (ctx.ports.apps.archivedCycles?.(issueKey) ?? []) : [],
  ]);
  // Closed reviews moved out of the live record still show among the past ones.
  const whole = archived.length ? { ...app, reviews: [...archived, ...app.reviews] } : app;
  return trackedTicketView(whole, ctx.program, ctx.today, viewer, history, known?.jiraStatus);
}
