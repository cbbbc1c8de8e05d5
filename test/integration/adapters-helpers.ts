import { randomUUID } from 'crypto';
import { createSandbox, type Sandbox } from '../../sandbox';
import { invocations } from '../../sandbox/runtime/forge-fetch';

export const AGENT = 'agent-ada';
export const PARTNER = 'partner-pat';

/** A sandbox with an agent, a partner and one submission ticket; faults as asked. */
export async function adapterSandbox(faults?: { rate: number; seed?: number }): Promise<{ sb: Sandbox; key: string }> {
  const sb = await createSandbox({
    now: '2026-03-01T09:00:00Z',
    seed: faults?.seed ?? 1,
    ...(faults ? { faults: { rate: faults.rate } } : {}),
    log: () => undefined,
  });
  sb.jira.addUser({ accountId: AGENT, displayName: 'Ada Agent', kind: 'agent' });
  sb.jira.addUser({ accountId: PARTNER, displayName: 'Pat Partner', kind: 'partner' });
  const key = sb.jira.addIssue({
    summary: 'Acme Timesheets for Jira',
    reporter: PARTNER,
    requestType: 'App submission',
  });
  return { sb, key };
}

/** Runs `work` as one function invocation of the platform (where the sandbox injects its faults). */
export function inInvocation<T>(work: () => Promise<T>, accountId?: string): Promise<T> {
  const invocation = {
    id: randomUUID(),
    functionKey: 'adapters-test',
    moduleKey: 'adapters-test',
    crashed: false,
    deadline: performance.now() + 25_000,
    ...(accountId ? { accountId } : {}),
  };
  return invocations.run(invocation, work);
}

/**
 * Runs `work` in fresh invocations until one completes, as the platform's retries of a failed
 * invocation would (an injected crash kills the rest of its invocation).
 */
export async function untilDone<T>(work: () => Promise<T>, attempts = 12): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await inInvocation(work);
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

/** Short back-offs; the longest wait still honours the sandbox's one-second Retry-After. */
export const QUICK_RETRY = { attempts: 6, baseDelayMs: 5, maxDelayMs: 1500 };
