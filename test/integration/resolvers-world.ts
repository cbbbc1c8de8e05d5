import type { ResolverKey, ResolverPayload, ResolverResponse, TicketView } from '../../src/contract';
import { createSandbox, type Sandbox } from '../../sandbox';

/** People of the sandbox's service desk, as the resolvers' tests use them. */
export const AGENT = 'agent-ada';
export const ADMIN = 'admin-grace';
export const PARTNER = 'partner-pat';
export const STRANGER = 'partner-sam';

export const MODULES = {
  panel: 'cf-tracker-panel',
  apps: 'cf-tracker-apps',
  settings: 'cf-tracker-settings',
  portal: 'cf-tracker-portal-panel',
} as const;

export interface World {
  sb: Sandbox;
  /** Calls a resolver as `accountId`, from the issue panel of `issueKey` or from a page. */
  call<K extends ResolverKey>(
    key: K,
    payload: ResolverPayload<K> | Record<string, unknown>,
    as: { accountId: string; issueKey?: string; moduleKey?: string },
  ): Promise<ResolverResponse<K>>;
  /** A ticket raised by the partner on the portal. */
  ticket(summary: string, status?: string): string;
  /** The tracked panel's view, failing the test when the call is refused. */
  view(issueKey: string, accountId?: string): Promise<Extract<TicketView, { tracked: true }>>;
}

export async function createWorld(
  now = '2026-03-02T09:00:00Z',
  faults?: { rate: number; seed: number },
): Promise<World> {
  const sb = await createSandbox({
    now,
    log: () => undefined,
    ...(faults ? { faults: { rate: faults.rate }, seed: faults.seed } : {}),
  });
  sb.jira.addUser({ accountId: AGENT, displayName: 'Ada Agent', kind: 'agent' });
  sb.jira.addUser({ accountId: ADMIN, displayName: 'Grace Admin', kind: 'admin' });
  sb.jira.addUser({ accountId: PARTNER, displayName: 'Pat Partner', kind: 'partner' });
  sb.jira.addUser({ accountId: STRANGER, displayName: 'Sam Someone', kind: 'partner' });
  const world: World = {
    sb,
    call: async (key, payload, as) => {
      const moduleKey = as.moduleKey ?? (as.issueKey ? MODULES.panel : MODULES.apps);
      // People click one after another: each call happens a second after the previous one.
      sb.clock.advance(1000);
      return (await sb.invokeResolver(key, payload, { ...as, moduleKey })) as never;
    },
    ticket: (summary, status) =>
      sb.jira.addIssue({ summary, reporter: PARTNER, requestType: 'App submission', ...(status ? { status } : {}) }),
    view: async (issueKey, accountId = AGENT) => {
      const answer = await world.call('getTicketState', { issueKey }, { accountId, issueKey });
      if (!answer.ok) throw new Error(`getTicketState refused: ${answer.error.code} ${answer.error.message}`);
      if (!answer.data.tracked) throw new Error(`${issueKey} is not tracked`);
      return answer.data;
    },
  };
  return world;
}

/** The data of an answer, failing the test with the refusal's own words otherwise. */
export function data<T>(answer: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!answer.ok) throw new Error(`refused: ${answer.error.code}: ${answer.error.message}`);
  return answer.data;
}

export function refusalOf(answer: { ok: boolean; error?: { code: string; message: string } }): {
  code: string;
  message: string;
} {
  if (answer.ok || !answer.error) throw new Error('expected a refusal, the call succeeded');
  return answer.error;
}
