import { addDays } from './calendar';
import type { IsoDate, IsoDateTime } from './dates';
import type { AppEvent, NoteAbout } from './events';
import { agentNote, progressUpdateComment } from './messages';
import {
  DETAIL_TEXT_MAX,
  excerpt,
  type CheckResult,
  type PartnerAnswer,
  type PartnerAnswerValue,
  type ReviewCycle,
  type Stage,
  type TrackedApp,
} from './model';
import type { ProgramSettings } from './program';
import { fail, ok, type Result } from './result';
import {
  applyReviewAction,
  ensureNextCycle,
  isClosed,
  nextReviewAction,
  openEscalation,
  recordCheckResult,
  recordPartnerAnswer,
  startReviewNow,
  withCurrentChecks,
  type ReviewAction,
} from './review-cycle';
import { checkTitle } from './program-updates';
import { noteDetails, remediationDeadline, REVIEW_STEPS, type Post } from './review-steps';
import { soakEndMarkId, type EndedSoak } from './soak-end';
import {
  approveSubmission,
  componentStates,
  followJiraStatus,
  moveStage,
  nextStepOwner,
  setComponentStatus,
  stageForStatus,
  approvalBlockers,
  type ComponentChange,
} from './submission';

/**
 * The decider: one pure function of the tracked app, a command and the context (today, the
 * program and its time zone, who and when) that returns the new state, the events that say
 * what happened, and the effects the executor must put on the ticket. The history is written
 * from the events; nothing here reads a clock or does I/O.
 */

export interface DecideContext {
  today: IsoDate;
  at: IsoDateTime;
  program: ProgramSettings;
  /** Who acts: an account id, or 'app'. */
  by: string;
}

/** Something to put on the ticket exactly once; `markId` names it on the ticket (with the effect). */
export interface Effect {
  markId: string;
  post: Post;
  /** For a note outside a review step: what it is about (its history line), and that only its mark guards it. */
  about?: NoteAbout;
}

/** What one post became on the ticket. */
export interface Performed {
  effect: Post['effect'];
  target: Post['target'];
  id: string;
  visibility?: 'public' | 'internal';
  alreadyThere: boolean;
}

export type AgentAction =
  | { type: 'record-check'; cycleId: string; checkId: string; result: CheckResult; note?: string }
  | { type: 'set-answer'; cycleId: string; value: PartnerAnswerValue; categories?: string[]; note?: string }
  | { type: 'raise-escalation'; text: string; source: 'atlassian' | 'customer' }
  | { type: 'start-review-now'; cycleId: string }
  | { type: 'move-stage'; to: Stage; note?: string; status?: string }
  | { type: 'set-component'; change: ComponentChange }
  | { type: 'approve'; approvedOn: IsoDate; status?: string };

export type Command =
  /** A sweep tick: the step due today, and what it would put on the ticket. */
  | { kind: 'tick' }
  /** The step's posts are on the ticket: record them and move the cycle on. */
  | { kind: 'step-done'; step: ReviewAction; performed: Performed[] }
  /** A partner's reply, read as an answer to a cycle's question. */
  | { kind: 'reply'; cycleId: string; answer: PartnerAnswer }
  | { kind: 'agent'; action: AgentAction }
  /** The ticket moved to a status in Jira, on a day of the program. */
  | { kind: 'jira-status'; status: string; on: IsoDate; changeId: string }
  /** The program's settings changed, or a review closed: the next annual review is kept scheduled. */
  | { kind: 'settings' }
  /** A note outside a review step is on the ticket (its mark guards it); the soak's end is remembered. */
  | { kind: 'noted'; about: NoteAbout; performed: Performed };

export interface Decision {
  state: TrackedApp;
  events: AppEvent[];
  effects: Effect[];
  /** The review step a tick found due. */
  step?: ReviewAction;
  /** Closed reviews moved out of the live record, to be kept apart (one stored value each). */
  archived?: ReviewCycle[];
}

export function decide(app: TrackedApp, command: Command, context: DecideContext): Result<Decision> {
  switch (command.kind) {
    case 'tick':
      return ok(tick(app, context));
    case 'step-done':
      return ok(stepDone(app, command.step, command.performed, context));
    case 'reply':
      return ok(reply(app, command.cycleId, command.answer, context));
    case 'agent':
      return agent(app, command.action, context);
    case 'jira-status':
      return ok(jiraStatus(app, command, context));
    case 'settings':
      return ok(finish(app, app, [], context));
    case 'noted':
      return ok(noted(app, command.about, command.performed, context));
  }
}

/** The step due today across the app's cycles (the earliest due first) and its posts. */
function tick(app: TrackedApp, context: DecideContext): Decision {
  const step = dueStep(app, context);
  if (!step) return { state: app, events: [], effects: [] };
  const cycle = withCurrentChecks(
    app.reviews.find((c) => c.id === step.cycleId)!,
    context.program,
  );
  const posts = REVIEW_STEPS[step.kind].posts(cycle, {
    program: context.program,
    appName: app.appName,
    today: context.today,
  });
  return { state: app, events: [], effects: posts.map((post) => ({ markId: cycle.id, post })), step };
}

export function dueStep(app: TrackedApp, context: Pick<DecideContext, 'today' | 'program'>): ReviewAction | null {
  if (!app.approval) return null;
  let first: ReviewAction | null = null;
  for (const cycle of app.reviews) {
    const action = nextReviewAction(withCurrentChecks(cycle, context.program), context.today, context.program);
    if (action && (!first || action.due < first.due)) first = action;
  }
  return first;
}

function sameStep(a: ReviewAction | null, b: ReviewAction): boolean {
  return !!a && a.kind === b.kind && a.cycleId === b.cycleId;
}

function stepDone(app: TrackedApp, step: ReviewAction, performed: Performed[], context: DecideContext): Decision {
  const found = app.reviews.find((c) => c.id === step.cycleId);
  // The notice and the window's opening store the checks a program update added meanwhile.
  const cycle = found && withCurrentChecks(found, context.program);
  // Recorded meanwhile by another invocation: nothing left to write.
  if (!cycle || !sameStep(nextReviewAction(cycle, context.today, context.program), step))
    return { state: app, events: [], effects: [] };
  const [main, ...more] = performed;
  const applied = applyReviewAction(cycle, step, context.today, context.at, main ? { id: main.id } : undefined, more);
  // Remediation's deadline is the one its comment told the partner.
  const startsRemediation = applied.state === 'remediation' && cycle.state !== 'remediation';
  const moved = startsRemediation
    ? { ...applied, remediationDue: remediationDeadline(cycle, context.today, context.program) }
    : applied;
  const events: AppEvent[] = performed.map((p) => ({ type: 'posted', by: 'app', at: context.at, cycle, ...p }));
  if (step.kind === 'note-checks-not-run') {
    const { pendingChecks } = noteDetails(cycle, {
      program: context.program,
      appName: app.appName,
      today: context.today,
    });
    events.push({ type: 'checks-not-run', by: 'app', at: context.at, cycle: moved, checks: pendingChecks });
  }
  const reviews = app.reviews.map((c) => (c.id === cycle.id ? moved : c));
  if (moved.state !== cycle.state)
    events.push({
      type: 'review-moved',
      by: 'app',
      at: context.at,
      cycle: moved,
      from: cycle.state,
      to: moved.state,
      step: step.kind,
    });
  // The next review is scheduled in the same record as the step that closes this one: after a
  // crash between two writes an app with no review ahead would never be read by a sweep again.
  return finish(app, { ...app, reviews }, events, context);
}

/**
 * Keeps the partner's answer unless nothing changed. An agent's answer is never replaced by a
 * reply, and an unclear reply does not replace a clear answer from another comment (a "thank
 * you" must not undo a NO). An unclear answer is flagged to the agents, once per comment.
 */
function reply(app: TrackedApp, cycleId: string, incoming: PartnerAnswer, context: DecideContext): Decision {
  const cycle = app.reviews.find((c) => c.id === cycleId);
  const answer = boundedAnswer(incoming);
  if (!cycle || !keepsAnswer(cycle.answer, answer)) return { state: app, events: [], effects: [] };
  const next = recordPartnerAnswer(cycle, answer);
  const edited = cycle.answer?.commentId === answer.commentId;
  const event: AppEvent = { type: 'answer-recorded', by: answer.by, at: context.at, cycle: next, answer, edited };
  return { ...finish(app, replaceCycle(app, next), [event], { ...context, by: answer.by }), effects: [] };
}

/** A reply is kept as an excerpt: its whole text stays on the ticket, in the comment named by `commentId`. */
function boundedAnswer(answer: PartnerAnswer): PartnerAnswer {
  const bounded = { ...answer };
  if (bounded.text !== undefined) bounded.text = excerpt(bounded.text);
  if (bounded.reason !== undefined) bounded.reason = excerpt(bounded.reason);
  if (bounded.details !== undefined) {
    bounded.details = bounded.details.slice(0, 50).map((d) => ({
      ...d,
      whatChanged: excerpt(d.whatChanged, DETAIL_TEXT_MAX),
      effect: excerpt(d.effect, DETAIL_TEXT_MAX),
    }));
  }
  return bounded;
}

export function keepsAnswer(existing: PartnerAnswer | undefined, incoming: PartnerAnswer): boolean {
  if (!existing) return true;
  if (existing.source === 'agent') return false;
  // A structured answer (the portal panel, a JSM form) wins over free text, whenever either came.
  if (existing.source === 'form' && incoming.source === 'reply') return false;
  if (existing.commentId === incoming.commentId) {
    return (
      existing.value !== incoming.value ||
      existing.text !== incoming.text ||
      existing.categories.join() !== incoming.categories.join()
    );
  }
  return !(incoming.value === 'UNCLEAR' && existing.value !== 'UNCLEAR');
}

function replaceCycle(app: TrackedApp, cycle: ReviewCycle): TrackedApp {
  return { ...app, reviews: app.reviews.map((c) => (c.id === cycle.id ? cycle : c)) };
}

function findCycle(app: TrackedApp, cycleId: string): Result<ReviewCycle> {
  const cycle = app.reviews.find((c) => c.id === cycleId);
  if (cycle) return ok(cycle);
  const ids = app.reviews.map((c) => c.id);
  return fail(
    'not-found',
    `${app.issueKey} has no review “${cycleId}”${ids.length ? ` (its reviews: ${ids.join(', ')})` : ' (it has no reviews yet)'}.`,
  );
}

const unchanged = (app: TrackedApp): Result<Decision> => ok({ state: app, events: [], effects: [] });

function agent(app: TrackedApp, action: AgentAction, context: DecideContext): Result<Decision> {
  const { by, at, program } = context;
  switch (action.type) {
    case 'record-check': {
      const found = findCycle(app, action.cycleId);
      if (!found.ok) return found;
      // A check an update adds for this review's window can be recorded before the window opens.
      const cycle = withCurrentChecks(found.value, program);
      const stored = cycle.checks.find((c) => c.id === action.checkId);
      const note = action.note?.trim() || undefined;
      // The same result again (a retried or doubled call) is not a new fact.
      if (stored && stored.result === action.result && stored.note === note) return unchanged(app);
      const recorded = recordCheckResult(cycle, action.checkId, action.result, action.note, by, at);
      if (!recorded.ok) return recorded;
      const title = checkTitle(program, action.checkId);
      const event: AppEvent = {
        type: 'check-recorded',
        by,
        at,
        cycle,
        checkId: action.checkId,
        title,
        result: action.result,
        ...(note ? { note } : {}),
      };
      return ok(finish(app, replaceCycle(app, recorded.value), [event], context));
    }
    case 'set-answer': {
      const unknown = (action.categories ?? []).filter((id) => !program.changeCategories.some((c) => c.id === id));
      if (unknown.length > 0) {
        return fail(
          'invalid',
          `Unknown change ${unknown.length === 1 ? 'category' : 'categories'}: ${unknown.join(', ')}. Pick among the program's categories.`,
        );
      }
      if (action.value !== 'YES' && (action.categories?.length ?? 0) > 0)
        return fail('invalid', 'Change categories go with a YES answer only.');
      const found = findCycle(app, action.cycleId);
      if (!found.ok) return found;
      const cycle = found.value;
      if (cycle.state === 'cancelled')
        return fail('not-allowed', `Review ${cycle.id} was cancelled; its answer can no longer change.`);
      const categories = [...new Set(action.categories ?? [])];
      const same = cycle.answer;
      if (
        same?.source === 'agent' &&
        same.value === action.value &&
        same.reason === (action.note || undefined) &&
        same.categories.join(',') === categories.join(',')
      ) {
        return unchanged(app);
      }
      const answer: PartnerAnswer = { value: action.value, categories, source: 'agent', by, at };
      if (cycle.answer?.commentId) answer.commentId = cycle.answer.commentId;
      if (cycle.answer?.text) answer.text = cycle.answer.text;
      if (action.note) answer.reason = action.note;
      const next = recordPartnerAnswer(cycle, answer);
      const event: AppEvent = {
        type: 'answer-recorded',
        by,
        at,
        cycle: next,
        answer,
        edited: false,
        ...(cycle.answer ? { previous: cycle.answer } : {}),
      };
      return ok(finish(app, replaceCycle(app, next), [event], context));
    }
    case 'raise-escalation': {
      if (!app.approval)
        return fail(
          'not-allowed',
          `Escalations are for approved apps; ${app.issueKey} is at stage ${app.submission.stage}.`,
        );
      const text = action.text.trim();
      const open = app.reviews.find((c) => c.kind === 'escalation' && !isClosed(c));
      // The same concern twice (a double click, a retried call) opens one review, not two.
      if (open?.concern?.text === text) return unchanged(app);
      if (open) {
        return fail(
          'not-allowed',
          `Escalation ${open.id} (raised ${open.concern?.at.slice(0, 10) ?? open.windowStart}) is still open; add the new concern to it on the ticket, or close it first.`,
        );
      }
      const cycle = openEscalation(
        { text: excerpt(text), source: action.source },
        context.today,
        app.reviews,
        program,
        by,
        at,
      );
      const event: AppEvent = { type: 'escalation-raised', by, at, cycle, text, source: action.source };
      return ok(finish(app, { ...app, reviews: [...app.reviews, cycle] }, [event], context));
    }
    case 'start-review-now': {
      const found = findCycle(app, action.cycleId);
      if (!found.ok) return found;
      // A double click or a retried call starts it once.
      if (found.value.startedNow) return unchanged(app);
      const started = startReviewNow(found.value, context.today, program, by, at);
      if (!started.ok) return started;
      const event: AppEvent = { type: 'review-started-now', by, at, cycle: started.value };
      return ok(finish(app, replaceCycle(app, started.value), [event], context));
    }
    case 'move-stage': {
      const from = app.submission.stage;
      if (from === action.to) return unchanged(app);
      const moved = moveStage(app.submission, action.to, by, at);
      let submission = moved.ok ? moved.value : app.submission;
      if (!moved.ok) {
        // The ticket already moved in Jira: the record follows it even if another change raced in.
        if (!action.status) return { ok: false, error: moved.error };
        const followed = followJiraStatus(app.submission, program, action.status, by, at);
        if (!followed) return unchanged(app);
        submission = followed;
      }
      const event: AppEvent = {
        type: 'stage-changed',
        by,
        at,
        from,
        to: submission.stage,
        ...(action.status ? { status: action.status } : {}),
        ...(action.note ? { note: action.note } : {}),
      };
      return ok({
        ...finish(app, { ...app, submission }, [event], context),
        effects: progressUpdate(app, submission.stage, context),
      });
    }
    case 'set-component': {
      const { change } = action;
      const definition = program.components.find((c) => c.id === change.componentId);
      // A soaking requirement without a date soaks for the program's soak time from today.
      const withDefaults: ComponentChange =
        change.status === 'soaking' && !change.soakUntil && definition?.soakDays
          ? { ...change, soakUntil: addDays(context.today, definition.soakDays) }
          : change;
      const before = componentStates(app.submission, program).find((c) => c.id === change.componentId);
      if (before && sameComponentChange(before, withDefaults)) return unchanged(app);
      const result = setComponentStatus(app.submission, program, withDefaults, by, at);
      if (!result.ok) return result;
      const after = result.value.components.find((c) => c.id === change.componentId);
      const event: AppEvent = {
        type: 'component-changed',
        by,
        at,
        componentId: change.componentId,
        title: definition?.title ?? change.componentId,
        to: change.status,
        ...(before ? { from: before.status } : {}),
        ...(after?.soakUntil && after.status === 'soaking' ? { soakUntil: after.soakUntil } : {}),
        ...(after?.waiverReason && after.status === 'waived' ? { waiverReason: after.waiverReason } : {}),
        ...(after?.note ? { note: after.note } : {}),
      };
      return ok(finish(app, { ...app, submission: result.value }, [event], context));
    }
    case 'approve': {
      if (app.approval)
        return fail('not-allowed', `${app.issueKey} was already approved on ${app.approval.approvedOn}.`);
      if (action.approvedOn > context.today) {
        return fail(
          'invalid',
          `The approval date ${action.approvedOn} is in the future (today is ${context.today}); give today or a past day.`,
        );
      }
      return approve(
        app,
        { approvedOn: action.approvedOn, ...(action.status ? { status: action.status } : {}) },
        context,
      );
    }
  }
}

/** The component already says exactly this: a retried or doubled call changes nothing. */
function sameComponentChange(state: ReturnType<typeof componentStates>[number], change: ComponentChange): boolean {
  const note = change.note?.trim() || undefined;
  return (
    state.status === change.status &&
    state.note === note &&
    (change.status !== 'soaking' || state.soakUntil === change.soakUntil) &&
    (change.status !== 'waived' || state.waiverReason === change.waiverReason?.trim())
  );
}

/**
 * An approval, built in one place for the panel, for Jira and for the import: the submission
 * approved, the approval recorded, the first annual review scheduled.
 */
export function approve(
  app: TrackedApp,
  how: { approvedOn: IsoDate; status?: string; inJira?: { from: Stage }; imported?: { line: number } },
  context: DecideContext,
): Result<Decision> {
  const { by, at, program } = context;
  // Jira's status and the import are facts already: only the panel's approval checks the requirements here.
  const approved =
    how.imported || how.inJira
      ? ok({ ...app.submission, stage: 'approved' as const, stageSince: at, stageBy: by })
      : approveSubmission(app.submission, program, by, at);
  if (!approved.ok) return approved;
  const approval = { approvedOn: how.approvedOn, by, at, ...(how.imported ? { imported: true } : {}) };
  const event: AppEvent = how.imported
    ? { type: 'imported', by, at, approvedOn: how.approvedOn, line: how.imported.line }
    : {
        type: 'approved',
        by,
        at,
        approvedOn: how.approvedOn,
        ...(how.status ? { status: how.status } : {}),
        ...(how.inJira ? { inJira: how.inJira } : {}),
      };
  return ok(finish(app, { ...app, submission: approved.value, approval }, [event], context));
}

/**
 * A status change made in Jira. The ticket's status is the truth of the stage, except for
 * approval: moving the ticket to an approved status IS the approval when every requirement is
 * met or waived; with requirements still open, the stage stays and the agents are told why.
 */
function jiraStatus(
  app: TrackedApp,
  { status, on, changeId }: { status: string; on: IsoDate; changeId: string },
  context: DecideContext,
): Decision {
  const from = app.submission.stage;
  const none = { state: app, events: [], effects: [] };
  if (app.approval || from === 'approved') return none;
  if (stageForStatus(context.program, status) === 'approved') {
    const open = approvalBlockers(app.submission, context.program);
    if (open.length > 0) {
      const note: NoteAbout = { kind: 'approval-blocked', status, open };
      const body = agentNote('approval-blocked', {
        appName: app.appName,
        cycleId: 'submission',
        status,
        openRequirements: open,
      });
      // The mark names the status change, so a redelivered event finds the note and a later change gets its own.
      return {
        ...none,
        effects: [
          {
            markId: `submission/${changeId}`,
            post: { effect: 'approval-blocked-note', target: 'comment', visibility: 'internal', body },
            about: note,
          },
        ],
      };
    }
    const approved = approve(app, { approvedOn: on, status, inJira: { from } }, context);
    return approved.ok ? approved.value : none;
  }
  const submission = followJiraStatus(app.submission, context.program, status, context.by, context.at);
  if (!submission) return none;
  const event: AppEvent = {
    type: 'stage-changed',
    by: context.by,
    at: context.at,
    from,
    to: submission.stage,
    status,
    followedJira: true,
  };
  return { state: { ...app, submission }, events: [event], effects: progressUpdate(app, submission.stage, context) };
}

function noted(app: TrackedApp, about: NoteAbout, performed: Performed, context: DecideContext): Decision {
  const event: AppEvent = { type: 'posted', by: 'app', at: context.at, ...performed, about };
  if (about.kind !== 'soak-ended') return { state: app, events: [event], effects: [] };
  const components = app.submission.components.map((c) =>
    c.id === about.componentId && c.status === 'soaking' && c.soakUntil === about.soakUntil
      ? { ...c, soakEndNotedFor: about.soakUntil }
      : c,
  );
  const changed = components.some((c, i) => c !== app.submission.components[i]);
  return changed
    ? { state: { ...app, submission: { ...app.submission, components } }, events: [event], effects: [] }
    : { state: app, events: [], effects: [] };
}

/**
 * What every change ends with: a cycle whose state moved says so, an approved app keeps its next
 * annual review scheduled, and closed reviews beyond the latest leave the live record.
 */
function finish(before: TrackedApp, changed: TrackedApp, events: AppEvent[], context: DecideContext): Decision {
  const all = [...events];
  const was = new Map(before.reviews.map((c) => [c.id, c]));
  for (const cycle of changed.reviews) {
    const previous = was.get(cycle.id);
    const told = events.some((e) => e.type === 'review-moved' && e.cycle.id === cycle.id);
    if (previous && previous.state !== cycle.state && !told)
      all.push({ type: 'review-moved', by: context.by, at: context.at, cycle, from: previous.state, to: cycle.state });
  }
  const scheduled = changed.approval ? ensureNextCycle(changed, context.today, context.program, context.at) : changed;
  const known = new Set(changed.reviews.map((c) => c.id));
  for (const cycle of scheduled.reviews)
    if (!known.has(cycle.id)) all.push({ type: 'review-scheduled', by: context.by, at: context.at, cycle });
  const archived = toArchive(scheduled.reviews);
  if (archived.length === 0) return { state: scheduled, events: all, effects: [] };
  const live = scheduled.reviews.filter((c) => !archived.includes(c));
  const archivedReviews = (scheduled.archivedReviews ?? 0) + archived.length;
  return { state: { ...scheduled, reviews: live, archivedReviews }, events: all, effects: [], archived };
}

/**
 * The live record holds the open and overdue reviews and the latest finished one of each kind (it answers "how
 * did the last one go", and numbers the next): older closed reviews are archived, so the record
 * does not grow with the years.
 */
export function toArchive(reviews: ReviewCycle[]): ReviewCycle[] {
  // An overdue review waits for the agents, who may still pass it: it stays live.
  const closed = reviews.filter((c) => c.state === 'passed' || c.state === 'cancelled' || c.state === 'not-opened');
  const newest = (kind: ReviewCycle['kind']) =>
    closed
      .filter((c) => c.kind === kind)
      .reduce<ReviewCycle | undefined>((a, c) => (!a || c.windowStart >= a.windowStart ? c : a), undefined);
  const keep = new Set([newest('annual'), newest('escalation')]);
  return closed.filter((c) => !keep.has(c));
}

/** The internal note that a requirement's soak has ended: one per component and soak date. */
export function soakEndEffect(app: TrackedApp, soak: EndedSoak): Effect & { about: NoteAbout } {
  const body = agentNote('soak-ended', {
    appName: app.appName,
    cycleId: 'submission',
    requirement: soak.title,
    soakUntil: soak.soakUntil,
  });
  return {
    markId: soakEndMarkId(soak),
    post: { effect: 'soak-end-note', target: 'comment', visibility: 'internal', body },
    about: { kind: 'soak-ended', componentId: soak.componentId, title: soak.title, soakUntil: soak.soakUntil },
  };
}

/** The internal note that a reply could not be read as YES or NO: one per reply. */
export function unclearAnswerEffect(
  app: TrackedApp,
  cycleId: string,
  answer: PartnerAnswer,
): Effect & { about: NoteAbout } {
  const body = agentNote('unclear-answer', {
    appName: app.appName,
    cycleId,
    answer: answer.value,
    ...(answer.reason ? { reason: answer.reason } : {}),
    ...(answer.text ? { text: answer.text } : {}),
    ...(answer.commentId ? { commentId: answer.commentId } : {}),
    source: 'reply',
  });
  // The mark names the comment too, so each unclear reply is flagged once and only once.
  return {
    markId: `${cycleId}/reply-${answer.commentId ?? 'unknown'}`,
    post: { effect: 'unclear-answer-note', target: 'comment', visibility: 'internal', body },
    about: { kind: 'unclear-answer', commentId: answer.commentId ?? null },
  };
}

/**
 * The partner's short public update when a stage change before approval hands the next step to
 * them or back to Atlassian; none when the same side keeps it (or time, or nobody, has it). The
 * mark names the stage left and since when, so the panel and Jira's event name one change alike,
 * and a redelivery or a retry finds the comment.
 */
export function progressUpdate(
  app: TrackedApp,
  to: Stage,
  context: Pick<DecideContext, 'program'>,
): Array<Effect & { about: NoteAbout }> {
  const from = app.submission.stage;
  const was = nextStepOwner(from);
  const now = nextStepOwner(to);
  if (
    app.approval ||
    was === now ||
    (was !== 'partner' && was !== 'atlassian') ||
    (now !== 'partner' && now !== 'atlassian')
  )
    return [];
  const since = app.submission.stageSince.replace(/[^0-9A-Za-z]/g, '');
  return [
    {
      markId: `submission/progress-${from}-${since}-${to}`,
      post: {
        effect: 'progress-update',
        target: 'comment',
        visibility: 'public',
        body: progressUpdateComment(context.program, app.appName, to, now),
      },
      about: { kind: 'progress-update', from, to, nextStep: now },
    },
  ];
}
