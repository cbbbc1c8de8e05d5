import { addDays } from './calendar';
import type { IsoDate } from './dates';
import {
  agentNote,
  answerReminderComment,
  noticeComment,
  overdueComment,
  remediationReminderComment,
  remediationStartComment,
  significantChangeForm,
} from './messages';
import type { AdfDoc } from './messages/adf';
import type { ReviewCycle, ReviewEffect, ReviewState } from './model';
import type { ProgramSettings } from './program';
import { checkTitle } from './program-updates';
import { SIGNIFICANT_CHANGES_CHECK } from './review-checks';

/**
 * The review's steps, in ONE table: when each step is ahead of a cycle and on which days, what
 * it puts on the ticket, what the cycle becomes, and how people read it. The decider, the
 * executor, the panel and the history all read this table; a new step (a public comment at
 * remediation, checks not run, a late start) is a new row or a new post in a row.
 */

export type ReviewStepKind =
  | 'post-notice'
  | 'send-answer-reminder'
  | 'open-window'
  | 'note-checks-not-run'
  | 'close-window'
  | 'send-remediation-reminder'
  | 'mark-overdue';

/** One thing a step puts on the ticket, ready to perform: the executor adds it exactly once. */
export type Post =
  | { effect: ReviewEffect; target: 'comment'; visibility: 'public' | 'internal'; body: AdfDoc }
  | { effect: ReviewEffect; target: 'attachment'; fileName: string; content: string; mimeType: string }
  | { effect: ReviewEffect; target: 'form'; templateId: string };

/** The days on which a step may be taken; `until` absent means "from then on". */
export interface StepDays {
  from: IsoDate;
  until?: IsoDate;
}

export interface StepContext {
  program: ProgramSettings;
  appName: string;
  today: IsoDate;
}

interface StepRow {
  /** What the panel says the app will do next. */
  words: string;
  /** The days the step is ahead of the cycle as it stands; null when it is not ahead. */
  ahead(cycle: ReviewCycle, program: ProgramSettings): StepDays | null;
  /** The effect whose record says the step is done. */
  mark(cycle: ReviewCycle): ReviewEffect;
  /** The state the cycle moves to once the step is done (undefined: it stays). */
  moves(cycle: ReviewCycle): ReviewState | undefined;
  /** What the step puts on the ticket; the first post's mark is the step's own. */
  posts(cycle: ReviewCycle, context: StepContext): Post[];
}

const CLOSED_STATES: readonly ReviewState[] = ['passed', 'overdue', 'cancelled', 'not-opened'];

export function isClosed(cycle: ReviewCycle): boolean {
  return CLOSED_STATES.includes(cycle.state);
}

export function allChecksPassed(cycle: ReviewCycle): boolean {
  return cycle.checks.every((c) => c.result === 'passed');
}

/** Pass or remediation, decided once: the window closes passed when every check has passed. */
export function closingState(cycle: ReviewCycle): 'passed' | 'remediation' {
  return allChecksPassed(cycle) ? 'passed' : 'remediation';
}

export { SIGNIFICANT_CHANGES_CHECK };

/** The partner's part is missing: no answer to the significant-change question, and no agent settled it. */
export function partnerHasNotAnswered(cycle: ReviewCycle): boolean {
  return !cycle.answer && cycle.checks.some((c) => c.id === SIGNIFICANT_CHANGES_CHECK && c.result === 'pending');
}

/** What starts remediation: a failed check, or the partner's missing answer. A check never run is Atlassian's. */
export function needsRemediation(cycle: ReviewCycle): boolean {
  return cycle.checks.some((c) => c.result === 'failed') || partnerHasNotAnswered(cycle);
}

/** The window ended with checks never run and the agents were told: the review waits for them. */
export function waitsForAgents(cycle: ReviewCycle): boolean {
  return cycle.effects['checks-not-run-note'] !== undefined;
}

/**
 * The remediation deadline that applies if remediation starts on `today`: the program's usual
 * date (four weeks after the window), except for a failure found after the window (the review
 * waited for the agents): then four weeks from the day the partner is told.
 */
export function remediationDeadline(cycle: ReviewCycle, today: IsoDate, program: ProgramSettings): IsoDate {
  return waitsForAgents(cycle) && cycle.state === 'in-review'
    ? addDays(today, program.timings.remediationDays)
    : cycle.remediationDue;
}

/** The day the notice was posted, in the program's time zone when recorded. */
function noticeDay(cycle: ReviewCycle): IsoDate | undefined {
  const notice = cycle.effects.notice;
  return notice ? (notice.on ?? notice.at.slice(0, 10)) : undefined;
}

/** The state as the steps read it: a scheduled cycle whose notice is out is notified. */
function stage(cycle: ReviewCycle): ReviewState {
  return cycle.state === 'scheduled' && cycle.effects.notice !== undefined ? 'notified' : cycle.state;
}

const before =
  (...states: ReviewState[]) =>
  (cycle: ReviewCycle) =>
    states.includes(stage(cycle));

/** What the agents' notes tell about a cycle: the partner's answer so far, the checks still open and the dates. */
export function noteDetails(cycle: ReviewCycle, context: StepContext) {
  const title = (id: string) => checkTitle(context.program, id);
  return {
    appName: context.appName,
    cycleId: cycle.id,
    windowStart: cycle.windowStart,
    windowEnd: cycle.windowEnd,
    remediationDue: cycle.remediationDue,
    failedChecks: cycle.checks.filter((c) => c.result === 'failed').map((c) => title(c.id)),
    pendingChecks: cycle.checks.filter((c) => c.result === 'pending').map((c) => title(c.id)),
    ...(cycle.answer ? { answer: cycle.answer.value } : {}),
  };
}

const comment = (effect: ReviewEffect, visibility: 'public' | 'internal', body: AdfDoc): Post => ({
  effect,
  target: 'comment',
  visibility,
  body,
});

export const REVIEW_STEPS: Record<ReviewStepKind, StepRow> = {
  'post-notice': {
    words: 'Post the review notice and the significant-change form on the ticket',
    ahead: (cycle) =>
      cycle.effects.notice === undefined && before('scheduled', 'in-review')(cycle)
        ? { from: cycle.noticeOn, until: cycle.windowEnd }
        : null,
    mark: () => 'notice',
    moves: (cycle) => (cycle.state === 'scheduled' ? 'notified' : undefined),
    posts: (cycle, { program, appName }) => {
      const form = significantChangeForm(program, appName, cycle);
      return [
        comment('notice', 'public', noticeComment(program, appName, cycle)),
        {
          effect: 'form-attachment',
          target: 'attachment',
          fileName: form.fileName,
          content: form.markdown,
          mimeType: 'text/markdown',
        },
        ...(program.formTemplateId
          ? [{ effect: 'jsm-form' as const, target: 'form' as const, templateId: program.formTemplateId }]
          : []),
      ];
    },
  },
  'open-window': {
    words: 'Open the review window',
    ahead: (cycle) => (before('notified')(cycle) ? { from: cycle.windowStart, until: cycle.windowEnd } : null),
    mark: () => 'window-note',
    moves: (cycle) => (cycle.state === 'scheduled' || cycle.state === 'notified' ? 'in-review' : undefined),
    posts: (cycle, context) => [
      comment('window-note', 'internal', agentNote('window-opened', noteDetails(cycle, context))),
    ],
  },
  'send-answer-reminder': {
    words: 'Remind the partner to answer YES or NO',
    // A reminder only makes sense when the notice went out before the window: a notice posted
    // late already asks for the answer.
    ahead: (cycle) => {
      const day = noticeDay(cycle);
      const remind =
        before('in-review')(cycle) &&
        !cycle.answer &&
        !cycle.effects['answer-reminder'] &&
        day !== undefined &&
        day < cycle.windowStart;
      return remind ? { from: cycle.windowStart, until: cycle.windowEnd } : null;
    },
    mark: () => 'answer-reminder',
    moves: () => undefined,
    posts: (cycle, { program, appName }) => [
      comment('answer-reminder', 'public', answerReminderComment(program, appName, cycle)),
    ],
  },
  'note-checks-not-run': {
    words: 'Tell the agents which checks were not run by the window’s end',
    // Nothing failed and the partner has answered, but checks are still pending: Atlassian's work,
    // never the partner's failure. The agents are told once and the review waits for them.
    ahead: (cycle) =>
      before('scheduled', 'notified', 'in-review')(cycle) &&
      !waitsForAgents(cycle) &&
      !allChecksPassed(cycle) &&
      !needsRemediation(cycle)
        ? { from: addDays(cycle.windowEnd, 1) }
        : null,
    mark: () => 'checks-not-run-note',
    moves: (cycle) => (cycle.state === 'in-review' ? undefined : 'in-review'),
    posts: (cycle, context) => [
      comment('checks-not-run-note', 'internal', agentNote('checks-not-run', noteDetails(cycle, context))),
    ],
  },
  'close-window': {
    words: 'Close the review window: passed if every check passed, otherwise remediation starts',
    // Once the window is over: close it while the deadline runs (a review whose checks all passed
    // closes whenever); in remediation, it closes as soon as every check has passed. A review that
    // waited for the agents closes when they record the last result or a failure, with the
    // deadline counted from that day.
    ahead: (cycle) => {
      if (before('scheduled', 'notified', 'in-review')(cycle)) {
        const from = addDays(cycle.windowEnd, 1);
        if (allChecksPassed(cycle)) return { from };
        if (!needsRemediation(cycle)) return null;
        return waitsForAgents(cycle) ? { from } : { from, until: cycle.remediationDue };
      }
      return cycle.state === 'remediation' && allChecksPassed(cycle) ? { from: cycle.windowEnd } : null;
    },
    mark: (cycle) => (closingState(cycle) === 'passed' ? 'passed-note' : 'remediation-note'),
    moves: closingState,
    posts: (cycle, context) => {
      const closed = {
        ...cycle,
        state: closingState(cycle),
        remediationDue: remediationDeadline(cycle, context.today, context.program),
      };
      if (closed.state === 'passed')
        return [comment('passed-note', 'internal', agentNote('passed', noteDetails(closed, context)))];
      return [
        comment('remediation-note', 'internal', agentNote('remediation-started', noteDetails(closed, context))),
        comment('remediation-comment', 'public', remediationStartComment(context.program, context.appName, closed)),
      ];
    },
  },
  'send-remediation-reminder': {
    words: 'Remind the partner of the remediation deadline',
    ahead: (cycle, program) =>
      cycle.state === 'remediation' && !allChecksPassed(cycle) && !cycle.effects['remediation-reminder']
        ? {
            from: addDays(cycle.remediationDue, -program.timings.remediationReminderDaysBefore),
            until: cycle.remediationDue,
          }
        : null,
    mark: () => 'remediation-reminder',
    moves: () => undefined,
    posts: (cycle, { program, appName }) => [
      comment('remediation-reminder', 'public', remediationReminderComment(program, appName, cycle)),
    ],
  },
  'mark-overdue': {
    words: 'Mark the review overdue if issues are still open',
    // Only the partner's open issues go overdue: a review waiting for the agents' checks does not.
    ahead: (cycle) => {
      const open =
        cycle.state === 'remediation'
          ? !allChecksPassed(cycle)
          : before('scheduled', 'notified', 'in-review')(cycle) && !waitsForAgents(cycle) && needsRemediation(cycle);
      return open ? { from: addDays(cycle.remediationDue, 1) } : null;
    },
    mark: () => 'overdue-note',
    moves: () => 'overdue',
    posts: (cycle, context) => [
      comment('overdue-note', 'internal', agentNote('overdue', noteDetails(cycle, context))),
      comment('overdue-comment', 'public', overdueComment(context.program, context.appName, cycle)),
    ],
  },
};

/** The table's order is the order in which steps are taken when several are due. */
export const STEP_ORDER: readonly ReviewStepKind[] = [
  'post-notice',
  'open-window',
  'send-answer-reminder',
  'note-checks-not-run',
  'close-window',
  'send-remediation-reminder',
  'mark-overdue',
];

/** Effects posted as marked comments: their posting notes are kept until the record holds them. */
export const COMMENT_EFFECTS: ReadonlySet<ReviewEffect> = new Set<ReviewEffect>([
  'notice',
  'answer-reminder',
  'window-note',
  'passed-note',
  'remediation-note',
  'remediation-reminder',
  'overdue-note',
  'checks-not-run-note',
  'remediation-comment',
  'overdue-comment',
]);

/** How the history names what a step posted. */
export const EFFECT_WORDS: Partial<Record<ReviewEffect, string>> = {
  notice: 'review notice',
  'answer-reminder': 'reminder to answer the significant-change question',
  'window-note': 'review window opened',
  'passed-note': 'review passed',
  'remediation-note': 'remediation started',
  'remediation-reminder': 'remediation deadline reminder',
  'overdue-note': 'remediation deadline passed',
  'checks-not-run-note': 'checks not run by the window’s end',
  'remediation-comment': 'what to resolve, and by when',
  'overdue-comment': 'remediation deadline passed, escalated to the program team',
};
