/**
 * One day of the program: a quiet day (nothing due) and a busy day (an approval cohort's
 * notices due together), for the app and for the naive strategy, each in its own sandbox.
 */
import { performance } from 'perf_hooks';
import { createSandbox, type Sandbox } from '../sandbox';
import { measure, round, SWEEP_FUNCTION, WORKER_FUNCTION, type Cost } from './measure';
import { naiveSweep } from './naive-strategy';
import { seedApps, seedPeople } from './seed';

/** Notices of apps approved in March 2025 are due on 11 March 2026 (two weeks before 25–31 March). */
export const COHORT_APPROVED = '2025-03-15';
export const QUIET_DAY = '2026-03-10';
export const BUSY_DAY = '2026-03-11';
const SEEDED_ON = '2026-03-01';

/** Apps outside the cohort were approved April–December 2025: nothing of theirs is due in March 2026. */
function approvalOf(apps: number, due: number): (i: number) => string {
  const every = due > 0 ? Math.floor(apps / due) : Infinity;
  return (i) =>
    i % every === 0 && i / every < due
      ? COHORT_APPROVED
      : `2025-${String(4 + (i % 9)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
}

export async function seededSandbox(
  apps: number,
  due: number,
  options: { store: boolean },
): Promise<{ sandbox: Sandbox; keys: string[]; seedMs: number }> {
  const sandbox = await createSandbox({ now: `${SEEDED_ON}T00:00:00Z` });
  seedPeople(sandbox);
  const started = performance.now();
  const keys = await seedApps(sandbox, apps, approvalOf(apps, due), SEEDED_ON, options);
  return { sandbox, keys, seedMs: performance.now() - started };
}

export interface SweepFigures {
  inputs: { trackedApps: number; due: number; day: string; strategy: 'app' | 'naive' };
  cost: Cost;
  /** Wall time of the sweep invocation (app) or of the whole rule run (naive), ms on this machine. */
  sweepMs: number;
  opened: number;
}

/** The app's hourly sweep on `day` (00:05 UTC), with the queue drained: everything the day's work cost. */
export async function appSweep(
  sandbox: Sandbox,
  day: string,
  inputs: { trackedApps: number; due: number },
): Promise<SweepFigures> {
  sandbox.clock.set(`${day}T00:05:00Z`);
  const cost = await measure(sandbox, () => sandbox.runScheduledTrigger());
  return {
    inputs: { ...inputs, day, strategy: 'app' },
    cost,
    sweepMs: cost.longestByFunction[SWEEP_FUNCTION] ?? 0,
    opened: cost.jiraByRoute['POST /rest/api/3/issue/{issueIdOrKey}/comment'] ?? 0,
  };
}

export async function naiveRun(
  sandbox: Sandbox,
  day: string,
  inputs: { trackedApps: number; due: number },
): Promise<SweepFigures> {
  sandbox.clock.set(`${day}T00:05:00Z`);
  let opened = 0;
  let ms = 0;
  const cost = await measure(sandbox, async () => {
    const started = performance.now();
    opened = (await naiveSweep(day, sandbox.clock.now().toISOString())).noticesPosted;
    ms = performance.now() - started;
  });
  cost.invocations = 1;
  cost.invocationsByFunction = { 'naive-rule': 1 };
  cost.longestInvocation = { function: 'naive-rule', ms: round(ms, 1) };
  return { inputs: { ...inputs, day, strategy: 'naive' }, cost, sweepMs: round(ms, 1), opened };
}

export interface QuietDayFigures {
  app: SweepFigures[];
  naive: SweepFigures;
}

/** Nothing due: the app's sweep at 1,000 and 10,000 apps (the storage cost must not grow), the naive rule at the largest. */
export async function quietDay(sizes: number[]): Promise<QuietDayFigures> {
  const app: SweepFigures[] = [];
  for (const apps of sizes) {
    const { sandbox } = await seededSandbox(apps, 0, { store: true });
    try {
      await appSweep(sandbox, QUIET_DAY, { trackedApps: apps, due: 0 }); // the first run loads the code
      app.push(await appSweep(sandbox, QUIET_DAY, { trackedApps: apps, due: 0 }));
    } finally {
      await sandbox.close();
    }
  }
  const largest = Math.max(...sizes);
  const { sandbox } = await seededSandbox(largest, 0, { store: false });
  try {
    return { app, naive: await naiveRun(sandbox, QUIET_DAY, { trackedApps: largest, due: 0 }) };
  } finally {
    await sandbox.close();
  }
}

export interface BusyDayFigures {
  app: SweepFigures & {
    perOpenedReview: { jiraRequests: number; minimumJiraRequests: 2; storageOps: number };
    workerInvocations: number;
    longestInvocationMs: number;
    limitMs: 900_000;
    maxEventsPerPush: number;
    eventsPerPushLimit: 50;
    allWithinLimits: boolean;
  };
  naive?: SweepFigures & { perOpenedReview: { jiraRequests: number } };
}

/** A cohort's notices due on one day among `apps` tracked apps. */
export async function busyDay(apps: number, due: number, withNaive: boolean): Promise<BusyDayFigures> {
  const { sandbox } = await seededSandbox(apps, due, { store: true });
  let app: BusyDayFigures['app'];
  try {
    await appSweep(sandbox, QUIET_DAY, { trackedApps: apps, due: 0 }); // loads the code
    const day = await appSweep(sandbox, BUSY_DAY, { trackedApps: apps, due });
    const opened = Math.max(1, day.opened);
    const longest = day.cost.longestInvocation?.ms ?? 0;
    const maxEventsPerPush = day.cost.queuePushes ? Math.ceil(day.cost.queueEvents / day.cost.queuePushes) : 0;
    app = {
      ...day,
      perOpenedReview: {
        jiraRequests: round(day.cost.jiraRequests / opened),
        minimumJiraRequests: 2,
        storageOps: round(day.cost.storageOps / opened),
      },
      workerInvocations: day.cost.invocationsByFunction[WORKER_FUNCTION] ?? 0,
      longestInvocationMs: longest,
      limitMs: 900_000,
      maxEventsPerPush,
      eventsPerPushLimit: 50,
      allWithinLimits: longest < 900_000 && day.cost.failedInvocations === 0 && day.opened === due,
    };
  } finally {
    await sandbox.close();
  }
  if (!withNaive) return { app };
  const naiveBox = await seededSandbox(apps, due, { store: false });
  try {
    const run = await naiveRun(naiveBox.sandbox, BUSY_DAY, { trackedApps: apps, due });
    return {
      app,
      naive: { ...run, perOpenedReview: { jiraRequests: round(run.cost.jiraRequests / Math.max(1, run.opened)) } },
    };
  } finally {
    await naiveBox.sandbox.close();
  }
}
