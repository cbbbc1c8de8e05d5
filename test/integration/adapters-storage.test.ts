import { kvs } from '@forge/kvs';
import type { Sandbox } from '../../sandbox';
import { forgePorts } from '../../src/adapters/forge-ports';
import { batches, ForgeWorkQueue, KEYS_PER_EVENT } from '../../src/adapters/queue';
import { KvsOnceGuard } from '../../src/adapters/storage/once-guard';
import { KvsTrackedAppStore } from '../../src/adapters/storage/tracked-app-store';
import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { setComponentStatus, startSubmission } from '../../src/domain/submission';
import type { TrackedApp } from '../../src/domain/tracked-app';
import { loadInvocationContext } from '../../src/services/invocation-context';
import { createTrackedApp, updateTrackedApp } from '../../src/services/update-app';
import { adapterSandbox, AGENT, QUICK_RETRY } from './adapters-helpers';

const AT = '2026-03-01T09:00:00.000Z';

function appRecord(issueKey: string, nextActionOn: string | null = null): TrackedApp {
  return {
    issueKey,
    issueId: String(10000 + Number(issueKey.split('-')[1])),
    appName: `App ${issueKey}`,
    createdAt: AT,
    createdBy: AGENT,
    submission: startSubmission(CLOUD_FORTIFIED, AGENT, AT),
    reviews: [],
    nextActionOn,
    version: 1,
  };
}

const component = (id: string, status: 'met' | 'submitted') => (app: TrackedApp) => {
  const changed = setComponentStatus(app.submission, CLOUD_FORTIFIED, { componentId: id, status }, AGENT, AT);
  if (!changed.ok) return changed;
  return {
    ok: true as const,
    value: {
      app: { ...app, submission: changed.value },
      audit: [{ at: AT, by: AGENT, kind: 'component-changed' as const, summary: `${id} is ${status}` }],
    },
  };
};

describe('tracked apps in the key-value store', () => {
  let sb: Sandbox;
  afterEach(async () => sb?.close());

  it('keeps both of two concurrent updates (an agent’s click racing the sweep)', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    const ctx = await loadInvocationContext(forgePorts({ retry: QUICK_RETRY }));
    expect(
      (
        await createTrackedApp(ctx, appRecord(made.key), [
          { at: AT, by: AGENT, kind: 'tracking-started', summary: 'Tracking started' },
        ])
      ).ok,
    ).toBe(true);

    const [a, b] = await Promise.all([
      updateTrackedApp(ctx, made.key, component('bug-bounty', 'met')),
      updateTrackedApp(ctx, made.key, component('privacy-security-tab', 'submitted')),
    ]);
    expect(a.ok && b.ok).toBe(true);

    const stored = await ctx.ports.apps.get(made.key);
    expect(stored?.version).toBe(3);
    const status = (id: string) => stored?.submission.components.find((c) => c.id === id)?.status;
    expect(status('bug-bounty')).toBe('met');
    expect(status('privacy-security-tab')).toBe('submitted');
    const history = await ctx.ports.audit.forIssue(made.key);
    expect(history.map((h) => h.summary).sort()).toEqual([
      'Tracking started',
      'bug-bounty is met',
      'privacy-security-tab is submitted',
    ]);
    expect(sb.jira.property(made.key, 'cf-tracker-summary')).toMatchObject({
      stage: 'submitted',
      appName: `App ${made.key}`,
      overdue: 'false',
    });
  });

  it('says when a ticket is not tracked, and writes nothing for a change that changes nothing', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    const ctx = await loadInvocationContext(forgePorts({ retry: QUICK_RETRY }));
    const missing = await updateTrackedApp(ctx, 'CFP-999', (app) => ({ ok: true, value: { app, audit: [] } }));
    expect(missing).toEqual({
      ok: false,
      error: { code: 'not-tracked', message: 'CFP-999 is not tracked by the app.' },
    });
    await createTrackedApp(ctx, appRecord(made.key), []);
    sb.resetStats();
    const same = await updateTrackedApp(ctx, made.key, (app) => ({ ok: true, value: { app, audit: [] } }));
    expect(same.ok && same.value.version).toBe(1);
    expect(sb.stats().kvsOps).toEqual({ 'entity/get': 1 });
    expect(sb.stats().jiraRequests).toBe(0);
  });

  it('refuses a second creation and a stale save', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    const store = new KvsTrackedAppStore();
    expect(await store.create(appRecord(made.key))).toEqual({ ok: true });
    expect(await store.create(appRecord(made.key))).toEqual({ ok: false, reason: 'exists' });
    expect(await store.save({ ...appRecord(made.key), version: 2, appName: 'First' })).toMatchObject({ ok: true });
    expect(await store.save({ ...appRecord(made.key), version: 2, appName: 'Stale' })).toEqual({
      ok: false,
      reason: 'conflict',
    });
    expect((await store.get(made.key))?.appName).toBe('First');
  });

  it('reads only the apps that are due, through the index', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    const store = new KvsTrackedAppStore();
    const due = ['CFP-101', 'CFP-102', 'CFP-103'];
    await store.create(appRecord('CFP-101', '2026-02-20'));
    await store.create(appRecord('CFP-102', '2026-03-01'));
    await store.create(appRecord('CFP-103', '2026-03-11'));
    for (let n = 104; n < 134; n++) await store.create(appRecord(`CFP-${n}`, n % 2 ? '2026-04-01' : null));
    sb.resetStats();

    const page = await store.dueOnOrBefore('2026-03-11');
    expect(page.issueKeys).toEqual(due);
    expect(page.nextCursor).toBeUndefined();
    expect(sb.stats().kvsOps).toEqual({ 'entity/query': 1 });
  });

  it('skips a damaged stored record with a report, and serves the others', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    const store = new KvsTrackedAppStore();
    await store.create(appRecord('CFP-201', '2026-03-01'));
    await kvs.entity('tracked-app').set('CFP-202', {
      issueKey: 'CFP-202',
      nextActionOn: '2026-03-01',
      stage: 'triage',
      version: 1,
      app: { issueKey: 'CFP-202', reviews: 'lots' },
    });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect((await store.getMany(['CFP-201', 'CFP-202', 'CFP-203'])).map((a) => a.issueKey)).toEqual(['CFP-201']);
      expect(await store.get('CFP-202')).toBeNull();
      expect((await store.list()).apps.map((a) => a.issueKey)).toEqual(['CFP-201']);
      expect(store.problems[0]).toMatchObject({ issueKey: 'CFP-202' });
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('stored record CFP-202 skipped'));
    } finally {
      errors.mockRestore();
    }
  });
});

describe('settings, one-time claims and the review queue', () => {
  let sb: Sandbox;
  afterEach(async () => sb?.close());

  it('falls back to the default program, with a problem, when the stored settings are unreadable', async () => {
    sb = (await adapterSandbox()).sb;
    const { settings } = forgePorts();
    expect(await settings.load()).toEqual({ settings: CLOUD_FORTIFIED });
    await kvs.set('program-settings', { name: '', timezone: 'Mars/Olympus' });
    const loaded = await settings.load();
    expect(loaded.settings).toEqual(CLOUD_FORTIFIED);
    expect(loaded.problem).toMatch(/not valid/);
    await settings.save({ ...CLOUD_FORTIFIED, timezone: 'Europe/Paris' });
    expect((await settings.load()).settings.timezone).toBe('Europe/Paris');
  });

  it('gives a claim to exactly one caller, and an expired claim to exactly one taker', async () => {
    sb = (await adapterSandbox()).sb;
    const once = new KvsOnceGuard({ now: () => sb.clock.now() });
    const first = await Promise.all([
      once.claim('notice:CFP-1:2027', 600),
      once.claim('notice:CFP-1:2027', 600),
      once.claim('notice:CFP-1:2027', 600),
    ]);
    expect(first.filter(Boolean)).toHaveLength(1);
    sb.clock.advance(11 * 60 * 1000);
    const takeover = await Promise.all([once.claim('notice:CFP-1:2027', 600), once.claim('notice:CFP-1:2027', 600)]);
    expect(takeover.filter(Boolean)).toHaveLength(1);
    expect(await once.claim('forever', undefined)).toBe(true);
    sb.clock.advance(365 * 24 * 3600 * 1000);
    expect(await once.claim('forever', undefined)).toBe(false);
    await once.release('forever');
    expect(await once.claim('forever')).toBe(true);
  });

  it('pushes a big day of due reviews within the queue’s limits', async () => {
    sb = (await adapterSandbox()).sb;
    const keys = Array.from({ length: 1234 }, (_, i) => `CFP-${i + 1}`);
    await new ForgeWorkQueue().pushReviewWork(keys, '2026-03-11');
    const events = Math.ceil(keys.length / KEYS_PER_EVENT);
    expect(sb.stats().queueEvents).toBe(events);
    expect(sb.stats().queuePushes).toBe(Math.ceil(events / 50));
    const bodies = sb.queue.pending.map((e) => (e as unknown as { body: { issueKeys: string[]; day: string } }).body);
    expect(bodies.flatMap((b) => b.issueKeys)).toEqual(keys);
    expect(new Set(bodies.map((b) => b.day))).toEqual(new Set(['2026-03-11']));
    expect(batches([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });
});
