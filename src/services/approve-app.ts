import { parseIsoDate } from '../domain/calendar';
import { fail, type Result } from '../domain/result';
import { approveSubmission } from '../domain/submission';
import type { TrackedApp } from '../domain/tracked-app';
import { record } from './executor';
import type { InvocationContext } from './invocation-context';
import { afterTransition, transitionFor } from './jira-transition';

export interface ApproveParams {
  issueKey: string;
  by: string;
  /** Today when absent, else a past day. */
  approvedOn?: string;
}

/**
 * Approves the submission: records the approval date, moves the ticket to the approved status
 * where one is mapped, and schedules the first annual review.
 */
export async function approveApp(
  ctx: InvocationContext,
  { issueKey, by, approvedOn: text }: ApproveParams,
): Promise<Result<{ app: TrackedApp; jiraStatus?: string }>> {
  const approvedOn = text === undefined ? ctx.today : parseIsoDate(text);
  if (!approvedOn)
    return fail('invalid', `“${text}” is not a day of the calendar; give the approval date as YYYY-MM-DD.`);
  if (approvedOn > ctx.today)
    return fail(
      'invalid',
      `The approval date ${approvedOn} is in the future (today is ${ctx.today}); give today or a past day.`,
    );
  const app = await ctx.ports.apps.get(issueKey);
  if (!app) return fail('not-tracked', `${issueKey} is not tracked by the app.`);
  if (app.approval) return fail('not-allowed', `${issueKey} was already approved on ${app.approval.approvedOn}.`);
  const checked = approveSubmission(app.submission, ctx.program, by, ctx.at);
  if (!checked.ok) return checked;
  const status = await transitionFor(ctx, issueKey, 'approved');
  if (!status.ok) return status;
  const action = { type: 'approve' as const, approvedOn, ...(status.value ? { status: status.value } : {}) };
  return afterTransition(issueKey, status.value, () => record(ctx, issueKey, { kind: 'agent', action }, by));
}
