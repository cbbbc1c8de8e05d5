import type { AdfDoc } from '../domain/messages/adf';
import {
  agentNote,
  answerReminderComment,
  noticeComment,
  remediationReminderComment,
  significantChangeForm,
} from '../domain/messages';
import { applyReviewAction, type ReviewAction } from '../domain/review-cycle';
import type { ReviewCycle, ReviewEffect } from '../domain/review-types';
import type { TrackedApp } from '../domain/tracked-app';
import type { InvocationContext } from './invocation-context';

/** One thing the app put on the ticket for a review action. */
export interface PerformedEffect {
  effect: ReviewEffect;
  /** What Jira holds: a comment, an attachment or a JSM form. */
  target: 'comment' | 'attachment' | 'form';
  id: string;
  visibility?: 'public' | 'internal';
  /** Found on the ticket from an earlier, unrecorded attempt instead of posted now. */
  alreadyThere: boolean;
}

/**
 * Puts on the ticket what `action` needs. Every post is marked (comments) or named (the form
 * file) or keyed by template (the JSM form), so a retry after a failure or a crash finds what
 * was posted and does not post it again.
 */
export async function performReviewEffects(
  ctx: InvocationContext,
  app: TrackedApp,
  cycle: ReviewCycle,
  action: ReviewAction,
): Promise<PerformedEffect[]> {
  const { program } = ctx;
  let noticeFirstAttempt = false;
  const comment = async (effect: ReviewEffect, body: AdfDoc, visibility: 'public' | 'internal'): Promise<PerformedEffect> => {
    const posted = await ctx.ports.jira.postCommentOnce({ issueKey: app.issueKey, cycleId: cycle.id, effect }, body, visibility);
    if (effect === 'notice') noticeFirstAttempt = posted.firstAttempt === true;
    return { effect, target: 'comment', id: posted.id, visibility, alreadyThere: posted.alreadyThere };
  };

  switch (action.kind) {
    case 'post-notice': {
      const done = [await comment('notice', noticeComment(program, app.appName, cycle), 'public')];
      const form = significantChangeForm(program, app.appName, cycle);
      // The form is attached after the notice: on the notice's first attempt it cannot be there yet.
      const file = await ctx.ports.jira.attachFileOnce(app.issueKey, form.fileName, form.markdown, 'text/markdown', { knownAbsent: noticeFirstAttempt });
      done.push({ effect: 'form-attachment', target: 'attachment', id: file.id, alreadyThere: file.alreadyThere });
      if (program.formTemplateId) {
        const added = await ctx.ports.jira.addFormOnce(app.issueKey, program.formTemplateId);
        done.push({ effect: 'jsm-form', target: 'form', id: added.formId, alreadyThere: added.alreadyThere });
      }
      return done;
    }
    case 'send-answer-reminder':
      return [await comment('answer-reminder', answerReminderComment(program, app.appName, cycle), 'public')];
    case 'open-window':
      return [await comment('window-note', agentNote('window-opened', noteDetails(ctx, app, cycle)), 'internal')];
    case 'close-window': {
      // The note says how the window closes; the domain decides it from the checks as they stand.
      const closed = applyReviewAction(cycle, action, ctx.today, ctx.at);
      if (closed.state === 'passed') {
        return [await comment('passed-note', agentNote('passed', noteDetails(ctx, app, closed)), 'internal')];
      }
      return [await comment('remediation-note', agentNote('remediation-started', noteDetails(ctx, app, closed)), 'internal')];
    }
    case 'send-remediation-reminder':
      return [await comment('remediation-reminder', remediationReminderComment(program, app.appName, cycle), 'public')];
    case 'mark-overdue':
      return [await comment('overdue-note', agentNote('overdue', noteDetails(ctx, app, cycle)), 'internal')];
  }
}

/** What the agents' notes tell about a cycle: the checks still open and the dates that matter. */
export function noteDetails(ctx: InvocationContext, app: TrackedApp, cycle: ReviewCycle) {
  const title = (id: string) => ctx.program.checks.find((c) => c.id === id)?.title ?? id;
  return {
    appName: app.appName,
    cycleId: cycle.id,
    windowStart: cycle.windowStart,
    windowEnd: cycle.windowEnd,
    remediationDue: cycle.remediationDue,
    failedChecks: cycle.checks.filter((c) => c.result === 'failed').map((c) => title(c.id)),
    pendingChecks: cycle.checks.filter((c) => c.result === 'pending').map((c) => title(c.id)),
  };
}
