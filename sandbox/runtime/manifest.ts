import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import type { SearchAlias } from '../jira/jira-emulator';

/** A manifest value as text; a value that is not a string shows as JSON, never as [object Object]. */
const text = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'));

export interface ResolverModule {
  moduleKey: string;
  moduleType: string;
  functionKey: string;
}

export interface ScheduledTriggerModule {
  key: string;
  functionKey: string;
  interval: string;
}

export interface TriggerModule {
  key: string;
  functionKey: string;
  events: string[];
  ignoreSelf: boolean;
}

export interface ConsumerModule {
  key: string;
  queue: string;
  functionKey: string;
  /** Old style consumers go through a resolver definition named `method`. */
  method?: string;
}

export interface AppManifest {
  raw: Record<string, unknown>;
  appRoot: string;
  handlers: Map<string, string>;
  resolvers: ResolverModule[];
  scheduledTriggers: ScheduledTriggerModule[];
  triggers: TriggerModule[];
  consumers: ConsumerModule[];
  searchAliases: Record<string, SearchAlias>;
  scopes: string[];
}

type Raw = Record<string, unknown>;

export function loadManifest(appRoot: string): AppManifest {
  const file = path.join(appRoot, 'manifest.yml');
  if (!fs.existsSync(file)) throw new Error(`no manifest.yml in ${appRoot}`);
  const raw = (parse(fs.readFileSync(file, 'utf8')) ?? {}) as Raw;
  const modules = (raw.modules ?? {}) as Record<string, Raw[]>;
  const handlers = new Map<string, string>();
  for (const f of modules.function ?? []) handlers.set(String(f.key), String(f.handler));

  const resolvers: ResolverModule[] = [];
  for (const [moduleType, list] of Object.entries(modules)) {
    for (const m of list ?? []) {
      const r = m.resolver as { function?: string } | undefined;
      if (r?.function && moduleType !== 'consumer')
        resolvers.push({ moduleKey: String(m.key), moduleType, functionKey: r.function });
    }
  }
  const scheduledTriggers = (modules.scheduledTrigger ?? []).map((m) => ({
    key: String(m.key),
    functionKey: String(m.function),
    interval: String(m.interval),
  }));
  const triggers = (modules.trigger ?? []).map((m) => ({
    key: String(m.key),
    functionKey: String(m.function),
    events: (m.events as string[]) ?? [],
    ignoreSelf: Boolean((m.filter as { ignoreSelf?: boolean } | undefined)?.ignoreSelf),
  }));
  const consumers = (modules.consumer ?? []).map((m) => {
    const r = m.resolver as { function?: string; method?: string } | undefined;
    return {
      key: String(m.key),
      queue: String(m.queue),
      functionKey: text(m.function ?? r?.function),
      ...(r?.method ? { method: r.method } : {}),
    };
  });
  const searchAliases: Record<string, SearchAlias> = {};
  for (const m of modules['jira:entityProperty'] ?? []) {
    for (const v of (m.values as Raw[]) ?? []) {
      if (v.searchAlias)
        searchAliases[text(v.searchAlias)] = {
          propertyKey: String(m.propertyKey),
          path: String(v.path),
          type: String(v.type),
        };
    }
  }
  const scopes = ((raw.permissions as { scopes?: string[] } | undefined)?.scopes ?? []).map(String);
  return { raw, appRoot, handlers, resolvers, scheduledTriggers, triggers, consumers, searchAliases, scopes };
}

/** `index.runSweep` → the `runSweep` export of `<appRoot>/src/index`. */
export function loadHandler(manifest: AppManifest, functionKey: string): (...args: unknown[]) => unknown {
  const handler = manifest.handlers.get(functionKey);
  if (!handler) throw new Error(`manifest.yml has no function "${functionKey}"`);
  const dot = handler.lastIndexOf('.');
  const file = path.join(manifest.appRoot, 'src', handler.slice(0, dot));
  const exportName = handler.slice(dot + 1);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== 'function')
    throw new Error(`${file} does not export a function "${exportName}" (handler ${handler})`);
  return fn as (...args: unknown[]) => unknown;
}
