import type { IsoDate, IsoDateTime } from './dates';
import { decide } from './decide';
import type { ProgramSettings } from './program';
import type { ReviewCycle } from './review-types';
import type { Stage } from './submission-types';
import type { TrackedApp } from './tracked-app';

/**
 * A status change made in Jira, as the decider reads it: the ticket's status is the truth of the
 * stage, except for approval, which needs every requirement met or waived.
 */
export type JiraStatusChange =
  | { kind: 'unchanged' }
  | { kind: 'moved'; app: TrackedApp; from: Stage; to: Stage }
  | { kind: 'approved'; app: TrackedApp; from: Stage; scheduled: ReviewCycle[] }
  | { kind: 'approval-blocked'; stage: Stage; openRequirements: string[] };

export function jiraStatusChange(
  app: TrackedApp,
  program: ProgramSettings,
  statusName: string,
  change: { by: string; at: IsoDateTime; on: IsoDate },
  today: IsoDate,
): JiraStatusChange {
  const decided = decide(
    app,
    { kind: 'jira-status', status: statusName, on: change.on, changeId: 'change' },
    { today, at: change.at, program, by: change.by },
  );
  if (!decided.ok) return { kind: 'unchanged' };
  const { state, events, effects } = decided.value;
  const about = effects[0]?.about;
  if (about?.kind === 'approval-blocked')
    return { kind: 'approval-blocked', stage: app.submission.stage, openRequirements: about.open };
  const first = events[0];
  if (first?.type === 'stage-changed') return { kind: 'moved', app: state, from: first.from, to: first.to };
  if (first?.type === 'approved') {
    const scheduled = events.flatMap((e) => (e.type === 'review-scheduled' ? [e.cycle] : []));
    return { kind: 'approved', app: state, from: app.submission.stage, scheduled };
  }
  return { kind: 'unchanged' };
}
