import { kvs, Sort } from '@forge/kvs';
import { randomUUID } from 'node:crypto';
import { auditEntrySchema, type AuditEntry } from '../../domain/model';
import type { AuditLog } from '../../ports';
import { AUDIT_ENTITY } from './storage-keys';

interface StoredEntry {
  issueKey: string;
  at: string;
  entry: AuditEntry;
}

const BATCH_MAX = 25;
const PAGE_MAX = 100;

/** Where an entry stands among the entries of its write: the record version written with it, and its place. */
export interface AuditOrder {
  /** The version of the record saved with the entries; absent for entries written on their own. */
  version?: number;
  /** The entry's place in its write, from 0. */
  index: number;
}

const SEQ_MAX = 9999;

/**
 * The `by-issue` range value: the instant, then the write, then the place in it. Sorted newest
 * first, writes of one instant come latest version first (entries written on their own, which
 * follow a record's write, above them), and the entries of one write in the order written.
 */
export function auditRange(at: string, order: AuditOrder): string {
  const write = order.version === undefined ? '~' : String(order.version).padStart(10, '0');
  const place = String(SEQ_MAX - Math.min(SEQ_MAX, Math.max(0, order.index))).padStart(4, '0');
  return `${at}#${write}#${place}`;
}

/** The stored form of one entry; the random part keeps the keys of two entries of the same instant apart. */
export function auditItem(
  entry: AuditEntry,
  order: AuditOrder = { index: 0 },
): { key: string; entityName: string; value: StoredEntry } {
  return {
    key: `${entry.issueKey}#${entry.at}#${randomUUID().slice(0, 8)}`,
    entityName: AUDIT_ENTITY,
    value: { issueKey: entry.issueKey, at: auditRange(entry.at, order), entry },
  };
}

/** The append-only history (`audit-entry` entity, `by-issue` index). */
export class KvsAuditLog implements AuditLog {
  /** `order` places the entries after the first `offset` of a write saved with record `version`. */
  async append(entries: AuditEntry[], order: { version?: number; offset?: number } = {}): Promise<void> {
    const offset = order.offset ?? 0;
    const items = entries.map((entry, i) =>
      auditItem(entry, { ...(order.version === undefined ? {} : { version: order.version }), index: offset + i }),
    );
    for (let i = 0; i < items.length; i += BATCH_MAX) {
      const result = await kvs.batchSet(items.slice(i, i + BATCH_MAX));
      if (result.failedKeys.length) {
        const first = result.failedKeys[0]!;
        throw new Error(
          `${result.failedKeys.length} history entries not written (${first.key}: ${first.error.code} ${first.error.message})`,
        );
      }
    }
  }

  async forIssue(issueKey: string, limit = 50): Promise<AuditEntry[]> {
    const wanted = Math.max(1, Math.floor(limit));
    const entries: AuditEntry[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs
        .entity<StoredEntry>(AUDIT_ENTITY)
        .query()
        .index('by-issue', { partition: [issueKey] })
        .sort(Sort.DESC)
        .limit(Math.min(PAGE_MAX, wanted - entries.length));
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const result of page.results) {
        const parsed = auditEntrySchema.safeParse(result.value?.entry);
        if (parsed.success) entries.push(parsed.data);
        else console.error(`history entry ${result.key} skipped: it is not a valid entry`);
      }
      cursor = page.nextCursor;
    } while (cursor && entries.length < wanted);
    return entries.slice(0, wanted);
  }
}
