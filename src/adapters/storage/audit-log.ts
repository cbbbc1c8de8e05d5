import { kvs, Sort } from '@forge/kvs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AuditEntry } from '../../domain/tracked-app';
import type { AuditLog } from '../../services/ports';
import { AUDIT_ENTITY } from './storage-keys';

interface StoredEntry {
  issueKey: string;
  at: string;
  entry: AuditEntry;
}

const BATCH_MAX = 25;
const PAGE_MAX = 100;

const entrySchema = z
  .object({
    issueKey: z.string(),
    at: z.string(),
    by: z.string(),
    kind: z.string(),
    summary: z.string(),
    cycleId: z.string().optional(),
    detail: z.record(z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  })
  .passthrough();

/** The stored form of one entry; the random part keeps two entries of the same instant apart. */
export function auditItem(entry: AuditEntry): { key: string; entityName: string; value: StoredEntry } {
  return {
    key: `${entry.issueKey}#${entry.at}#${randomUUID().slice(0, 8)}`,
    entityName: AUDIT_ENTITY,
    value: { issueKey: entry.issueKey, at: entry.at, entry },
  };
}

/** The append-only history (`audit-entry` entity, `by-issue` index). */
export class KvsAuditLog implements AuditLog {
  async append(entries: AuditEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += BATCH_MAX) {
      const result = await kvs.batchSet(entries.slice(i, i + BATCH_MAX).map(auditItem));
      if (result.failedKeys.length) {
        const first = result.failedKeys[0]!;
        throw new Error(`${result.failedKeys.length} history entries not written (${first.key}: ${first.error.code} ${first.error.message})`);
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
        const parsed = entrySchema.safeParse(result.value?.entry);
        if (parsed.success) entries.push(parsed.data as AuditEntry);
        else console.error(`history entry ${result.key} skipped: it is not a valid entry`);
      }
      cursor = page.nextCursor;
    } while (cursor && entries.length < wanted);
    return entries.slice(0, wanted);
  }
}
