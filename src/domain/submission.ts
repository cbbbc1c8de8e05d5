import { parseIsoDate } from './calendar';
import type { IsoDate, IsoDateTime } from './dates';
import type { ProgramSettings } from './program';
import { fail, ok, type DomainResult } from './result';
import type { ComponentState, ComponentStatus, NextStepOwner, Stage, SubmissionState } from './submission-types';

/** The workflow of a submission before approval: stages, whose move it is, requirement components. */

const NEXT_STEP: Record<Stage, NextStepOwner> = {
  submitted: 'atlassian',
  triage: 'atlassian',
  'awaiting-partner': 'partner',
  verifying: 'atlassian',
  soaking: 'time',
  approved: 'none',
  declined: 'none',
  withdrawn: 'none',
};

/**
 * What an agent may move a submission to. `approved` is never here: approval goes through
 * `approveSubmission`, which checks the requirements. A declined or withdrawn submission can be
 * reopened into triage (a partner who comes back continues on the same ticket); an approved one
 * is closed for good, since the annual review takes over from there.
 */
const MOVES: Record<Stage, Stage[]> = {
  submitted: ['triage', 'awaiting-partner', 'verifying', 'declined', 'withdrawn'],
  triage: ['awaiting-partner', 'verifying', 'declined', 'withdrawn'],
  'awaiting-partner': ['triage', 'verifying', 'declined', 'withdrawn'],
  verifying: ['triage', 'awaiting-partner', 'soaking', 'declined', 'withdrawn'],
  soaking: ['verifying', 'awaiting-partner', 'declined', 'withdrawn'],
  approved: [],
  declined: ['triage'],
  withdrawn: ['triage'],
};

const CLOSED_STAGES: readonly Stage[] = ['approved', 'declined', 'withdrawn'];
const NOTE_MAX = 2000;

export function nextStepOwner(stage: Stage): NextStepOwner {
  return NEXT_STEP[stage];
}

export function allowedStageMoves(stage: Stage): Stage[] {
  return [...MOVES[stage]];
}

export function startSubmission(program: ProgramSettings, by: string, at: IsoDateTime): SubmissionState {
  return {
    stage: 'submitted',
    stageSince: at,
    stageBy: by,
    components: program.components.map((c) => ({ id: c.id, status: 'not-started' as const })),
  };
}

export function moveStage(
  state: SubmissionState,
  to: Stage,
  by: string,
  at: IsoDateTime,
): DomainResult<SubmissionState> {
  if (to === state.stage) return fail('not-allowed', `The submission is already in ${to}.`);
  if (to === 'approved') {
    return fail('not-allowed', 'A submission is approved with "Approve", once every requirement is met or waived.');
  }
  if (!MOVES[state.stage].includes(to)) {
    const options = MOVES[state.stage];
    return fail(
      'not-allowed',
      `A submission cannot move from ${state.stage} to ${to}` +
        (options.length ? ` (it can move to ${options.join(', ')}).` : ' (it is closed).'),
    );
  }
  return ok({ ...state, stage: to, stageSince: at, stageBy: by });
}

/** The stage a JSM workflow status stands for, matched without regard to case. */
export function stageForStatus(program: ProgramSettings, statusName: string): Stage | undefined {
  const wanted = statusName.trim().toLowerCase();
  return program.statusMapping.find((m) => m.status.trim().toLowerCase() === wanted)?.stage;
}

/** The JSM statuses that stand for a stage, in the program's order (the first is preferred). */
export function statusesForStage(program: ProgramSettings, stage: Stage): string[] {
  return program.statusMapping.filter((m) => m.stage === stage).map((m) => m.status);
}

/**
 * Follows a status change made in Jira. The ticket's status is the truth, so the move is not
 * checked against `allowedStageMoves`; null when the status maps to no stage or to the current one.
 * A move to `approved` only changes the stage: recording the approval date is the caller's decision.
 * Once approved, the submission no longer follows: the annual reviews run on the same ticket, and
 * its status then speaks of the review (e.g. waiting for the partner's answer), not of the submission.
 */
export function followJiraStatus(
  state: SubmissionState,
  program: ProgramSettings,
  statusName: string,
  by: string,
  at: IsoDateTime,
): SubmissionState | null {
  if (state.stage === 'approved') return null;
  const stage = stageForStatus(program, statusName);
  if (!stage || stage === state.stage) return null;
  return { ...state, stage, stageSince: at, stageBy: by };
}

/** The submission's components in the program's order; a component added to the program since starts as not-started. */
export function componentStates(state: SubmissionState, program: ProgramSettings): ComponentState[] {
  return program.components.map(
    (c) => state.components.find((s) => s.id === c.id) ?? { id: c.id, status: 'not-started' as const },
  );
}

export interface ComponentChange {
  componentId: string;
  status: ComponentStatus;
  note?: string;
  soakUntil?: IsoDate;
  waiverReason?: string;
}

export function setComponentStatus(
  state: SubmissionState,
  program: ProgramSettings,
  change: ComponentChange,
  by: string,
  at: IsoDateTime,
): DomainResult<SubmissionState> {
  const component = program.components.find((c) => c.id === change.componentId);
  if (!component) return fail('not-found', `The program has no requirement "${change.componentId}".`);
  if (CLOSED_STAGES.includes(state.stage)) {
    return fail('not-allowed', `The submission is ${state.stage}; its requirements can no longer change.`);
  }
  const note = change.note?.trim() || undefined;
  if (note && note.length > NOTE_MAX) return fail('invalid', `The note is longer than ${NOTE_MAX} characters.`);
  const next: ComponentState = { id: component.id, status: change.status, by, at };
  if (note) next.note = note;
  if (change.status === 'soaking') {
    const soakUntil = change.soakUntil === undefined ? null : parseIsoDate(change.soakUntil);
    if (!soakUntil) {
      return fail(
        'invalid',
        `"${component.title}" is soaking until a date: give the day it becomes active (YYYY-MM-DD).`,
      );
    }
    next.soakUntil = soakUntil;
  }
  if (change.status === 'waived') {
    const reason = change.waiverReason?.trim();
    if (!reason) return fail('invalid', `Waiving "${component.title}" needs a reason.`);
    if (reason.length > NOTE_MAX) return fail('invalid', `The waiver reason is longer than ${NOTE_MAX} characters.`);
    next.waiverReason = reason;
  }
  const components = componentStates(state, program).map((c) => (c.id === component.id ? next : c));
  // Components the program no longer lists are kept as history.
  const dropped = state.components.filter((c) => !program.components.some((p) => p.id === c.id));
  return ok({ ...state, components: [...components, ...dropped] });
}

/** Titles of the requirements that are neither met nor waived. */
export function approvalBlockers(state: SubmissionState, program: ProgramSettings): string[] {
  const states = componentStates(state, program);
  return program.components
    .filter((c, i) => {
      const status = states[i]?.status;
      return status !== 'met' && status !== 'waived';
    })
    .map((c) => c.title);
}

export function approveSubmission(
  state: SubmissionState,
  program: ProgramSettings,
  by: string,
  at: IsoDateTime,
): DomainResult<SubmissionState> {
  if (CLOSED_STAGES.includes(state.stage)) {
    return fail('not-allowed', `The submission is ${state.stage}; it cannot be approved.`);
  }
  const blockers = approvalBlockers(state, program);
  if (blockers.length > 0) {
    return fail('not-allowed', `Approval needs every requirement met or waived; still open: ${blockers.join('; ')}.`);
  }
  return ok({ ...state, stage: 'approved', stageSince: at, stageBy: by });
}
