import { kvs } from '@forge/kvs';
import { randomUUID } from 'node:crypto';
import type { Clock, OnceGuard } from '../../services/ports';
import { storageKey } from './storage-keys';

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
      if (held === undefined) throw error; // not a "key exists" failure
      if (held.expiresAt === undefined || held.expiresAt > now) return false;
      const swapped = await kvs.set<Claim, Claim>(id, claim, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
      return swapped?.value?.token === held.token;
    }
  }

  async release(key: string): Promise<void> {
    await kvs.delete(storageKey('once:', key));
  }
}
