import { createSandbox, type Sandbox } from '../../sandbox';
import { EFFECT_PROPERTY } from '../../src/adapters/jira/comments';
import { addDays } from '../../src/domain/calendar';

export const AGENT = 'agent-1';
export const ADMIN = 'admin-1';

/**
 * A sandbox with `count` apps approved on 2026-03-04 (partners `partner-<i>`), imported through
 * the resolver: their 2027 notice is due on 2027-03-11.
 */
export async function withApps(count: number, options: { faults?: number; seed?: number } = {}) {
  const sandbox = await createSandbox({
    now: '2027-03-01T00:00:00Z',
    seed: options.seed ?? 1,
    ...(options.faults ? { faults: { rate: options.faults } } : {}),
  });
  sandbox.jira.addUser({ accountId: AGENT, displayName: 'Agent', kind: 'agent' });
  sandbox.jira.addUser({ accountId: ADMIN, displayName: 'Admin', kind: 'admin' });
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    sandbox.jira.addUser({ accountId: `partner-${i}`, displayName: `Partner ${i}`, kind: 'partner' });
    keys.push(
      sandbox.jira.addIssue({
        summary: `App ${i}`,
        status: 'Approved',
        reporter: `partner-${i}`,
        requestType: 'App submission',
      }),
    );
  }
  const csv = keys.map((k, i) => `${k},2026-03-04,App ${i}`).join('\n');
  // With faults an import may die half-way; importing again skips what is already tracked.
  let imported = false;
  for (let attempt = 0; attempt < 10 && !imported; attempt++) {
    const answer = (await sandbox
      .invokeResolver('importApproved', { csv }, { accountId: ADMIN, moduleKey: 'cf-tracker-settings' })
      .catch(() => null)) as { ok: boolean } | null;
    imported = answer?.ok === true;
  }
  if (!imported) throw new Error('the apps could not be imported');
  return { sandbox, keys };
}

/** Every comment the app marked, as `<cycle>:<effect>`, in the order posted. */
export function marks(sandbox: Sandbox, key: string): string[] {
  return sandbox.jira
    .comments(key)
    .map((c) => c.properties[EFFECT_PROPERTY] as { cycleId?: string; effect?: string } | undefined)
    .filter((m): m is { cycleId?: string; effect?: string } => !!m)
    .map((m) => `${m.cycleId}:${m.effect}`);
}

/** Runs the sweep (and what it queues, and the product events) at `times` UTC on every day from `from` to `to`. */
export async function runDays(sandbox: Sandbox, from: string, to: string, times: string[] = ['00:05']): Promise<void> {
  for (let day = from; day <= to; day = addDays(day, 1)) {
    for (const time of times) {
      sandbox.clock.set(`${day}T${time}:00Z`);
      await sandbox.runScheduledTrigger();
      await sandbox.deliverPendingEvents();
    }
  }
}
