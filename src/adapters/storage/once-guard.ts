import { kvs, WhereConditions } from '@forge/kvs';
import { randomUUID } from 'node:crypto';
import type { Clock, EffectMark, OnceGuard } from '../../ports';
import { markKey } from '../jira/comments';
import { storageKey } from './storage-keys';

/** A batch deletes at most this many keys (the platform's batch limit). */
const BATCH_MAX = 25;
/** Leftovers are few (one per crash); a sweep reads no more than this many of each kind. */
const SWEEP_LIMIT = 50;

interface Claim {
  token: string;
  claimedAt: string;
  /** Epoch milliseconds after which another caller may take the claim over; absent: never. */
  expiresAt?: number;
}

/**
 * One-time claims in plain keys `once:<key>`, taken with `FAIL_IF_EXISTS` so duplicates running
 * at the same moment get exactly one winner. A claim with an expiry (a holder that may crash) is
 * taken over once expired with an atomic swap that returns the previous value: only the caller
 * that swapped out the expired claim itself wins.
 */
export class KvsOnceGuard implements OnceGuard {
  constructor(private readonly clock: Clock) {}

  async claim(key: string, ttlSeconds?: number): Promise<boolean> {
    const id = storageKey('once:', key);
    const now = this.clock.now().getTime();
    const claim: Claim = { token: randomUUID(), claimedAt: new Date(now).toISOString() };
    if (ttlSeconds !== undefined) claim.expiresAt = now + ttlSeconds * 1000;

    try {
      await kvs.set(id, claim, { keyPolicy: 'FAIL_IF_EXISTS' });
      return true;
    } catch (error) {
      const held = await kvs.get<Claim>(id);
      if (held === undefined) {
        // The holder finished and deleted its claim in between: the record now guards the effect.
        if (keyExisted(error)) return false;
        throw error;
      }
      if (held.expiresAt === undefined || held.expiresAt > now) return false;
      const swapped = await kvs.set<Claim, Claim>(id, claim, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
      return swapped?.value?.token === held.token;
    }
  }

  async release(key: string): Promise<void> {
    await kvs.delete(storageKey('once:', key));
  }

  async done(key: string, marks: EffectMark[]): Promise<void> {
    const keys = [storageKey('once:', key), ...marks.map((mark) => storageKey('posted:', markKey(mark)))];
    await deleteAll([...new Set(keys)]);
  }

  async sweep(issueKey: string, claimPrefix: string, isClosed: (cycleId: string) => boolean): Promise<number> {
    // Claims are `<claimPrefix><cycle>:<kind>:<due>`, notes `<issue>:<cycle>:<effect>`.
    const claims = await keysUnder(`once:${claimPrefix}`, 2, isClosed);
    const notes = await keysUnder(`posted:${issueKey}:`, 1, isClosed);
    const keys = [...claims, ...notes];
    if (keys.length > 0) await deleteAll(keys);
    return keys.length;
  }
}

/** A refused FAIL_IF_EXISTS write: by the store's conflict status, whatever code names it. */
function keyExisted(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, responseDetails } = error as { code?: unknown; responseDetails?: { status?: unknown } };
  return code === 'KEY_ALREADY_EXISTS' || responseDetails?.status === 409;
}

/** Keys under `prefix` whose cycle (what lies between the prefix and the last `tail` segments) is closed. */
async function keysUnder(prefix: string, tail: number, isClosed: (cycleId: string) => boolean): Promise<string[]> {
  const page = await kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(SWEEP_LIMIT).getMany();
  return page.results
    .map((r) => r.key)
    .filter((key) => {
      const segments = key.slice(prefix.length).split(':');
      const cycleId = segments.slice(0, segments.length - tail).join(':');
      return segments.length > tail && isClosed(cycleId);
    });
}

/** Deleting a key that is already gone succeeds, so a repeated cleanup is harmless. */
async function deleteAll(keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += BATCH_MAX) {
    const result = await kvs.batchDelete(keys.slice(i, i + BATCH_MAX).map((key) => ({ key })));
    if (result.failedKeys.length > 0) {
      throw new Error(
        `${result.failedKeys.length} helper keys not deleted: ${result.failedKeys.map((f) => f.key).join(', ')}`,
      );
    }
  }
}
