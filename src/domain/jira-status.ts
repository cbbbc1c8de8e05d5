import type { IsoDate, IsoDateTime } from './dates';
import type { ProgramSettings } from './program';
import { ensureNextCycle } from './review-cycle';
import type { ReviewCycle } from './review-types';
import { approvalBlockers, followJiraStatus, stageForStatus } from './submission';
import type { Stage } from './submission-types';
import type { TrackedApp } from './tracked-app';

/**
 * A status change made in Jira. The ticket's status is the truth of the stage, except for
 * approval: moving the ticket to an approved status IS the approval when every requirement is
 * met or waived; with requirements still open, the stage stays and the agents are told why.
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
  const from = app.submission.stage;
  if (app.approval || from === 'approved') return { kind: 'unchanged' };
  if (stageForStatus(program, statusName) === 'approved') {
    const open = approvalBlockers(app.submission, program);
    if (open.length > 0) return { kind: 'approval-blocked', stage: from, openRequirements: open };
    const approved: TrackedApp = {
      ...app,
      submission: { ...app.submission, stage: 'approved', stageSince: change.at, stageBy: change.by },
      approval: { approvedOn: change.on, by: change.by, at: change.at },
    };
    const scheduled = ensureNextCycle(approved, today, program, change.at);
    const known = new Set(app.reviews.map((c) => c.id));
    return { kind: 'approved', app: scheduled, from, scheduled: scheduled.reviews.filter((c) => !known.has(c.id)) };
  }
  const submission = followJiraStatus(app.submission, program, statusName, change.by, change.at);
  if (!submission) return { kind: 'unchanged' };
  return { kind: 'moved', app: { ...app, submission }, from, to: submission.stage };
}
