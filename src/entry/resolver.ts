import Resolver, { type Request } from '@forge/resolver';
import { forgePorts } from '../adapters/forge-ports';
import { isJiraError, isNeedsAuthentication, isRefusal } from '../adapters/jira/jira-errors';
import { RESOLVER_KEYS, type ResolverKey, type ResolverResponse } from '../contract';
import type { Caller } from './access';
import { refusal } from '../views/api-result';
import { loadInvocationContext } from '../services/invocation-context';
import type { Ports } from '../ports';
import { RESOLVER_HANDLERS } from './resolver-handlers';
import { checkPayload } from './resolver-schemas';

/**
 * One resolver call: the payload is checked, the caller is who the platform says, and whatever
 * happens the bridge gets an answer (an unexpected error is logged and answered as `internal`).
 */
export async function callResolver<K extends ResolverKey>(
  ports: Ports,
  key: K,
  request: Request,
): Promise<ResolverResponse<K>> {
  try {
    const checked = checkPayload(key, request.payload);
    if (!checked.ok) return refusal('invalid', checked.message);
    const ctx = await loadInvocationContext(ports);
    return await RESOLVER_HANDLERS[key](ctx, callerOf(request.context), checked.payload);
  } catch (error) {
    // Forge turns this into the consent prompt on the page; answering it would hide the prompt.
    if (isNeedsAuthentication(error)) throw error;
    if (isRefusal(error)) {
      console.warn(`resolver ${key}: Jira refused: ${error.message}`);
      return refusal(
        'forbidden',
        `Jira did not allow this for your account (${error.status}): ${error.messages.join(' ') || 'no access'}.`,
      );
    }
    console.error(`resolver ${key} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (isJiraError(error))
      return refusal('jira-unavailable', 'Jira did not answer as expected; try again in a moment.');
    return refusal(
      'internal',
      'Something went wrong in the app; try again, and tell the program’s administrators if it keeps happening.',
    );
  }
}

/** The calling account, the module and, in the issue panel, the panel's ticket, from the platform's context. */
export function callerOf(context: Request['context']): Caller {
  const caller: Caller = {};
  if (typeof context?.accountId === 'string' && context.accountId) caller.accountId = context.accountId;
  if (typeof context?.moduleKey === 'string' && context.moduleKey) caller.moduleKey = context.moduleKey;
  const extension = context?.extension as { issue?: { key?: unknown } } | undefined;
  const issueKey = extension?.issue?.key;
  if (typeof issueKey === 'string' && issueKey) caller.contextIssueKey = issueKey;
  return caller;
}

const definitions = new Resolver();
for (const key of RESOLVER_KEYS)
  definitions.define(key, (request: Request) => callResolver(forgePorts(), key, request));

export const resolver = definitions.getDefinitions();
