/** mulberry32: a small, fast PRNG; the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type RequestFault =
  | { kind: 'none' }
  | { kind: 'rate-limited' } // 429 + Retry-After, before doing anything
  | { kind: 'server-error'; status: 500 | 503 } // before doing anything
  | { kind: 'dropped-after-write'; status: 502 | 503 }; // the write happened, the caller sees an error

export interface FaultRecord {
  step: number;
  fault: string;
  where: string;
}

/**
 * Decides, from a seed, which steps fail. Every decision draws from the one sequence, so the same
 * seed and the same run give the same faults. With rate 0 nothing ever fails.
 */
export class FaultPlan {
  private readonly random: () => number;
  private step = 0;
  readonly log: FaultRecord[] = [];

  constructor(
    seed: number,
    readonly rate: number,
  ) {
    if (!(rate >= 0 && rate <= 1)) throw new Error(`faults.rate must be between 0 and 1, not ${rate}`);
    this.random = mulberry32(seed);
  }

  get enabled(): boolean {
    return this.rate > 0;
  }

  private draw(p: number, fault: string, where: string): boolean {
    if (!this.enabled) return false;
    this.step++;
    const hit = this.random() < p;
    if (hit) this.log.push({ step: this.step, fault, where });
    return hit;
  }

  /** A product (Jira) request, before it is performed. */
  beforeRequest(where: string): RequestFault {
    if (!this.draw(this.rate, 'request-fault', where)) return { kind: 'none' };
    const r = this.random();
    if (r < 0.5) return { kind: 'rate-limited' };
    return { kind: 'server-error', status: r < 0.75 ? 500 : 503 };
  }

  /** A write that was performed: does the connection drop before the answer reaches the caller? */
  dropAfterWrite(where: string): RequestFault {
    if (!this.draw(this.rate / 3, 'dropped-after-write', where)) return { kind: 'none' };
    return { kind: 'dropped-after-write', status: this.random() < 0.5 ? 502 : 503 };
  }

  /** Does the function die right after this write (as if killed between two steps)? */
  crashAfterWrite(where: string): boolean {
    return this.draw(this.rate / 4, 'crash-after-write', where);
  }

  duplicateTrigger(where: string): boolean {
    return this.draw(this.rate, 'duplicate-trigger-run', where);
  }

  duplicateDelivery(where: string): boolean {
    return this.draw(this.rate, 'duplicate-delivery', where);
  }
}
