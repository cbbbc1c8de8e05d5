import Resolver, { type Request } from '@forge/resolver';
import { forgePorts } from '../adapters/forge-ports';
import { isJiraError } from '../adapters/jira/jira-errors';
import {
  PORTAL_MODULE_KEY,
  PORTAL_PAYLOAD_SCHEMAS,
  PORTAL_RESOLVER_KEYS,
  type ApiResult,
  type PortalApi,
  type PortalKey,
  type PortalView,
} from '../contract';
import { partnerView } from '../domain/partner-view';
import type { CategoryDetail, PartnerAnswer } from '../domain/review-types';
import { structuredAnswerText } from '../domain/structured-answer';
import { refusal } from '../views/api-result';
import { loadInvocationContext, type InvocationContext } from '../services/invocation-context';
import { recordStructuredAnswer } from '../services/partner-reply';
import type { Ports } from '../ports';

/**
 * The customer portal panel's resolver: its own function, so the agents' calls are not reachable
 * from the portal. It answers only the portal module, only about the request the panel is shown
 * on, and only to that request's partner (its reporter or a participant, not an agent).
 */

const PARTNERS_ONLY =
  'Only the partner who raised this request, or one of its participants, can see and answer the review here.';
export const PORTAL_EVIDENCE = 'answered on the portal';

/** Who may use the panel on a request: one function, so the role rule can be replaced in one place. */
export type PartnerCheck = (ctx: InvocationContext, issueKey: string, accountId: string) => Promise<boolean>;

/**
 * The request's reporter or a participant who is not one of its agents (agents use the issue
 * panel): the user's own permissions on the ticket, then JSM's reporter and participants.
 */
export const requestPartner: PartnerCheck = async (ctx, issueKey, accountId) => {
  const standing = await ctx.ports.jira.callerOnTicket(issueKey, accountId);
  return standing.isPartner && !standing.canEdit;
};

/** The request the panel is on: the portal's context names it `request`, an issue context `issue`. */
function contextIssueKey(context: Request['context']): string | undefined {
  const extension = context?.extension as { request?: { key?: unknown }; issue?: { key?: unknown } } | undefined;
  const key = extension?.request?.key ?? extension?.issue?.key;
  return typeof key === 'string' && /^[A-Z][A-Z0-9_]*-\d+$/.test(key) ? key : undefined;
}

async function viewOf(ctx: InvocationContext, issueKey: string): Promise<PortalView> {
  const app = await ctx.ports.apps.get(issueKey);
  return app
    ? { tracked: true, issueKey, view: partnerView(app, ctx.program, ctx.today) }
    : { tracked: false, issueKey };
}

async function answerOnPortal(
  ctx: InvocationContext,
  issueKey: string,
  accountId: string,
  p: PortalApi['answerOnPortal']['payload'],
): Promise<ApiResult<PortalView>> {
  const before = await viewOf(ctx, issueKey);
  const review = before.tracked ? before.view.review : undefined;
  if (!review || review.id !== p.cycleId)
    return refusal('not-found', 'This request has no such review; reload the panel.');
  if (!review.canAnswer)
    return refusal(
      'not-allowed',
      'The significant-change question of this review is closed; reply on the request if something changed.',
    );
  const unknown = p.categories.filter((c) => !ctx.program.changeCategories.some((k) => k.id === c.id)).map((c) => c.id);
  if (unknown.length > 0)
    return refusal('invalid', `Unknown change categories: ${unknown.join(', ')}. Reload the panel.`);
  if (p.value === 'NO' && p.categories.length > 0) return refusal('invalid', 'Tick categories only with a YES answer.');
  if (p.value === 'YES' && p.categories.some((c) => c.whatChanged === ''))
    return refusal('invalid', 'Say what changed in each category you ticked.');
  const given = new Map(p.categories.map((c) => [c.id, c]));
  // In the program's order, one per category.
  const details: CategoryDetail[] = ctx.program.changeCategories.flatMap((k) => {
    const c = given.get(k.id);
    return c
      ? [{ categoryId: c.id, whatChanged: c.whatChanged, effect: c.effect, listingUpdated: c.listingUpdated }]
      : [];
  });
  const answer: PartnerAnswer = {
    value: p.value,
    categories: details.map((d) => d.categoryId),
    ...(details.length ? { details } : {}),
    source: 'form',
    text: structuredAnswerText(ctx.program, p.value, details, PORTAL_EVIDENCE),
    reason: PORTAL_EVIDENCE,
    by: accountId,
    at: ctx.at,
  };
  await recordStructuredAnswer(ctx, issueKey, p.cycleId, answer);
  return { ok: true, data: await viewOf(ctx, issueKey) };
}

/** One portal call: the module, the request and the partner are checked before anything is read. */
export async function callPortalResolver<K extends PortalKey>(
  ports: Ports,
  key: K,
  request: Request,
  isPartner: PartnerCheck,
): Promise<ApiResult<PortalApi[K]['result']>> {
  try {
    if (request.context?.moduleKey !== PORTAL_MODULE_KEY)
      return refusal('forbidden', 'This call belongs to the Cloud Fortified panel of the customer portal.');
    const issueKey = contextIssueKey(request.context);
    const accountId = typeof request.context?.accountId === 'string' ? request.context.accountId : '';
    if (!issueKey || !accountId) return refusal('forbidden', PARTNERS_ONLY);
    const checked = PORTAL_PAYLOAD_SCHEMAS[key].safeParse(request.payload ?? {});
    if (!checked.success)
      return refusal(
        'invalid',
        `The request is not valid: ${checked.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')}`,
      );
    const ctx = await loadInvocationContext(ports);
    if (!(await isPartner(ctx, issueKey, accountId))) return refusal('forbidden', PARTNERS_ONLY);
    if (key === 'getPortalView') return { ok: true, data: await viewOf(ctx, issueKey) };
    return await answerOnPortal(ctx, issueKey, accountId, checked.data as PortalApi['answerOnPortal']['payload']);
  } catch (error) {
    console.error(
      `portal resolver ${key} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    if (isJiraError(error))
      return refusal('jira-unavailable', 'Jira did not answer as expected; try again in a moment.');
    return refusal('internal', 'Something went wrong in the app; try again in a moment.');
  }
}

const definitions = new Resolver();
for (const key of PORTAL_RESOLVER_KEYS) {
  definitions.define(key, (request: Request) => callPortalResolver(forgePorts(), key, request, requestPartner));
}

export const portalResolver = definitions.getDefinitions();
