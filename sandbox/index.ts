/**
 * The local Forge platform: runs the app's real handlers and the real `@forge/*` packages on this
 * machine, against a Jira Service Management emulator (checked against Atlassian's OpenAPI specs),
 * a key-value store, a queue and a virtual clock, with optional seeded fault injection.
 *
 *   const sb = await createSandbox({ now: '2026-03-01T09:00:00Z', seed: 1 });
 *   sb.jira.addUser({ accountId: 'agent-1', displayName: 'Ada', kind: 'agent' });
 *   const key = sb.jira.addIssue({ summary: 'Acme for Jira', reporter: 'partner-1', requestType: 'App submission' });
 *   await sb.invokeResolver('getPanel', {}, { accountId: 'agent-1', issueKey: key });
 *   await sb.runScheduledTrigger();
 *   await sb.close();
 *
 * Beyond the published API: `appRoot` (the app to run; default the repository), `serveJira(port)`,
 * `faultLog()`, `stats().unchecked` (JSM forms requests, which have no published spec) and
 * `stats().invocations[i].error`. Only one sandbox is active in a process at a time (it owns the
 * globals and the fake `Date`); creating another replaces the previous one.
 */
import * as path from 'path';
import { randomUUID } from 'crypto';
import { performance } from 'perf_hooks';
import { retryWaits } from '../src/adapters/jira/jira-client';
import { VirtualClock } from './clock/virtual-clock';
import { FaultPlan, type FaultRecord } from './faults/fault-plan';
import { ContractChecker, defaultSpecsDir, type Violation } from './jira/contract-check';
import { BULK_PROPERTY_ROUTES } from './jira/bulk-properties';
import { JiraEmulator, type JiraSnapshot } from './jira/jira-emulator';
import { JSM_ATTACHMENT_ROUTES, ROUTES } from './jira/jira-routes';
import { serveJira } from './jira/serve-jira';
import { entityDefsFromManifest, KvsEmulator, type KvsSnapshot } from './kvs/kvs-emulator';
import { loadJson, saveJson } from './persistence/state-files';
import { QueueEmulator } from './queue/queue-emulator';
import { invocations, makeForgeFetch, type Invocation } from './runtime/forge-fetch';
import { loadHandler, loadManifest, type AppManifest } from './runtime/manifest';

export { JiraEmulator, KvsEmulator, QueueEmulator, VirtualClock };
export type { Violation, FaultRecord };
export type { CommentView, ProductEvent } from './jira/jira-emulator';
export { STATUSES, REQUEST_TYPES, PROJECT, transitionsFrom } from './jira/jira-model';
export { adfToText, textToAdf } from './jira/adf-text';

const REPO_ROOT = path.resolve(__dirname, '..');

export interface SandboxOptions {
  dataDir?: string;
  specsDir?: string;
  seed?: number;
  /** `retryAfterSeconds`: the Retry-After of injected 429s (default 1; the app's waits take no real time). */
  faults?: { rate: number; retryAfterSeconds?: number };
  now?: string;
  appAccountId?: string;
  appRoot?: string;
  /** Where the "contract check off" notice goes (default console.warn). */
  log?: (line: string) => void;
}

export interface InvocationRecord {
  function: string;
  ms: number;
  ok: boolean;
  error?: string;
}

export interface SandboxStats {
  jiraRequests: number;
  jiraRequestsByRoute: Record<string, number>;
  contractViolations: Violation[];
  kvsOps: Record<string, number>;
  queuePushes: number;
  queueEvents: number;
  invocations: InvocationRecord[];
  unchecked: number;
}

export interface SandboxClock {
  now(): Date;
  set(iso: string): void;
  advance(ms: number): void;
  today(tz?: string): string;
}

export interface Sandbox {
  jira: JiraEmulator;
  kvs: KvsEmulator;
  queue: QueueEmulator;
  clock: SandboxClock;
  manifest: AppManifest;
  appAccountId: string;
  invokeResolver(
    functionKey: string,
    payload: unknown,
    as: { accountId: string; issueKey?: string; moduleKey?: string },
  ): Promise<unknown>;
  runScheduledTrigger(key?: string): Promise<void>;
  deliverPendingEvents(): Promise<void>;
  /** Delivers queued async events to the consumers until the queue is empty. */
  drainQueue(): Promise<void>;
  serveJira(port?: number): Promise<{ url: string; close(): Promise<void> }>;
  stats(): SandboxStats;
  resetStats(): void;
  faultLog(): FaultRecord[];
  /** Product events whose trigger still asked for a retry after Forge's last redelivery. */
  productEventsGivenUp(): { trigger: string; payload: Record<string, unknown> }[];
  close(): Promise<void>;
}

const CLOUD_ID = 'a1b2c3d4-0000-4000-8000-sandbox00001';
/** A function's time without `timeoutSeconds` (and a resolver's, always). */
const DEFAULT_TIMEOUT_MS = 25_000;
/** Forge redelivers a product event at most four times, each at most 900 s later. */
const MAX_EVENT_RETRIES = 4;
const KILLED_BY_CRASH = 'sandbox: the function was killed by an injected crash';
const MAX_RETRY_AFTER_SECONDS = 900;
const APP_ID = 'cf-tracker-sandbox';

interface PersistedQueue {
  pending: ReturnType<QueueEmulator['snapshot']>['pending'];
  dead: ReturnType<QueueEmulator['snapshot']>['dead'];
}

// Async although nothing in it waits today: its errors reach callers as a rejected promise.
// eslint-disable-next-line @typescript-eslint/require-await
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const appRoot = path.resolve(options.appRoot ?? REPO_ROOT);
  const manifest = loadManifest(appRoot);
  const appAccountId = options.appAccountId ?? '557058:cf-tracker-app';
  const log = options.log ?? ((line: string) => console.warn(line));
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : undefined;

  const savedClock = dataDir ? loadJson<{ now: string }>(dataDir, 'clock.json') : undefined;
  const clock = new VirtualClock(options.now ?? savedClock?.now);
  const contract = new ContractChecker(options.specsDir ?? defaultSpecsDir(REPO_ROOT));
  // The project's own specs/ are part of the checkout: without them every request would pass
  // unchecked, and a green test would prove nothing.
  if (!contract.enabled && options.specsDir === undefined)
    throw new Error(`sandbox: ${contract.notice ?? 'no specs'}; restore specs/ from the repository`);
  if (contract.notice) log(contract.notice);
  const jira = new JiraEmulator(
    appAccountId,
    () => clock.millis(),
    contract,
    [...BULK_PROPERTY_ROUTES, ...JSM_ATTACHMENT_ROUTES, ...ROUTES],
    manifest.searchAliases,
  );
  const kvs = new KvsEmulator(entityDefsFromManifest(manifest.raw), () => clock.millis());
  const queue = new QueueEmulator();
  const faults = new FaultPlan(options.seed ?? 1, options.faults?.rate ?? 0);
  let invocationLog: InvocationRecord[] = [];
  const productEventsGivenUp: { trigger: string; payload: Record<string, unknown> }[] = [];

  if (dataDir) {
    const j = loadJson<JiraSnapshot>(dataDir, 'jira.json');
    if (j) jira.restore(j);
    const k = loadJson<KvsSnapshot>(dataDir, 'kvs.json');
    if (k) kvs.restore(k);
    const qu = loadJson<PersistedQueue>(dataDir, 'queue.json');
    if (qu) queue.restore(qu);
  }

  const persist = () => {
    if (!dataDir) return;
    saveJson(dataDir, 'jira.json', jira.snapshot());
    saveJson(dataDir, 'kvs.json', kvs.snapshot());
    saveJson(dataDir, 'queue.json', { pending: queue.pending, dead: queue.dead });
    saveJson(dataDir, 'clock.json', { now: clock.now().toISOString() });
  };

  // ---- the Forge runtime globals ----
  const g = globalThis as Record<string, unknown>;
  const forgeFetch = makeForgeFetch({
    jira,
    kvs,
    queue,
    faults,
    appAccountId,
    retryAfterSeconds: options.faults?.retryAfterSeconds ?? 1,
  });
  g.__forge_fetch__ = forgeFetch;
  const noop = { incr() {}, decr() {}, set() {}, measure: () => ({ stop() {} }) };
  g.__forge_runtime__ = {
    get appContext() {
      const inv = invocations.getStore();
      return {
        appId: APP_ID,
        appVersion: '1.0.0',
        environmentId: 'sandbox-env',
        environmentType: 'DEVELOPMENT',
        invocationId: inv?.id ?? 'no-invocation',
        installationId: 'sandbox-installation',
        moduleKey: inv?.moduleKey ?? '',
        license: { isActive: true },
        permissions: { scopes: manifest.scopes, external: {} },
      };
    },
    lambdaContext: {
      getRemainingTimeInMillis: () => {
        const inv = invocations.getStore();
        return inv ? Math.max(0, inv.deadline - performance.now()) : DEFAULT_TIMEOUT_MS;
      },
    },
    metrics: { counter: () => noop, timing: () => noop, gauge: () => noop },
    tracing: { traceId: 'sandbox-trace', spanId: 'sandbox-span' },
    proxy: { token: 'sandbox-token', url: 'http://sandbox.invalid' },
  };
  clock.install();
  // The app's waits between Jira retries take no real time: the virtual clock stands still
  // while the app waits, as it did while a real wait ran, so the runs are the same, only faster.
  const realSleep = retryWaits.sleep;
  const virtualSleep = () => Promise.resolve();
  retryWaits.sleep = virtualSleep;

  async function invoke(
    functionKey: string,
    moduleKey: string,
    args: unknown[],
    accountId?: string,
  ): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
    const started = performance.now();
    const inv: Invocation = {
      id: randomUUID(),
      functionKey,
      moduleKey,
      crashed: false,
      deadline: started + timeoutMs(functionKey),
      ...(accountId ? { accountId } : {}),
    };
    let outcome: { ok: boolean; value?: unknown; error?: unknown };
    try {
      const fn = loadHandler(manifest, functionKey);
      const value = await invocations.run(inv, () => fn(...args));
      outcome = inv.crashed ? { ok: false, error: new Error(KILLED_BY_CRASH) } : { ok: true, value };
    } catch (error) {
      outcome = { ok: false, error };
    }
    invocationLog.push({
      function: functionKey,
      ms: performance.now() - started,
      ok: outcome.ok,
      ...(outcome.ok ? {} : { error: String((outcome.error as Error)?.message ?? outcome.error) }),
    });
    persist();
    return outcome;
  }

  const timeoutMs = (functionKey: string): number => {
    const functions =
      (manifest.raw.modules as Record<string, { key?: string; timeoutSeconds?: number }[]> | undefined)?.function ?? [];
    const seconds = functions.find((f) => f.key === functionKey)?.timeoutSeconds;
    return typeof seconds === 'number' ? seconds * 1000 : DEFAULT_TIMEOUT_MS;
  };

  const platformContext = (moduleKey: string) => ({
    cloudId: CLOUD_ID,
    moduleKey,
    installContext: `ari:cloud:jira::site/${CLOUD_ID}`,
  });

  async function drainQueue(): Promise<void> {
    for (let guard = 0; guard < 1_000_000; guard++) {
      const event = queue.take();
      if (!event) return;
      const consumer = manifest.consumers.find((c) => c.queue === event.queueName);
      if (!consumer) {
        queue.dead.push({ event, error: `no consumer for queue ${event.queueName} in manifest.yml` });
        continue;
      }
      const deliveries = faults.duplicateDelivery(`queue ${event.queueName}`) ? 2 : 1;
      for (let d = 0; d < deliveries; d++) {
        event.attempts++;
        const delivered = QueueEmulator.consumerEvent(event);
        const args = consumer.method
          ? [
              {
                call: { functionKey: consumer.method, payload: delivered, jobId: event.jobId },
                context: platformContext(consumer.key),
              },
              { installContext: platformContext(consumer.key).installContext },
            ]
          : [delivered, platformContext(consumer.key)];
        const r = await invoke(consumer.functionKey, consumer.key, args);
        const asked =
          (r.value as { _retry?: boolean; retryOptions?: { retryReason?: string; retryData?: unknown } } | undefined) ??
          undefined;
        if (!r.ok) {
          queue.retry(event, 'FUNCTION_PLATFORM_UNKNOWN_ERROR', String((r.error as Error)?.message ?? r.error));
          break;
        }
        if (asked && asked._retry === true) {
          queue.retry(
            event,
            asked.retryOptions?.retryReason ?? 'FUNCTION_RETRY_REQUEST',
            'the consumer asked for a retry',
            asked.retryOptions?.retryData,
          );
          break;
        }
      }
    }
    throw new Error('sandbox: the queue never emptied (a consumer keeps pushing events)');
  }

  /**
   * Delivers one product event to one trigger as Forge does: a returned InvocationError asks for
   * a redelivery (at most MAX_EVENT_RETRIES, the payload then carrying `retryContext`); a trigger
   * that throws is not retried, and the event is lost to it. A function the platform killed (the
   * injected crash stands for a timeout or running out of memory) is redelivered by the platform.
   */
  async function deliverProductEvent(
    t: AppManifest['triggers'][number],
    payload: Record<string, unknown>,
  ): Promise<void> {
    let reason = 'FUNCTION_RETRY_REQUEST';
    for (let retryCount = 0; ; retryCount++) {
      const delivered = {
        ...(JSON.parse(JSON.stringify(payload)) as Record<string, unknown>),
        ...(retryCount > 0 ? { retryContext: { retryCount, retryReason: reason } } : {}),
      };
      const r = await invoke(t.functionKey, t.key, [delivered, platformContext(t.key)]);
      const killed = !r.ok && r.error instanceof Error && r.error.message === KILLED_BY_CRASH;
      if (killed) {
        if (retryCount >= MAX_EVENT_RETRIES) {
          productEventsGivenUp.push({ trigger: t.key, payload });
          return;
        }
        reason = 'FUNCTION_PLATFORM_UNKNOWN_ERROR';
        continue;
      }
      reason = 'FUNCTION_RETRY_REQUEST';
      const asked = r.ok
        ? (r.value as { _retry?: boolean; retryOptions?: { retryAfter?: number } } | undefined)
        : undefined;
      if (!asked || asked._retry !== true) return;
      const after = asked.retryOptions?.retryAfter;
      if (typeof after === 'number' && (after < 0 || after > MAX_RETRY_AFTER_SECONDS))
        throw new Error(
          `sandbox: ${t.key} asked for a retry after ${after} s; Forge takes at most ${MAX_RETRY_AFTER_SECONDS}`,
        );
      if (retryCount >= MAX_EVENT_RETRIES) {
        productEventsGivenUp.push({ trigger: t.key, payload });
        return;
      }
      if (typeof after === 'number') clock.advance(after * 1000);
    }
  }

  async function deliverPendingEvents(): Promise<void> {
    for (let round = 0; round < 1000; round++) {
      const events = jira.takeEvents();
      if (events.length === 0) {
        await drainQueue();
        if (jira.outbox.length === 0) return;
        continue;
      }
      for (const e of events) {
        for (const t of manifest.triggers) {
          if (!t.events.includes(e.eventType)) continue;
          if (t.ignoreSelf && e.selfCaused) continue;
          await deliverProductEvent(t, e.payload);
        }
      }
    }
    throw new Error('sandbox: product events keep causing product events (1000 rounds)');
  }

  const sandbox: Sandbox = {
    jira,
    kvs,
    queue,
    manifest,
    appAccountId,
    clock: {
      now: () => clock.now(),
      set: (iso) => {
        clock.set(iso);
        persist();
      },
      advance: (ms) => {
        clock.advance(ms);
        persist();
      },
      today: (tz) => clock.today(tz),
    },

    async invokeResolver(functionKey, payload, as) {
      const mod = as.moduleKey ? manifest.resolvers.find((r) => r.moduleKey === as.moduleKey) : manifest.resolvers[0];
      if (!mod)
        throw new Error(
          as.moduleKey
            ? `manifest.yml has no module "${as.moduleKey}" with a resolver`
            : 'manifest.yml has no module with a resolver',
        );
      const issue = as.issueKey ? jira.findIssue(as.issueKey) : undefined;
      if (as.issueKey && !issue) throw new Error(`invokeResolver: no issue ${as.issueKey} in the sandbox`);
      const context = {
        localId: `sandbox-${mod.moduleKey}`,
        cloudId: CLOUD_ID,
        moduleKey: mod.moduleKey,
        siteUrl: jira.baseUrl,
        environmentId: 'sandbox-env',
        environmentType: 'DEVELOPMENT',
        accountType: 'licensed',
        locale: 'en-US',
        timezone: 'UTC',
        extension: issue
          ? {
              type: mod.moduleType,
              issue: { key: issue.key, id: issue.id, type: 'Service Request', typeId: '10100' },
              project: { id: '10000', key: 'CFP', type: 'service_desk' },
              isNewToIssue: false,
            }
          : { type: mod.moduleType },
      };
      const backend = {
        principal: { accountId: as.accountId },
        installContext: `ari:cloud:jira::site/${CLOUD_ID}`,
        license: { isActive: true },
      };
      const r = await invoke(
        mod.functionKey,
        mod.moduleKey,
        [{ call: { functionKey, payload }, context }, backend],
        as.accountId,
      );
      if (!r.ok) throw r.error instanceof Error ? r.error : new Error(String(r.error));
      return r.value;
    },

    async runScheduledTrigger(key) {
      const triggers = manifest.scheduledTriggers.filter((t) => key === undefined || t.key === key);
      if (key !== undefined && triggers.length === 0) throw new Error(`manifest.yml has no scheduledTrigger "${key}"`);
      for (const t of triggers) {
        const runs = faults.duplicateTrigger(`scheduledTrigger ${t.key}`) ? 2 : 1;
        const event = { context: { cloudId: CLOUD_ID, moduleKey: t.key }, contextToken: 'sandbox-context-token' };
        await Promise.all(
          Array.from({ length: runs }, () =>
            invoke(t.functionKey, t.key, [JSON.parse(JSON.stringify(event)), platformContext(t.key)]),
          ),
        );
      }
      await drainQueue();
    },

    deliverPendingEvents,
    drainQueue,

    serveJira: (port) => serveJira(jira, port),

    stats: () => ({
      jiraRequests: jira.stats.requests,
      jiraRequestsByRoute: { ...jira.stats.byRoute },
      contractViolations: [...jira.stats.violations],
      kvsOps: { ...kvs.ops },
      queuePushes: queue.pushes,
      queueEvents: queue.events,
      invocations: [...invocationLog],
      unchecked: jira.stats.unchecked,
    }),

    resetStats() {
      jira.stats = { requests: 0, byRoute: {}, violations: [], unchecked: 0 };
      for (const k of Object.keys(kvs.ops)) delete kvs.ops[k];
      queue.pushes = 0;
      queue.events = 0;
      invocationLog = [];
    },

    faultLog: () => [...faults.log],
    productEventsGivenUp: () => [...productEventsGivenUp],

    close() {
      persist();
      clock.uninstall();
      if (retryWaits.sleep === virtualSleep) retryWaits.sleep = realSleep;
      if (g.__forge_fetch__ === forgeFetch) {
        delete g.__forge_fetch__;
        delete g.__forge_runtime__;
      }
      return Promise.resolve();
    },
  };
  return sandbox;
}
