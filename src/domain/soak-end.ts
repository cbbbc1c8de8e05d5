import type { IsoDate } from './dates';
import type { ProgramSettings } from './program';
import type { ComponentState, SubmissionState } from './submission-types';

/**
 * The end of a requirement's soak is an event: on the day `soakUntil` is reached the agents are
 * told once to verify the requirement. The note is remembered per soak date, so a new date set
 * later gets its own note.
 */

export interface EndedSoak {
  componentId: string;
  title: string;
  soakUntil: IsoDate;
}

const CLOSED_STAGES = ['approved', 'declined', 'withdrawn'];

export function submissionOpen(state: SubmissionState): boolean {
  return !CLOSED_STAGES.includes(state.stage);
}

/** A soaking component whose end the agents have not yet been told of. */
export function soakEndPending(component: ComponentState): component is ComponentState & { soakUntil: IsoDate } {
  return component.status === 'soaking' && !!component.soakUntil && component.soakEndNotedFor !== component.soakUntil;
}

/** The soaks that have ended by `today` and still need their note, in the program's order. */
export function endedSoaks(state: SubmissionState, today: IsoDate, program: ProgramSettings): EndedSoak[] {
  if (!submissionOpen(state)) return [];
  return state.components
    .filter(soakEndPending)
    .filter((c) => c.soakUntil <= today)
    .map((c) => ({
      componentId: c.id,
      title: program.components.find((p) => p.id === c.id)?.title ?? c.id,
      soakUntil: c.soakUntil,
    }))
    .sort((a, b) => order(program, a.componentId) - order(program, b.componentId));
}

function order(program: ProgramSettings, id: string): number {
  const i = program.components.findIndex((c) => c.id === id);
  return i < 0 ? program.components.length : i;
}

/** What marks the note on the ticket: one per component and soak date. */
export function soakEndMarkId(soak: { componentId: string; soakUntil: IsoDate }): string {
  return `submission/soak-${soak.componentId}-${soak.soakUntil}`;
}

/**
 * Records that the agents were told of the soak's end. Null when there is nothing to record: the
 * component was changed meanwhile (another status, another date) or the end was already noted.
 */
export function noteSoakEnd(
  state: SubmissionState,
  soak: { componentId: string; soakUntil: IsoDate },
): SubmissionState | null {
  const index = state.components.findIndex((c) => c.id === soak.componentId);
  const component = state.components[index];
  if (!component || !soakEndPending(component) || component.soakUntil !== soak.soakUntil) return null;
  const noted: ComponentState = { ...component, soakEndNotedFor: soak.soakUntil };
  return { ...state, components: state.components.map((c, i) => (i === index ? noted : c)) };
}
