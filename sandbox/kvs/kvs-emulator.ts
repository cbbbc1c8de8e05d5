import { checkCondition, checkFilters, passes, type Condition } from './conditions';
import { BATCH_MAX_ITEMS, checkKey, checkLimit, checkValue, KvsError, TRANSACTION_MAX_OPS } from './kvs-errors';
import { SortedEntries, SortedKeys, type IndexEntry, type SortValue } from './sorted-list';

export interface EntityIndexDef {
  name: string;
  range: string;
  partition: string[];
}

export interface EntityDef {
  name: string;
  attributes: Record<string, { type: string }>;
  indexes: EntityIndexDef[];
}

interface Stored {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expireAt?: number;
}

export interface KvsAnswer {
  status: number;
  body?: unknown;
}

export interface KvsSnapshot {
  kv: [string, Stored][];
  secret: [string, Stored][];
  entities: Record<string, [string, Stored][]>;
}

const TTL_MS: Record<string, number> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

type Space = 'kv' | 'secret' | `entity:${string}`;

interface SetItem {
  key: string;
  value: unknown;
  entityName?: string;
  options?: {
    ttl?: { value: number; unit: string };
    keyPolicy?: string;
    returnValue?: string;
    returnMetadataFields?: string[];
  };
}

function encodeCursor(x: unknown): string {
  return Buffer.from(JSON.stringify(x)).toString('base64url');
}

function decodeCursor<T>(c: unknown): T {
  try {
    return JSON.parse(Buffer.from(String(c), 'base64url').toString('utf8')) as T;
  } catch {
    throw new KvsError(400, 'INVALID_CURSOR', 'The cursor is not valid.');
  }
}

/**
 * The Forge key-value store and custom entity store as `@forge/kvs` 1.6 sees them: the same
 * paths, bodies, answers and error codes, with the documented limits. Entity indexes are kept
 * sorted per partition so a range query reads only what it returns.
 */
export class KvsEmulator {
  private readonly spaces = new Map<Space, Map<string, Stored>>();
  private readonly kvKeys = new SortedKeys();
  private readonly entityDefs = new Map<string, EntityDef>();
  /** entity → index → partition (JSON) → sorted entries */
  private readonly indexes = new Map<string, Map<string, Map<string, SortedEntries>>>();
  readonly ops: Record<string, number> = {};

  constructor(
    entities: EntityDef[],
    private readonly now: () => number,
  ) {
    for (const def of entities) {
      this.entityDefs.set(def.name, def);
      this.indexes.set(def.name, new Map(def.indexes.map((i) => [i.name, new Map<string, SortedEntries>()])));
    }
  }

  /** Answers one request from `@forge/kvs` (path like `/api/v1/set`, parsed JSON body). */
  handle(path: string, body: unknown): KvsAnswer {
    const op = path.replace(/^\/api\/v1\//, '');
    this.ops[op] = (this.ops[op] ?? 0) + 1;
    try {
      return this.dispatch(op, body);
    } catch (e) {
      if (e instanceof KvsError) return { status: e.status, body: { code: e.code, message: e.message } };
      throw e;
    }
  }

  private dispatch(op: string, body: unknown): KvsAnswer {
    const b = (body ?? {}) as Record<string, unknown>;
    switch (op) {
      case 'get':
        return this.getOne('kv', b);
      case 'secret/get':
        return this.getOne('secret', b);
      case 'entity/get':
        return this.getOne(this.entitySpace(b.entityName), b);
      case 'set':
        return this.setOne('kv', b as unknown as SetItem);
      case 'secret/set':
        return this.setOne('secret', b as unknown as SetItem);
      case 'entity/set':
        return this.setOne(this.entitySpace(b.entityName), b as unknown as SetItem);
      case 'delete':
        this.remove('kv', checkKey(b.key));
        return { status: 204 };
      case 'secret/delete':
        this.remove('secret', checkKey(b.key));
        return { status: 204 };
      case 'entity/delete':
        this.remove(this.entitySpace(b.entityName), checkKey(b.key));
        return { status: 204 };
      case 'query':
        return { status: 200, body: this.query(b) };
      case 'entity/query':
        return { status: 200, body: this.queryEntity(b) };
      case 'batch/set':
        return {
          status: 200,
          body: this.batch(body, (item) => this.setOne(this.itemSpace(item), { ...item, options: undefined })),
        };
      case 'batch/delete':
        return {
          status: 200,
          body: this.batch(body, (item) => (this.remove(this.itemSpace(item), checkKey(item.key)), { status: 204 })),
        };
      case 'batch/get':
        return { status: 200, body: this.batchGet(body) };
      case 'transaction':
        this.transact(b);
        return { status: 204 };
      default:
        return { status: 404, body: { code: 'NOT_FOUND', message: `No such storage operation: ${op}` } };
    }
  }

  // ---- inspection (tests, benchmark, local pages) ----

  get(key: string): unknown {
    return this.live('kv', key)?.value;
  }

  entity(entityName: string, key: string): unknown {
    return this.live(`entity:${entityName}`, key)?.value;
  }

  keys(prefix = ''): string[] {
    return this.kvKeys.keys.filter((k) => k.startsWith(prefix) && this.live('kv', k));
  }

  entityKeys(entityName: string): string[] {
    return [...(this.spaces.get(`entity:${entityName}`)?.keys() ?? [])].filter((k) =>
      this.live(`entity:${entityName}`, k),
    );
  }

  /** Writes directly (seeding), with the same checks as the API. */
  seed(key: string, value: unknown, entityName?: string): void {
    const r = this.setOne(entityName ? this.entitySpace(entityName) : 'kv', { key, value });
    if (r.status >= 400) throw new Error(`kvs seed refused: ${JSON.stringify(r.body)}`);
  }

  snapshot(): KvsSnapshot {
    const entities: Record<string, [string, Stored][]> = {};
    for (const name of this.entityDefs.keys())
      entities[name] = [...(this.spaces.get(`entity:${name}`) ?? new Map<string, Stored>())];
    return {
      kv: [...(this.spaces.get('kv') ?? new Map<string, Stored>())],
      secret: [...(this.spaces.get('secret') ?? new Map<string, Stored>())],
      entities,
    };
  }

  restore(s: KvsSnapshot): void {
    for (const [k, v] of s.kv) this.put('kv', k, v);
    for (const [k, v] of s.secret) this.put('secret', k, v);
    for (const [name, rows] of Object.entries(s.entities)) {
      if (!this.entityDefs.has(name)) continue;
      for (const [k, v] of rows) this.put(`entity:${name}`, k, v);
    }
  }

  // ---- internals ----

  private entitySpace(entityName: unknown): Space {
    if (typeof entityName !== 'string' || !this.entityDefs.has(entityName)) {
      throw new KvsError(
        400,
        'INVALID_ENTITY_TYPE',
        `The entity "${String(entityName)}" is not declared in the manifest (app.storage.entities).`,
      );
    }
    return `entity:${entityName}`;
  }

  private itemSpace(item: { entityName?: unknown }): Space {
    return item.entityName === undefined ? 'kv' : this.entitySpace(item.entityName);
  }

  private space(s: Space): Map<string, Stored> {
    let m = this.spaces.get(s);
    if (!m) this.spaces.set(s, (m = new Map<string, Stored>()));
    return m;
  }

  private live(s: Space, key: string): Stored | undefined {
    const stored = this.spaces.get(s)?.get(key);
    if (stored?.expireAt !== undefined && stored.expireAt <= this.now()) {
      this.remove(s, key);
      return undefined;
    }
    return stored;
  }

  private withMetadata(key: string, stored: Stored, fields: unknown, extra: Record<string, unknown> = {}) {
    const f = Array.isArray(fields) ? fields : [];
    return {
      key,
      ...extra,
      value: stored.value,
      ...(f.includes('CREATED_AT') ? { createdAt: stored.createdAt } : {}),
      ...(f.includes('UPDATED_AT') ? { updatedAt: stored.updatedAt } : {}),
      ...(f.includes('EXPIRE_TIME') && stored.expireAt !== undefined
        ? { expireTime: new Date(stored.expireAt).toISOString() }
        : {}),
    };
  }

  private getOne(s: Space, b: Record<string, unknown>): KvsAnswer {
    const key = checkKey(b.key);
    const stored = this.live(s, key);
    if (!stored) return { status: 404, body: { code: 'KEY_NOT_FOUND', message: 'The specified key does not exist.' } };
    // all metadata goes back; @forge/kvs keeps what the caller asked for
    return { status: 200, body: this.withMetadata(key, stored, ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']) };
  }

  private checkEntityValue(s: Space, value: unknown): void {
    if (!s.startsWith('entity:')) return;
    const def = this.entityDefs.get(s.slice('entity:'.length)) as EntityDef;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new KvsError(400, 'INVALID_ENTITY_VALUE', `A ${def.name} entity value must be an object.`);
    }
    for (const [attr, v] of Object.entries(value as Record<string, unknown>)) {
      const t = def.attributes[attr]?.type;
      if (!t)
        throw new KvsError(400, 'INVALID_ENTITY_VALUE', `Attribute "${attr}" is not declared for entity ${def.name}.`);
      if (v === null || v === undefined) continue;
      const ok =
        t === 'any' ||
        (t === 'string' && typeof v === 'string') ||
        (t === 'integer' && Number.isInteger(v)) ||
        (t === 'float' && typeof v === 'number') ||
        (t === 'boolean' && typeof v === 'boolean');
      if (!ok)
        throw new KvsError(
          400,
          'INVALID_ENTITY_VALUE',
          `Attribute "${attr}" of entity ${def.name} must be of type ${t}.`,
        );
    }
  }

  private prepareSet(s: Space, item: SetItem): { key: string; stored: Stored; previous?: Stored } {
    const key = checkKey(item.key);
    checkValue(item.value);
    this.checkEntityValue(s, item.value);
    const now = this.now();
    const previous = this.live(s, key);
    const ttl = item.options?.ttl;
    let expireAt: number | undefined;
    if (ttl) {
      const unit = TTL_MS[ttl.unit];
      if (!unit || typeof ttl.value !== 'number' || ttl.value <= 0)
        throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid: ttl');
      expireAt = now + ttl.value * unit;
    }
    // Stored values are copies: a caller mutating its object afterwards changes nothing here.
    const value = JSON.parse(JSON.stringify(item.value)) as unknown;
    return {
      key,
      previous,
      stored: {
        value,
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
        ...(expireAt !== undefined ? { expireAt } : {}),
      },
    };
  }

  private setOne(s: Space, item: SetItem): KvsAnswer {
    const { key, stored, previous } = this.prepareSet(s, item);
    const policy = item.options?.keyPolicy;
    if (policy !== undefined && policy !== 'OVERRIDE' && policy !== 'FAIL_IF_EXISTS') {
      throw new KvsError(400, 'BAD_REQUEST', `Provided request body is invalid: keyPolicy ${String(policy)}`);
    }
    if (policy === 'FAIL_IF_EXISTS' && previous) {
      throw new KvsError(409, 'KEY_ALREADY_EXISTS', `The key "${key}" already exists.`);
    }
    this.put(s, key, stored);
    const ret = item.options?.returnValue;
    if (ret === 'LATEST')
      return { status: 200, body: this.withMetadata(key, stored, ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']) };
    if (ret === 'PREVIOUS')
      return previous
        ? { status: 200, body: this.withMetadata(key, previous, ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']) }
        : { status: 204 };
    return { status: 204 };
  }

  private put(s: Space, key: string, stored: Stored): void {
    const map = this.space(s);
    const old = map.get(key);
    map.set(key, stored);
    if (s === 'kv') this.kvKeys.insert(key);
    if (s.startsWith('entity:')) this.reindex(s.slice(7), key, old?.value, stored.value);
  }

  private remove(s: Space, key: string): void {
    const map = this.spaces.get(s);
    const old = map?.get(key);
    if (!map || !old) return;
    map.delete(key);
    if (s === 'kv') this.kvKeys.remove(key);
    if (s.startsWith('entity:')) this.reindex(s.slice(7), key, old.value, undefined);
  }

  private indexEntry(
    def: EntityIndexDef,
    key: string,
    value: unknown,
  ): { partition: string; entry: IndexEntry } | undefined {
    if (!value || typeof value !== 'object') return undefined;
    const v = value as Record<string, unknown>;
    const range = v[def.range];
    if (typeof range !== 'string' && typeof range !== 'number' && typeof range !== 'boolean') return undefined;
    const parts: unknown[] = [];
    for (const p of def.partition) {
      if (v[p] === undefined || v[p] === null) return undefined;
      parts.push(v[p]);
    }
    return { partition: JSON.stringify(parts), entry: { range, key } };
  }

  private reindex(entityName: string, key: string, oldValue: unknown, newValue: unknown): void {
    const def = this.entityDefs.get(entityName);
    const byIndex = this.indexes.get(entityName);
    if (!def || !byIndex) return;
    for (const idx of def.indexes) {
      const partitions = byIndex.get(idx.name) as Map<string, SortedEntries>;
      const before = this.indexEntry(idx, key, oldValue);
      if (before) partitions.get(before.partition)?.remove(before.entry);
      const after = this.indexEntry(idx, key, newValue);
      if (after) {
        let list = partitions.get(after.partition);
        if (!list) partitions.set(after.partition, (list = new SortedEntries()));
        list.insert(after.entry);
      }
    }
  }

  private query(b: Record<string, unknown>) {
    const limit = checkLimit(b.limit, 'LIST_QUERY_LIMIT_EXCEEDED');
    const where = b.where as Condition[] | undefined;
    let prefix = '';
    if (where !== undefined) {
      if (!Array.isArray(where) || where.length !== 1)
        throw new KvsError(400, 'QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause.');
      const w = checkCondition(where[0], true);
      if (w.property !== 'key') throw new KvsError(400, 'QUERY_WHERE_FIELD_INVALID', 'Only the key can be queried.');
      if (w.condition !== 'BEGINS_WITH')
        throw new KvsError(400, 'INVALID_FILTER_CONDITION', 'KVS queries support only beginsWith.');
      prefix = String(w.values[0]);
    }
    const fields = (b.options as { metadataFields?: unknown } | undefined)?.metadataFields;
    const after = b.after === undefined || b.after === null ? undefined : decodeCursor<string>(b.after);
    const keys = this.kvKeys.keys;
    let i =
      after === undefined
        ? this.kvKeys.bound(prefix, true)
        : Math.max(this.kvKeys.bound(after, false), this.kvKeys.bound(prefix, true));
    const data: unknown[] = [];
    let last: string | undefined;
    while (i < keys.length && data.length < limit) {
      const k = keys[i] as string;
      if (!k.startsWith(prefix)) break;
      i++;
      const stored = this.live('kv', k);
      if (!stored) {
        i = this.kvKeys.bound(k, false);
        continue;
      }
      data.push(this.withMetadata(k, stored, fields));
      last = k;
    }
    const more = i < keys.length && (keys[i] as string).startsWith(prefix);
    return { data, ...(more && last !== undefined ? { cursor: encodeCursor(last) } : {}) };
  }

  private queryEntity(b: Record<string, unknown>) {
    const entityName = String(b.entityName);
    const space = this.entitySpace(entityName);
    const def = this.entityDefs.get(entityName) as EntityDef;
    const idx = def.indexes.find((i) => i.name === b.indexName);
    if (!idx)
      throw new KvsError(400, 'INVALID_ENTITY_INDEX', `Entity ${entityName} has no index "${String(b.indexName)}".`);
    const limit = checkLimit(b.limit, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
    const partition = (b.partition ?? []) as unknown[];
    if (!Array.isArray(partition) || partition.length !== idx.partition.length) {
      throw new KvsError(
        400,
        'INVALID_PARTITION',
        `Index ${idx.name} needs a partition of ${idx.partition.length} value(s).`,
      );
    }
    const range = b.range === undefined ? undefined : checkCondition(b.range, true);
    const filters = checkFilters(b.filters);
    const sort = b.sort ?? 'ASC';
    if (sort !== 'ASC' && sort !== 'DESC') throw new KvsError(400, 'BAD_REQUEST', 'sort must be ASC or DESC');
    const fields = b.metadataFields ?? (b.options as { metadataFields?: unknown } | undefined)?.metadataFields;
    const list = this.indexes.get(entityName)?.get(idx.name)?.get(JSON.stringify(partition));
    if (!list) return { data: [] };

    let lo = 0;
    let hi = list.size;
    if (range) {
      const [a, z] = range.values as SortValue[];
      const v = a as SortValue;
      switch (range.condition) {
        case 'EQUAL_TO':
          lo = list.rangeBound(v, true);
          hi = list.rangeBound(v, false);
          break;
        case 'GREATER_THAN':
          lo = list.rangeBound(v, false);
          break;
        case 'GREATER_THAN_EQUAL_TO':
          lo = list.rangeBound(v, true);
          break;
        case 'LESS_THAN':
          hi = list.rangeBound(v, true);
          break;
        case 'LESS_THAN_EQUAL_TO':
          hi = list.rangeBound(v, false);
          break;
        case 'BETWEEN':
          lo = list.rangeBound(v, true);
          hi = list.rangeBound(z as SortValue, false);
          break;
        case 'BEGINS_WITH':
          lo = list.rangeBound(String(v), true);
          hi = list.rangeBound(`${String(v)}\uffff`, false);
          break;
      }
    }
    if (b.cursor !== undefined && b.cursor !== null) {
      const c = decodeCursor<IndexEntry>(b.cursor);
      const at = list.lowerBound(c);
      if (sort === 'ASC')
        lo = Math.max(lo, list.items[at]?.key === c.key && list.items[at]?.range === c.range ? at + 1 : at);
      else hi = Math.min(hi, at);
    }
    const data: unknown[] = [];
    let last: IndexEntry | undefined;
    let i = sort === 'ASC' ? lo : hi - 1;
    const step = sort === 'ASC' ? 1 : -1;
    const inside = (j: number) => (sort === 'ASC' ? j < hi : j >= lo);
    while (inside(i) && data.length < limit) {
      const entry = list.items[i] as IndexEntry;
      i += step;
      const stored = this.live(space, entry.key);
      if (!stored) {
        // expired and removed: the list shifted under us
        if (sort === 'ASC') {
          i -= 1;
          hi -= 1;
        }
        continue;
      }
      if (!passes(stored.value, filters)) continue;
      data.push(this.withMetadata(entry.key, stored, fields));
      last = entry;
    }
    return { data, ...(inside(i) && last ? { cursor: encodeCursor(last) } : {}) };
  }

  private batch(body: unknown, run: (item: SetItem) => KvsAnswer) {
    if (!Array.isArray(body))
      throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid: a batch is a list');
    if (body.length === 0 || body.length > BATCH_MAX_ITEMS)
      throw new KvsError(400, 'BAD_REQUEST', `A batch holds 1 to ${BATCH_MAX_ITEMS} items.`);
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of body as SetItem[]) {
      const id = { key: item.key, ...(item.entityName !== undefined ? { entityName: item.entityName } : {}) };
      try {
        run(item);
        successfulKeys.push(id);
      } catch (e) {
        if (!(e instanceof KvsError)) throw e;
        failedKeys.push({ ...id, error: { code: e.code, message: e.message } });
      }
    }
    return { successfulKeys, failedKeys };
  }

  private batchGet(body: unknown) {
    if (!Array.isArray(body))
      throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid: a batch is a list');
    if (body.length === 0 || body.length > BATCH_MAX_ITEMS)
      throw new KvsError(400, 'BAD_REQUEST', `A batch holds 1 to ${BATCH_MAX_ITEMS} items.`);
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of body as { key: string; entityName?: string; options?: { metadataFields?: unknown } }[]) {
      const extra = item.entityName !== undefined ? { entityName: item.entityName } : {};
      try {
        const stored = this.live(this.itemSpace(item), checkKey(item.key));
        if (stored)
          successfulKeys.push(this.withMetadata(item.key, stored, ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'], extra));
        else
          failedKeys.push({
            key: item.key,
            ...extra,
            error: { code: 'KEY_NOT_FOUND', message: 'The specified key does not exist.' },
          });
      } catch (e) {
        if (!(e instanceof KvsError)) throw e;
        failedKeys.push({ key: item.key, ...extra, error: { code: e.code, message: e.message } });
      }
    }
    return { successfulKeys, failedKeys };
  }

  private transact(b: Record<string, unknown>): void {
    const sets = (b.set ?? []) as (SetItem & { conditions?: unknown })[];
    const deletes = (b.delete ?? []) as { key: string; entityName?: string; conditions?: unknown }[];
    const checks = (b.check ?? []) as { key: string; entityName?: string; conditions?: unknown }[];
    if (![sets, deletes, checks].every(Array.isArray))
      throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid: transaction');
    const total = sets.length + deletes.length + checks.length;
    if (total === 0) throw new KvsError(400, 'BAD_REQUEST', 'A transaction needs at least one operation.');
    if (total > TRANSACTION_MAX_OPS)
      throw new KvsError(
        400,
        'TOO_MANY_OPERATIONS',
        `Each transaction can contain a maximum of ${TRANSACTION_MAX_OPS} operations (got ${total}).`,
      );
    const seen = new Set<string>();
    for (const op of [...sets, ...deletes, ...checks]) {
      const id = `${op.entityName ?? ''}\u0000${checkKey(op.key)}`;
      if (seen.has(id))
        throw new KvsError(400, 'DUPLICATE_KEYS', `Each key can only be used once in a transaction ("${op.key}").`);
      seen.add(id);
    }
    // Validate everything and evaluate every condition before writing anything: all or nothing.
    const conditionHolds = (op: { key: string; entityName?: string; conditions?: unknown }) => {
      const filters = checkFilters(op.conditions);
      if (!filters) return true;
      const stored = this.live(this.itemSpace(op), op.key);
      return passes(stored?.value, filters);
    };
    const prepared = sets.map((s) => ({ space: this.itemSpace(s), ...this.prepareSet(this.itemSpace(s), s) }));
    for (const d of deletes) this.itemSpace(d);
    for (const c of checks)
      if (c.conditions === undefined) throw new KvsError(400, 'BAD_REQUEST', 'A check needs conditions.');
    const failed = [...sets, ...deletes, ...checks].find((op) => !conditionHolds(op));
    if (failed)
      throw new KvsError(
        409,
        'CONDITION_CHECK_FAILED',
        `The transaction was cancelled: the condition on "${failed.key}" does not hold.`,
      );
    for (const p of prepared) this.put(p.space, p.key, p.stored);
    for (const d of deletes) this.remove(this.itemSpace(d), d.key);
  }
}

/** Reads `app.storage.entities` from a parsed manifest. */
export function entityDefsFromManifest(manifest: unknown): EntityDef[] {
  const entities = (manifest as { app?: { storage?: { entities?: unknown[] } } })?.app?.storage?.entities ?? [];
  return entities.map((e) => {
    const raw = e as { name: string; attributes?: Record<string, { type: string }>; indexes?: unknown[] };
    const indexes = (raw.indexes ?? []).map((i): EntityIndexDef => {
      if (typeof i === 'string') return { name: i, range: i, partition: [] };
      const o = i as { name: string; range: string; partition?: string[] };
      return { name: o.name, range: o.range, partition: o.partition ?? [] };
    });
    return { name: raw.name, attributes: raw.attributes ?? {}, indexes };
  });
}
