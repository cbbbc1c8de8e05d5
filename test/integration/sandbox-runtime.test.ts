import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Sandbox } from '../../sandbox';
import { AGENT, fixtureSandbox, jiraCall, kvsCall, PARTNER } from './sandbox-helpers';

describe('sandbox product events', () => {
  let sb: Sandbox;
  let key: string;
  beforeEach(async () => {
    ({ sb, key } = await fixtureSandbox());
  });
  afterEach(() => sb.close());

  it('delivers a partner comment to the trigger, and not the comment the app posts in reply (ignoreSelf)', async () => {
    const commentId = sb.jira.addComment(key, { author: PARTNER, body: 'No significant changes this year.' });
    await sb.deliverPendingEvents();
    expect(sb.kvs.get('events:count')).toBe(1);
    expect(sb.kvs.get('events:1')).toEqual({
      type: 'avi:jira:commented:issue',
      issueKey: key,
      commentId,
      author: PARTNER,
      actor: PARTNER,
      changelog: null,
    });
    // the trigger answered with an internal comment; its own event was not delivered back
    expect(sb.jira.comments(key).map((c) => [c.author, c.public])).toEqual([
      [PARTNER, true],
      [sb.appAccountId, false],
    ]);
    await sb.deliverPendingEvents();
    expect(sb.kvs.get('events:count')).toBe(1);
  });

  it('delivers a status change made in Jira with its changelog', async () => {
    sb.jira.setStatus(key, 'In triage', AGENT);
    await sb.deliverPendingEvents();
    expect(sb.kvs.get('events:1')).toMatchObject({
      type: 'avi:jira:updated:issue',
      actor: AGENT,
      changelog: { items: [expect.objectContaining({ field: 'status', fromString: 'Open', toString: 'In triage' })] },
    });
  });
});

describe('sandbox queue and scheduled trigger', () => {
  let sb: Sandbox;
  afterEach(() => sb.close());

  it('runs the sweep, delivers every pushed event, and redelivers one whose consumer threw', async () => {
    ({ sb } = await fixtureSandbox());
    for (const item of ['a', 'b', 'flaky-c']) sb.kvs.seed(`todo:${item}`, true);
    await sb.runScheduledTrigger();
    expect(sb.queue.pending).toEqual([]);
    expect([sb.kvs.get('delivered:a'), sb.kvs.get('delivered:b'), sb.kvs.get('delivered:flaky-c')]).toEqual([1, 1, 2]);
    const stats = sb.stats();
    expect(stats).toMatchObject({ queuePushes: 1, queueEvents: 3 });
    expect(stats.invocations.filter((i) => i.function === 'work').map((i) => i.ok)).toEqual([true, true, false, true]);
  });

  it('refuses a push of more than 50 events, like Forge', async () => {
    ({ sb } = await fixtureSandbox());
    const r = await sb.invokeResolver(
      'push',
      { bodies: Array.from({ length: 51 }, (_, i) => ({ i })) },
      { accountId: AGENT },
    );
    expect(r).toMatchObject({ ok: false, error: 'TooManyEventsError' });
    expect(sb.queue.events).toBe(0);
  });
});

describe('sandbox faults', () => {
  async function faultyRun(seed: number) {
    const { sb, key } = await fixtureSandbox({ seed, faults: { rate: 0.5 } });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      try {
        statuses.push(
          (await jiraCall(sb, { path: `/rest/api/3/issue/${key}/properties/p${i}`, method: 'PUT', body: { i } }))
            .status,
        );
      } catch {
        statuses.push(-1); // the function died after its write
      }
    }
    for (const item of ['a', 'b', 'c', 'd']) sb.kvs.seed(`todo:${item}`, true);
    for (let h = 0; h < 3; h++) await sb.runScheduledTrigger();
    const result = {
      statuses,
      faults: sb.faultLog(),
      sweeps: sb.kvs.get('sweep-runs'),
      properties: Object.keys(sb.jira.issue(key)?.properties ?? {}).length,
    };
    await sb.close();
    return result;
  }

  it('injects the same faults for the same seed, and different ones for another seed', async () => {
    const first = await faultyRun(7);
    const again = await faultyRun(7);
    const other = await faultyRun(8);
    expect(again).toEqual(first);
    expect(other.faults).not.toEqual(first.faults);
    const kinds = new Set([...first.faults, ...other.faults].map((f) => f.fault));
    expect(kinds).toEqual(
      new Set([
        'request-fault',
        'dropped-after-write',
        'crash-after-write',
        'duplicate-trigger-run',
        'duplicate-delivery',
      ]),
    );
    expect(first.statuses).toEqual(expect.arrayContaining([429]));
    // a write whose answer was lost still happened
    const dropped = first.statuses.filter((s) => s === 502 || s === 503 || s === -1).length;
    expect(first.properties).toBeGreaterThanOrEqual(first.statuses.filter((s) => s === 201).length + 1);
    expect(dropped).toBeGreaterThan(0);
  });

  it('answers a rate-limited request with 429 and a short Retry-After', async () => {
    const { sb, key } = await fixtureSandbox({ seed: 3, faults: { rate: 1 } });
    let seen429 = false;
    for (let i = 0; i < 20 && !seen429; i++) {
      const r = await jiraCall(sb, { path: `/rest/api/3/issue/${key}` }).catch(() => undefined);
      if (r?.status === 429) {
        seen429 = true;
        expect(r.retryAfter).toBe('1');
      }
    }
    expect(seen429).toBe(true);
    await sb.close();
  });
});

describe('sandbox clock and persistence', () => {
  it('shows handlers the sandbox time through Date and moves only when told', async () => {
    const { sb } = await fixtureSandbox({ now: '2026-03-11T00:00:00Z' });
    expect(await sb.invokeResolver('now', {}, { accountId: AGENT })).toEqual({
      now: '2026-03-11T00:00:00.000Z',
      epoch: Date.parse('2026-03-11T00:00:00Z'),
    });
    sb.clock.advance(14 * 86_400_000);
    expect(sb.clock.today()).toBe('2026-03-25');
    sb.clock.set('2026-03-31T23:30:00Z');
    expect(sb.clock.today('Pacific/Auckland')).toBe('2026-04-01');
    expect(((await sb.invokeResolver('now', {}, { accountId: AGENT })) as { now: string }).now).toBe(
      '2026-03-31T23:30:00.000Z',
    );
    await sb.close();
    expect(new Date().getFullYear()).toBeGreaterThanOrEqual(2025); // the real clock is back
  });

  it('keeps Jira, the store, the queue and the clock across a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cf-sandbox-'));
    try {
      {
        const { sb, key } = await fixtureSandbox({ dataDir });
        sb.jira.addComment(key, { author: PARTNER, body: 'YES' });
        sb.jira.setProperty(key, 'fixture-summary', { stage: 'triage' });
        sb.kvs.seed('CFP-1', { issueKey: 'CFP-1', dueDate: '2026-03-11', program: 'cf' }, 'tracked');
        await sb.invokeResolver('kvs', { op: 'set', key: 'app:CFP-1', value: { v: 3 } }, { accountId: AGENT });
        await sb.invokeResolver('push', { bodies: [{ item: 'later' }] }, { accountId: AGENT });
        sb.clock.advance(3_600_000);
        await sb.close();
      }
      const { sb, key } = await fixtureSandbox({ dataDir, now: undefined });
      expect(sb.clock.now().toISOString()).toBe('2026-03-01T10:00:00.000Z');
      expect(sb.jira.comments(key).map((c) => c.text)).toEqual(['YES']);
      expect(sb.jira.property(key, 'fixture-summary')).toEqual({ stage: 'triage' });
      expect(sb.kvs.get('app:CFP-1')).toEqual({ v: 3 });
      expect(
        await sb.invokeResolver('entity', { op: 'query', lessThan: '2026-12-31' }, { accountId: AGENT }),
      ).toMatchObject({ keys: ['CFP-1'] });
      expect(sb.queue.pending.map((e) => e.body)).toEqual([{ item: 'later' }]);
      expect(sb.jira.outbox).toHaveLength(1); // the partner's comment is still to be delivered
      await sb.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('product event retries, as Forge runs them', () => {
  it('redelivers an event whose trigger returns an InvocationError, at most four times, and never one that throws', async () => {
    const { sb, key } = await fixtureSandbox();
    try {
      sb.jira.addUser({ accountId: 'retry-asker', displayName: 'Retry Asker', kind: 'partner' });
      sb.jira.addUser({ accountId: 'thrower', displayName: 'Thrower', kind: 'partner' });
      sb.jira.addParticipant(key, 'retry-asker');
      sb.jira.addParticipant(key, 'thrower');
      const asked = sb.jira.addComment(key, { author: 'retry-asker', body: 'again' });
      const thrown = sb.jira.addComment(key, { author: 'thrower', body: 'boom' });
      const before = sb.clock.now().getTime();
      await sb.deliverPendingEvents();
      const keys = (await kvsCall(sb, { op: 'query', prefix: 'deliveries:', limit: 20 })).keys ?? [];
      expect(keys.filter((k) => k.startsWith(`deliveries:${asked}:`)).sort()).toEqual(
        [0, 1, 2, 3, 4].map((n) => `deliveries:${asked}:${n}`),
      );
      expect(keys.filter((k) => k.startsWith(`deliveries:${thrown}:`))).toEqual([`deliveries:${thrown}:0`]);
      expect(sb.productEventsGivenUp()).toHaveLength(1);
      // Each redelivery comes as late as the trigger asked.
      expect(sb.clock.now().getTime() - before).toBeGreaterThanOrEqual(4 * 120_000);
    } finally {
      await sb.close();
    }
  });
});
