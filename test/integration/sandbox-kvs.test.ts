import type { Sandbox } from '../../sandbox';
import { AGENT, fixtureSandbox, kvsCall } from './sandbox-helpers';

describe('sandbox key-value store, through the real @forge/kvs', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    ({ sb } = await fixtureSandbox());
  });
  afterEach(() => sb.close());

  it('sets, gets and deletes; a missing key reads as undefined', async () => {
    expect(await kvsCall(sb, { op: 'set', key: 'app:CFP-1', value: { stage: 'triage' } })).toEqual({ ok: true });
    expect(await kvsCall(sb, { op: 'get', key: 'app:CFP-1' })).toEqual({ ok: true, value: { stage: 'triage' } });
    expect(await kvsCall(sb, { op: 'delete', key: 'app:CFP-1' })).toEqual({ ok: true });
    expect(await kvsCall(sb, { op: 'get', key: 'app:CFP-1' })).toEqual({ ok: true, value: null });
    expect(sb.stats().kvsOps).toMatchObject({ set: 1, get: 2, delete: 1 });
  });

  it('refuses a second FAIL_IF_EXISTS set with 409 and keeps the first value', async () => {
    expect(
      await kvsCall(sb, {
        op: 'set',
        key: 'once:notice:CFP-1',
        value: 'first',
        options: { keyPolicy: 'FAIL_IF_EXISTS' },
      }),
    ).toEqual({ ok: true });
    const second = await kvsCall(sb, {
      op: 'set',
      key: 'once:notice:CFP-1',
      value: 'second',
      options: { keyPolicy: 'FAIL_IF_EXISTS' },
    });
    expect(second).toMatchObject({ ok: false, code: 'KEY_ALREADY_EXISTS', status: 409 });
    expect(sb.kvs.get('once:notice:CFP-1')).toBe('first');
  });

  it('enforces the key syntax, key length and value size with the documented codes', async () => {
    expect(await kvsCall(sb, { op: 'set', key: 'a/b', value: 1 })).toMatchObject({ ok: false, code: 'INVALID_KEY' });
    expect(await kvsCall(sb, { op: 'set', key: 'k'.repeat(501), value: 1 })).toMatchObject({
      ok: false,
      code: 'KEY_TOO_LONG',
    });
    expect(await kvsCall(sb, { op: 'set', key: 'big', value: 'x'.repeat(240 * 1024) })).toMatchObject({
      ok: false,
      code: 'MAX_SIZE',
    });
    expect(await kvsCall(sb, { op: 'set', key: 'k'.repeat(500), value: 1 })).toEqual({ ok: true });
  });

  it('queries keys by prefix in key order, page by page with cursors', async () => {
    for (const k of ['todo:3', 'todo:1', 'other:1', 'todo:2', 'todo:10']) sb.kvs.seed(k, true);
    const first = await kvsCall(sb, { op: 'query', prefix: 'todo:', limit: 2 });
    expect(first.keys).toEqual(['todo:1', 'todo:10']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await kvsCall(sb, { op: 'query', prefix: 'todo:', limit: 2, cursor: first.nextCursor });
    expect(second.keys).toEqual(['todo:2', 'todo:3']);
    expect(second.nextCursor).toBeNull();
    expect(await kvsCall(sb, { op: 'query', prefix: 'todo:', limit: 101 })).toMatchObject({
      ok: false,
      code: 'LIST_QUERY_LIMIT_EXCEEDED',
    });
  });

  it('expires values when their TTL passes on the sandbox clock', async () => {
    await kvsCall(sb, { op: 'set', key: 'lock:sweep', value: 1, options: { ttl: { value: 10, unit: 'MINUTES' } } });
    sb.clock.advance(9 * 60_000);
    expect((await kvsCall(sb, { op: 'get', key: 'lock:sweep' })).value).toBe(1);
    sb.clock.advance(2 * 60_000);
    expect((await kvsCall(sb, { op: 'get', key: 'lock:sweep' })).value).toBeNull();
  });
});

describe('sandbox custom entities', () => {
  let sb: Sandbox;
  const call = (p: Record<string, unknown>) =>
    sb.invokeResolver('entity', p, { accountId: AGENT }) as Promise<{
      ok: boolean;
      keys?: string[];
      nextCursor?: string | null;
      code?: string;
      value?: unknown;
    }>;
  beforeEach(async () => {
    ({ sb } = await fixtureSandbox());
    const rows: [string, string, string, number][] = [
      ['CFP-1', '2026-03-11', 'cf', 1],
      ['CFP-2', '2026-03-25', 'cf', 2],
      ['CFP-3', '2026-02-14', 'cf', 3],
      ['CFP-4', '2026-03-11', 'next', 4],
      ['CFP-5', '2026-04-30', 'cf', 5],
    ];
    for (const [k, due, program, count] of rows)
      sb.kvs.seed(k, { issueKey: k, dueDate: due, program, count }, 'tracked');
  });
  afterEach(() => sb.close());

  it('answers range queries on an index in order, with cursors', async () => {
    expect((await call({ op: 'query', lessThan: '2026-03-12' })).keys).toEqual(['CFP-3', 'CFP-1', 'CFP-4']);
    const page1 = await call({ op: 'query', from: '2026-03-01', to: '2026-04-30', limit: 2 });
    expect(page1.keys).toEqual(['CFP-1', 'CFP-4']);
    const page2 = await call({ op: 'query', from: '2026-03-01', to: '2026-04-30', limit: 2, cursor: page1.nextCursor });
    expect(page2.keys).toEqual(['CFP-2', 'CFP-5']);
    expect((await call({ op: 'query', lessThan: '2026-12-31', sort: 'DESC', limit: 2 })).keys).toEqual([
      'CFP-5',
      'CFP-2',
    ]);
  });

  it('keeps partitions apart and applies filters', async () => {
    expect((await call({ op: 'query', program: 'cf', lessThan: '2026-03-31' })).keys).toEqual([
      'CFP-3',
      'CFP-1',
      'CFP-2',
    ]);
    expect((await call({ op: 'query', program: 'next', lessThan: '2026-03-31' })).keys).toEqual(['CFP-4']);
    expect((await call({ op: 'query', lessThan: '2026-12-31', minCount: 4 })).keys).toEqual(['CFP-4', 'CFP-5']);
  });

  it('moves an entity in the index when its range value changes, and rejects undeclared attributes', async () => {
    expect(
      await call({
        op: 'set',
        key: 'CFP-3',
        value: { issueKey: 'CFP-3', dueDate: '2027-01-01', program: 'cf', count: 3 },
      }),
    ).toEqual({ ok: true });
    expect((await call({ op: 'query', lessThan: '2026-03-12' })).keys).toEqual(['CFP-1', 'CFP-4']);
    expect(await call({ op: 'set', key: 'CFP-9', value: { issueKey: 'CFP-9', colour: 'red' } })).toMatchObject({
      ok: false,
      code: 'INVALID_ENTITY_VALUE',
    });
  });

  it('runs transactions all or nothing, with at most 25 operations', async () => {
    const ok = await sb.invokeResolver(
      'transact',
      {
        sets: [
          { key: 'a', value: 1 },
          { key: 'b', value: 2 },
        ],
        checkKey: 'CFP-2',
        checkMin: 2,
      },
      { accountId: AGENT },
    );
    expect(ok).toEqual({ ok: true });
    const refused = await sb.invokeResolver(
      'transact',
      { sets: [{ key: 'c', value: 3 }], checkKey: 'CFP-2', checkMin: 3 },
      { accountId: AGENT },
    );
    expect(refused).toMatchObject({ ok: false, code: 'CONDITION_CHECK_FAILED' });
    expect(sb.kvs.get('c')).toBeUndefined();
    const tooMany = await sb.invokeResolver(
      'transact',
      { sets: Array.from({ length: 26 }, (_, i) => ({ key: `t${i}`, value: i })) },
      { accountId: AGENT },
    );
    expect(tooMany).toMatchObject({ ok: false, code: 'TOO_MANY_OPERATIONS' });
    expect(sb.kvs.get('t0')).toBeUndefined();
  });
});
