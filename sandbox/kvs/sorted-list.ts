/** Values the store sorts and compares: strings by code unit, numbers numerically, numbers before strings. */
export type SortValue = string | number | boolean;

export function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
  const rank = (v: SortValue) => (typeof v === 'boolean' ? 0 : typeof v === 'number' ? 1 : 2);
  return rank(a) - rank(b);
}

export interface IndexEntry {
  range: SortValue;
  key: string;
}

function compareEntries(a: IndexEntry, b: IndexEntry): number {
  return compareValues(a.range, b.range) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Entries kept sorted by (range, key): inserts and removals by binary search, so queries read only
 * the slice they need however large the store grows.
 */
export class SortedEntries {
  readonly items: IndexEntry[] = [];

  /** First position whose entry is not before `probe`. */
  lowerBound(probe: IndexEntry): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(this.items[mid] as IndexEntry, probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First position whose range value is >= `range` (inclusive) or > `range` (exclusive). */
  rangeBound(range: SortValue, inclusive: boolean): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareValues((this.items[mid] as IndexEntry).range, range);
      if (c < 0 || (!inclusive && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(entry: IndexEntry): void {
    const at = this.lowerBound(entry);
    const there = this.items[at];
    if (there && compareEntries(there, entry) === 0) return;
    this.items.splice(at, 0, entry);
  }

  remove(entry: IndexEntry): void {
    const at = this.lowerBound(entry);
    const there = this.items[at];
    if (there && compareEntries(there, entry) === 0) this.items.splice(at, 1);
  }

  get size(): number {
    return this.items.length;
  }
}

/** Plain string keys kept sorted, for `beginsWith` queries with cursors. */
export class SortedKeys {
  readonly keys: string[] = [];

  bound(key: string, inclusive: boolean): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid] as string;
      if (k < key || (!inclusive && k === key)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(key: string): void {
    const at = this.bound(key, true);
    if (this.keys[at] !== key) this.keys.splice(at, 0, key);
  }

  remove(key: string): void {
    const at = this.bound(key, true);
    if (this.keys[at] === key) this.keys.splice(at, 1);
  }
}
