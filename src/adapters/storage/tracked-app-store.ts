import { Filter, WhereConditions, kvs, Sort } from '@forge/kvs';
import {
  archivedCycleSchema,
  type ArchivedCycle,
  type AuditEntry,
  type ReviewCycle,
  type TrackedApp,
} from '../../domain/model';
import type { SaveOutcome, TrackedAppStore } from '../../ports';
import { auditItem, KvsAuditLog } from './audit-log';
import { NOTHING_PENDING, TRACKED_APP_ENTITY } from './storage-keys';
import { parseStoredApp, type StoredAppProblem } from './tracked-app-schema';

/** The entity as stored: the index attributes beside the whole record. */
interface StoredApp {
  issueKey: string;
  nextActionOn: string;
  stage: string;
  version: number;
  app: TrackedApp;
}

const TRANSACTION_MAX_OPS = 25;
const BATCH_MAX = 25;
const PAGE_MAX = 100;

/** One closed review moved out of the live record: a key per ticket and cycle. */
function archiveKey(issueKey: string, cycleId: string): string {
  return `review-archive:${issueKey}:${cycleId}`;
}

function toStored(app: TrackedApp): StoredApp {
  return {
    issueKey: app.issueKey,
    nextActionOn: app.nextActionOn ?? NOTHING_PENDING,
    stage: app.submission.stage,
    version: app.version,
    app,
  };
}

/**
 * The `tracked-app` custom entity. A record that fails validation is reported (console and
 * `problems`) and treated as absent, so one damaged record never stops the work on the others.
 */
export class KvsTrackedAppStore implements TrackedAppStore {
  readonly problems: StoredAppProblem[] = [];
  private readonly entity = kvs.entity<StoredApp>(TRACKED_APP_ENTITY);

  constructor(private readonly audit: KvsAuditLog = new KvsAuditLog()) {}

  async get(issueKey: string): Promise<TrackedApp | null> {
    const stored = await this.entity.get(issueKey);
    return stored === undefined ? null : this.read(stored, issueKey);
  }

  async getMany(issueKeys: string[]): Promise<TrackedApp[]> {
    const found = new Map<string, TrackedApp>();
    for (let i = 0; i < issueKeys.length; i += BATCH_MAX) {
      const chunk = issueKeys.slice(i, i + BATCH_MAX);
      const result = await kvs.batchGet<StoredApp>(chunk.map((key) => ({ key, entityName: TRACKED_APP_ENTITY })));
      for (const item of result.successfulKeys) {
        const app = this.read(item.value, item.key);
        if (app) found.set(item.key, app);
      }
      for (const failed of result.failedKeys) {
        if (failed.error.code !== 'KEY_NOT_FOUND')
          this.report({ issueKey: failed.key, problems: [`not read: ${failed.error.code} ${failed.error.message}`] });
      }
    }
    // In the order asked, without the missing ones.
    return issueKeys.flatMap((key) => found.get(key) ?? []);
  }

  async create(app: TrackedApp, audit: AuditEntry[] = []): Promise<{ ok: true } | { ok: false; reason: 'exists' }> {
    try {
      await this.entity.set(app.issueKey, toStored(app), { keyPolicy: 'FAIL_IF_EXISTS' });
    } catch (error) {
      // Whatever the store's error code, a record now present means someone created it first.
      if ((await this.entity.get(app.issueKey)) !== undefined) return { ok: false, reason: 'exists' };
      throw error;
    }
    if (audit.length) await this.audit.append(audit, { version: app.version });
    return { ok: true };
  }

  async save(app: TrackedApp, audit: AuditEntry[] = [], archived: ReviewCycle[] = []): Promise<SaveOutcome> {
    // The record, the cycles it moves out and as much history as fits go in one transaction.
    const moved = archived.slice(0, TRANSACTION_MAX_OPS - 1);
    const inline = audit.slice(0, TRANSACTION_MAX_OPS - 1 - moved.length);
    const rest = audit.slice(inline.length);
    const expected = app.version - 1;
    const tx = kvs.transact().set(app.issueKey, toStored(app), {
      entityName: TRACKED_APP_ENTITY,
      conditions: new Filter<StoredApp>().and('version', WhereConditions.equalTo(expected)),
    });
    for (const cycle of moved)
      tx.set(archiveKey(app.issueKey, cycle.id), { issueKey: app.issueKey, cycle } satisfies ArchivedCycle);
    for (const [index, entry] of inline.entries()) {
      const item = auditItem(entry, { version: app.version, index });
      tx.set(item.key, item.value, { entityName: item.entityName });
    }
    try {
      await tx.execute();
    } catch (error) {
      const stored = await this.entity.get(app.issueKey);
      if (!stored || stored.version !== expected) {
        // Our own write may have landed with its answer lost: then it is not a conflict.
        if (stored && stored.version === app.version && JSON.stringify(stored.app) === JSON.stringify(app)) {
          if (rest.length) await this.audit.append(rest, { version: app.version, offset: inline.length });
          return { ok: true, app };
        }
        return { ok: false, reason: 'conflict' };
      }
      throw error;
    }
    if (rest.length) await this.audit.append(rest, { version: app.version, offset: inline.length });
    return { ok: true, app };
  }

  async dueOnOrBefore(day: string, cursor?: string): Promise<{ issueKeys: string[]; nextCursor?: string }> {
    let query = this.entity
      .query()
      .index('by-next-action')
      .where(WhereConditions.lessThanEqualTo(day))
      .sort(Sort.ASC)
      .limit(PAGE_MAX);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    const issueKeys = page.results.map((r) => (typeof r.value?.issueKey === 'string' ? r.value.issueKey : r.key));
    return page.nextCursor ? { issueKeys, nextCursor: page.nextCursor } : { issueKeys };
  }

  async list(cursor?: string, limit = PAGE_MAX): Promise<{ apps: TrackedApp[]; nextCursor?: string }> {
    let query = this.entity
      .query()
      .index('by-next-action')
      .sort(Sort.ASC)
      .limit(Math.max(1, Math.min(PAGE_MAX, Math.floor(limit))));
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    const apps = page.results.flatMap((r) => this.read(r.value, r.key) ?? []);
    return page.nextCursor ? { apps, nextCursor: page.nextCursor } : { apps };
  }

  async archivedCycles(issueKey: string): Promise<ReviewCycle[]> {
    const cycles: ReviewCycle[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs
        .query()
        .where('key', WhereConditions.beginsWith(archiveKey(issueKey, '')))
        .limit(PAGE_MAX);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const result of page.results) {
        const parsed = archivedCycleSchema.safeParse(result.value);
        if (parsed.success) cycles.push(parsed.data.cycle);
        else this.report({ issueKey, problems: [`archived review ${result.key} is not valid`] });
      }
      cursor = page.nextCursor;
    } while (cursor);
    return cycles.sort((a, b) => a.windowStart.localeCompare(b.windowStart));
  }

  private read(stored: unknown, key: string): TrackedApp | null {
    const app = (stored as { app?: unknown } | null)?.app;
    const parsed = parseStoredApp(app, key);
    if (parsed.ok) return parsed.app;
    this.report(parsed.problem);
    return null;
  }

  private report(problem: StoredAppProblem): void {
    this.problems.push(problem);
    console.error(`stored record ${problem.issueKey} skipped: ${problem.problems.join('; ')}`);
  }
}
