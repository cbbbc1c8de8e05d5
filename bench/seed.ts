/**
 * Seeding for the benchmark: tickets go into the Jira emulator (as people created them, no
 * request counted) and tracked apps go straight into the store through the app's own storage
 * adapter, outside any invocation, so seeding 100,000 apps takes seconds, not 100,000 resolver calls.
 */
import type { Sandbox } from '../sandbox';
import { KvsTrackedAppStore } from '../src/adapters/storage/tracked-app-store';
import { CLOUD_FORTIFIED } from '../src/domain/cloud-fortified';
import type { IsoDate } from '../src/domain/dates';
import { ensureNextCycle } from '../src/domain/review-cycle';
import type { TrackedApp } from '../src/domain/tracked-app';
import { summaryProperty, SUMMARY_PROPERTY_KEY } from '../src/services/summary-property';

export const AGENT = 'bench-agent';
export const PARTNER = 'bench-partner';
const SEED_AT = '2025-12-31T12:00:00.000Z';
const PARALLEL = 50;

const templates = new Map<string, TrackedApp>();

/** An approved app whose next annual review is scheduled as of `today` (the dates worked out once per approval day). */
export function approvedApp(issueKey: string, issueId: string, approvedOn: IsoDate, today: IsoDate): TrackedApp {
  const id = `${approvedOn}|${today}`;
  let template = templates.get(id);
  if (!template) templates.set(id, (template = scheduledApp(approvedOn, today)));
  return { ...structuredClone(template), issueKey, issueId, appName: `Bench app ${issueKey}` };
}

function scheduledApp(approvedOn: IsoDate, today: IsoDate): TrackedApp {
  const issueKey = 'CFP-0';
  const issueId = '0';
  const base: TrackedApp = {
    issueKey,
    issueId,
    appName: `Bench app ${issueKey}`,
    createdAt: SEED_AT,
    createdBy: AGENT,
    submission: {
      stage: 'approved',
      stageSince: SEED_AT,
      components: CLOUD_FORTIFIED.components.map((c) => ({ id: c.id, status: 'met' as const, by: AGENT, at: SEED_AT })),
    },
    approval: { approvedOn, by: AGENT, at: SEED_AT },
    reviews: [],
    nextActionOn: null,
    version: 1,
  };
  return ensureNextCycle(base, today, CLOUD_FORTIFIED, SEED_AT);
}

export function seedPeople(sandbox: Sandbox): void {
  sandbox.jira.addUser({ accountId: AGENT, displayName: 'Bench agent', kind: 'agent' });
  sandbox.jira.addUser({ accountId: PARTNER, displayName: 'Bench partner', kind: 'partner' });
}

/**
 * Seeds `count` approved apps, each on its own ticket. `approvedOn(i)` gives each app's approval
 * day. The JQL summary property is set on each ticket as the app would have mirrored it (the
 * naive strategy reads it). `store: false` leaves the app's store empty (the naive strategy has
 * none). Returns the issue keys in seeding order.
 */
export async function seedApps(
  sandbox: Sandbox,
  count: number,
  approvedOn: (i: number) => IsoDate,
  today: IsoDate,
  options: { store: boolean } = { store: true },
): Promise<string[]> {
  const store = new KvsTrackedAppStore();
  const keys: string[] = [];
  for (let start = 0; start < count; start += PARALLEL) {
    const batch: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(count, start + PARALLEL); i++) {
      const key = sandbox.jira.addIssue({
        summary: `Bench app ${i}`,
        status: 'Approved',
        reporter: PARTNER,
        requestType: 'App submission',
      });
      const issue = sandbox.jira.issue(key);
      const app = approvedApp(key, issue?.id ?? String(i), approvedOn(i), today);
      sandbox.jira.setProperty(key, SUMMARY_PROPERTY_KEY, summaryProperty(app, CLOUD_FORTIFIED, today));
      keys.push(key);
      if (!options.store) continue;
      batch.push(
        store.create(app).then((r) => {
          if (!r.ok) throw new Error(`seeding ${key}: already tracked`);
        }),
      );
    }
    await Promise.all(batch);
  }
  return keys;
}
