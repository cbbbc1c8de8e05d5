/**
 * A year of the program: every tracked app approved on some day of 2025, so each has its 2026
 * annual review; the hourly sweep runs through every day of 2026 with the queue drained after
 * each run. Nobody answers and no agent records a check, so every review goes the whole way
 * (notice, window, answer reminder, remediation, remediation reminder, overdue): the most
 * messages a year can need.
 */
import { performance } from 'perf_hooks';
import { addDays } from '../src/domain/calendar';
import { addCost, costOf, emptyCost, round, type Cost } from './measure';
import { createSandbox } from '../sandbox';
import { seedApps, seedPeople } from './seed';

const FIRST_DAY = '2026-01-01';
const LAST_DAY = '2026-12-31';

export interface YearFigures {
  inputs: {
    trackedApps: number;
    days: number;
    sweepsPerDay: number;
    sweeps: number;
    from: string;
    to: string;
    approvals: string;
  };
  cost: Cost;
  perAppPerYear: { jiraRequests: number; storageOps: number; messagesPosted: number; invocations: number };
  busiestDay: { day: string; jiraRequests: number; storageOps: number; invocations: number } | null;
  /** Wall time of the simulation on this machine, seconds. */
  simulationSeconds: number;
}

export async function year(apps: number, sweepsPerDay: number): Promise<YearFigures> {
  const sandbox = await createSandbox({ now: `${FIRST_DAY}T00:00:00Z` });
  const started = performance.now();
  const total = emptyCost();
  let busiest: YearFigures['busiestDay'] = null;
  let days = 0;
  try {
    seedPeople(sandbox);
    await seedApps(
      sandbox,
      apps,
      (i) => `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      FIRST_DAY,
    );
    sandbox.resetStats();
    const step = Math.floor(24 / sweepsPerDay);
    for (let day = FIRST_DAY; day <= LAST_DAY; day = addDays(day, 1)) {
      days++;
      for (let s = 0; s < sweepsPerDay; s++) {
        sandbox.clock.set(`${day}T${String(s * step).padStart(2, '0')}:05:00Z`);
        await sandbox.runScheduledTrigger();
      }
      const cost = costOf(sandbox.stats());
      sandbox.resetStats();
      addCost(total, cost);
      if (!busiest || cost.jiraRequests > busiest.jiraRequests) {
        busiest = { day, jiraRequests: cost.jiraRequests, storageOps: cost.storageOps, invocations: cost.invocations };
      }
    }
  } finally {
    await sandbox.close();
  }
  const messages = total.jiraByRoute['POST /rest/api/3/issue/{issueIdOrKey}/comment'] ?? 0;
  return {
    inputs: {
      trackedApps: apps,
      days,
      sweepsPerDay,
      sweeps: days * sweepsPerDay,
      from: FIRST_DAY,
      to: LAST_DAY,
      approvals: 'spread evenly over the 12 months of 2025 (one cohort per month); no replies, no checks recorded',
    },
    cost: total,
    perAppPerYear: {
      jiraRequests: round(total.jiraRequests / apps),
      storageOps: round(total.storageOps / apps),
      messagesPosted: round(messages / apps),
      invocations: round(total.invocations / apps),
    },
    busiestDay: busiest,
    simulationSeconds: round((performance.now() - started) / 1000, 1),
  };
}
