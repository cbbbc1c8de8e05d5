/** Counting what a piece of work cost in the sandbox: Jira requests, storage operations, invocations. */
import type { Sandbox, SandboxStats } from '../sandbox';

export interface Cost {
  jiraRequests: number;
  jiraByRoute: Record<string, number>;
  storageOps: number;
  storageByOp: Record<string, number>;
  queuePushes: number;
  queueEvents: number;
  invocations: number;
  invocationsByFunction: Record<string, number>;
  /** The longest invocation of each function, in milliseconds. */
  longestByFunction: Record<string, number>;
  failedInvocations: number;
  longestInvocation: { function: string; ms: number } | null;
  contractViolations: number;
}

export function emptyCost(): Cost {
  return {
    jiraRequests: 0,
    jiraByRoute: {},
    storageOps: 0,
    storageByOp: {},
    queuePushes: 0,
    queueEvents: 0,
    invocations: 0,
    invocationsByFunction: {},
    longestByFunction: {},
    failedInvocations: 0,
    longestInvocation: null,
    contractViolations: 0,
  };
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

export function costOf(stats: SandboxStats): Cost {
  const cost = emptyCost();
  cost.jiraRequests = stats.jiraRequests;
  addCounts(cost.jiraByRoute, stats.jiraRequestsByRoute);
  addCounts(cost.storageByOp, stats.kvsOps);
  cost.storageOps = Object.values(stats.kvsOps).reduce((a, b) => a + b, 0);
  cost.queuePushes = stats.queuePushes;
  cost.queueEvents = stats.queueEvents;
  cost.invocations = stats.invocations.length;
  cost.contractViolations = stats.contractViolations.length;
  for (const inv of stats.invocations) {
    cost.invocationsByFunction[inv.function] = (cost.invocationsByFunction[inv.function] ?? 0) + 1;
    cost.longestByFunction[inv.function] = round(Math.max(cost.longestByFunction[inv.function] ?? 0, inv.ms), 1);
    if (!inv.ok) cost.failedInvocations++;
    if (!cost.longestInvocation || inv.ms > cost.longestInvocation.ms)
      cost.longestInvocation = { function: inv.function, ms: round(inv.ms, 1) };
  }
  return cost;
}

export function addCost(into: Cost, more: Cost): Cost {
  into.jiraRequests += more.jiraRequests;
  addCounts(into.jiraByRoute, more.jiraByRoute);
  into.storageOps += more.storageOps;
  addCounts(into.storageByOp, more.storageByOp);
  into.queuePushes += more.queuePushes;
  into.queueEvents += more.queueEvents;
  into.invocations += more.invocations;
  addCounts(into.invocationsByFunction, more.invocationsByFunction);
  for (const [fn, ms] of Object.entries(more.longestByFunction))
    into.longestByFunction[fn] = Math.max(into.longestByFunction[fn] ?? 0, ms);
  into.failedInvocations += more.failedInvocations;
  into.contractViolations += more.contractViolations;
  if (more.longestInvocation && (!into.longestInvocation || more.longestInvocation.ms > into.longestInvocation.ms)) {
    into.longestInvocation = more.longestInvocation;
  }
  return into;
}

/** Runs `work` on fresh counters and returns what it cost. */
export async function measure(sandbox: Sandbox, work: () => Promise<void>): Promise<Cost> {
  sandbox.resetStats();
  await work();
  const cost = costOf(sandbox.stats());
  sandbox.resetStats();
  return cost;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Invocations of the sweep function and the queue consumer, as the manifest names them. */
export const SWEEP_FUNCTION = 'sweep';
export const WORKER_FUNCTION = 'review-worker';
