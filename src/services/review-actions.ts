import type { ApiResult, TicketView, Viewer } from '../contract';
import type { IsoDateTime } from '../domain/dates';
import { ensureNextCycle, openEscalation, recordCheckResult, recordPartnerAnswer } from '../domain/review-cycle';
import type { CheckResult, PartnerAnswer, PartnerAnswerValue, ReviewCycle } from '../domain/review-types';
import type { AuditEntry, TrackedApp } from '../domain/tracked-app';
import { fromError, notTrackedMessage, refusal } from './api-result';
import type { InvocationContext } from './invocation-context';
import { loadTicketView } from './ticket-view';
import { updateTrackedApp, type AppChange, type AppWriteError } from './update-app';

type Audit = Omit<AuditEntry, 'issueKey'>;

const CLOSED_REVIEW_STATES: readonly ReviewCycle['state'][] = ['passed', 'overdue', 'cancelled'];

/** Records an agent's result for one check of a review; a review in remediation passes once every check has. */
export async function recordCheck(
  ctx: InvocationContext,
  viewer: Viewer,
  input: { issueKey: string; cycleId: string; checkId: string; result: CheckResult; note?: string },
): Promise<ApiResult<TicketView>> {
  const by = viewer.accountId;
  const title = ctx.program.checks.find((c) => c.id === input.checkId)?.title ?? input.checkId;
  return changeCycle(ctx, viewer, input.issueKey, input.cycleId, (app, cycle) => {
    const stored = cycle.checks.find((c) => c.id === input.checkId);
    // The same result again (a retried or doubled call) is not a new fact.
    if (stored && stored.result === input.result && stored.note === (input.note?.trim() || undefined)) {
      return { ok: true, value: { cycle, audit: [] } };
    }
    const result = recordCheckResult(cycle, input.checkId, input.result, input.note, by, ctx.at);
    if (!result.ok) return result;
    const audit: Audit[] = [
      {
        at: ctx.at,
        by,
        kind: 'check-recorded',
        cycleId: cycle.id,
        summary: `${title}: ${input.result}${input.note ? ` (${input.note})` : ''}, review ${cycle.id}.`,
        detail: { checkId: input.checkId, result: input.result },
      },
    ];
    return { ok: true, value: { cycle: result.value, audit } };
  });
}

/** An agent sets or corrects the partner's YES/NO answer; the reply it was read from stays as evidence. */
export async function setAnswer(
  ctx: InvocationContext,
  viewer: Viewer,
  input: { issueKey: string; cycleId: string; value: PartnerAnswerValue; categories?: string[]; note?: string },
): Promise<ApiResult<TicketView>> {
  const unknown = (input.categories ?? []).filter((id) => !ctx.program.changeCategories.some((c) => c.id === id));
  if (unknown.length > 0) {
    return refusal('invalid', `Unknown change ${unknown.length === 1 ? 'category' : 'categories'}: ${unknown.join(', ')}. Pick among the program's categories.`);
  }
  if (input.value !== 'YES' && (input.categories?.length ?? 0) > 0) {
    return refusal('invalid', 'Change categories go with a YES answer only.');
  }
  const by = viewer.accountId;
  return changeCycle(ctx, viewer, input.issueKey, input.cycleId, (_app, cycle) => {
    if (cycle.state === 'cancelled') {
      return { ok: false, error: { code: 'not-allowed', message: `Review ${cycle.id} was cancelled; its answer can no longer change.` } };
    }
    const categories = [...new Set(input.categories ?? [])];
    const same = cycle.answer;
    if (
      same?.source === 'agent' &&
      same.value === input.value &&
      same.reason === (input.note || undefined) &&
      same.categories.join(',') === categories.join(',')
    ) {
      return { ok: true, value: { cycle, audit: [] } };
    }
    const answer: PartnerAnswer = { value: input.value, categories: [...new Set(input.categories ?? [])], source: 'agent', by, at: ctx.at };
    if (cycle.answer?.commentId) answer.commentId = cycle.answer.commentId;
    if (cycle.answer?.text) answer.text = cycle.answer.text;
    if (input.note) answer.reason = input.note;
    const previous = cycle.answer ? ` (was ${cycle.answer.value}, from ${cycle.answer.source})` : '';
    const audit: Audit[] = [
      {
        at: ctx.at,
        by,
        kind: 'answer-recorded',
        cycleId: cycle.id,
        summary:
          `Answer for review ${cycle.id} set to ${input.value}${previous}` +
          (answer.categories.length ? `; categories: ${answer.categories.join(', ')}` : '') +
          (input.note ? `: ${input.note}` : '.'),
        detail: { value: input.value, source: 'agent' },
      },
    ];
    return { ok: true, value: { cycle: recordPartnerAnswer(cycle, answer), audit } };
  });
}

/** A concern about an approved app's compliance opens an extra review with the same checks and deadline rule. */
export async function raiseEscalation(
  ctx: InvocationContext,
  viewer: Viewer,
  input: { issueKey: string; text: string; source: 'atlassian' | 'customer' },
): Promise<ApiResult<TicketView>> {
  const by = viewer.accountId;
  const text = input.text.trim();
  const updated = await updateTrackedApp(ctx, input.issueKey, (app) => {
    if (!app.approval) {
      return { ok: false, error: { code: 'not-allowed', message: `Escalations are for approved apps; ${app.issueKey} is at stage ${app.submission.stage}.` } };
    }
    const open = app.reviews.find((c) => c.kind === 'escalation' && !CLOSED_REVIEW_STATES.includes(c.state));
    // The same concern twice (a double click, a retried call) opens one review, not two.
    if (open?.concern?.text === text) return { ok: true, value: { app, audit: [] } };
    if (open) {
      return {
        ok: false,
        error: { code: 'not-allowed', message: `Escalation ${open.id} (raised ${open.concern?.at.slice(0, 10) ?? open.windowStart}) is still open; add the new concern to it on the ticket, or close it first.` },
      };
    }
    const cycle = openEscalation({ text, source: input.source }, ctx.today, app.reviews, ctx.program, by, ctx.at);
    const audit: Audit[] = [
      {
        at: ctx.at,
        by,
        kind: 'escalation-raised',
        cycleId: cycle.id,
        summary: `Escalation ${cycle.id} raised (${input.source} concern): ${text}. Review window ${cycle.windowStart} to ${cycle.windowEnd}, issues due by ${cycle.remediationDue}.`,
        detail: { source: input.source },
      },
    ];
    return { ok: true, value: { app: { ...app, reviews: [...app.reviews, cycle] }, audit } };
  });
  if (!updated.ok) return refused(updated.error, input.issueKey);
  return { ok: true, data: await loadTicketView(ctx, input.issueKey, viewer, { app: updated.value }) };
}

/** Audit lines for the cycles `ensureNextCycle` added, and for the state a change moved a cycle to. */
export function scheduledAudit(before: TrackedApp, after: TrackedApp, by: string, at: IsoDateTime): Audit[] {
  const known = new Set(before.reviews.map((c) => c.id));
  return after.reviews
    .filter((c) => !known.has(c.id))
    .map((c) => ({
      at,
      by,
      kind: 'review-scheduled' as const,
      cycleId: c.id,
      summary: `Annual review ${c.id} scheduled: notice on ${c.noticeOn}, review window ${c.windowStart} to ${c.windowEnd}, issues due by ${c.remediationDue}.`,
    }));
}

type CycleChange = (
  app: TrackedApp,
  cycle: ReviewCycle,
) => { ok: true; value: { cycle: ReviewCycle; audit: Audit[] } } | { ok: false; error: { code: 'invalid' | 'not-allowed' | 'not-found'; message: string } };

/** Changes one review cycle of an app, notes a state change, and keeps the next annual review scheduled. */
async function changeCycle(
  ctx: InvocationContext,
  viewer: Viewer,
  issueKey: string,
  cycleId: string,
  change: CycleChange,
): Promise<ApiResult<TicketView>> {
  const by = viewer.accountId;
  const appChange: AppChange = (app) => {
    const cycle = app.reviews.find((c) => c.id === cycleId);
    if (!cycle) {
      const ids = app.reviews.map((c) => c.id);
      return {
        ok: false,
        error: { code: 'not-found', message: `${issueKey} has no review “${cycleId}”${ids.length ? ` (its reviews: ${ids.join(', ')})` : ' (it has no reviews yet)'}.` },
      };
    }
    const changed = change(app, cycle);
    if (!changed.ok) return changed;
    const next = changed.value.cycle;
    const audit = [...changed.value.audit];
    if (next.state !== cycle.state) {
      audit.push({
        at: ctx.at,
        by,
        kind: 'review-state-changed',
        cycleId,
        summary: `Review ${cycleId} moved from ${cycle.state} to ${next.state}.`,
        detail: { from: cycle.state, to: next.state },
      });
    }
    const withCycle: TrackedApp = { ...app, reviews: app.reviews.map((c) => (c.id === cycleId ? next : c)) };
    const scheduled = app.approval ? ensureNextCycle(withCycle, ctx.today, ctx.program, ctx.at) : withCycle;
    audit.push(...scheduledAudit(withCycle, scheduled, by, ctx.at));
    return { ok: true, value: { app: scheduled, audit } };
  };
  const updated = await updateTrackedApp(ctx, issueKey, appChange);
  if (!updated.ok) return refused(updated.error, issueKey);
  return { ok: true, data: await loadTicketView(ctx, issueKey, viewer, { app: updated.value }) };
}

function refused(error: AppWriteError, issueKey: string): ApiResult<never> {
  if (error.code === 'not-found' && /not tracked/i.test(error.message)) return refusal('not-tracked', notTrackedMessage(issueKey));
  return { ok: false, error: fromError(error) };
}
