/**
 * `npm run bench`: what the app costs on Forge (Jira requests, storage operations, invocations
 * and their time), measured in the sandbox, in memory, beside a naive strategy.
 * Prints ONE JSON object on one line to stdout, and a table for people to stderr.
 * `--quick` runs every workload at a tenth of its size (a smoke run, not the figures).
 */
import { cpus } from 'os';
import { quietAppConsole } from './app-console';
import { performance } from 'perf_hooks';
import { busyDay, quietDay } from './day-workloads';
import type { Figures } from './figures';
import { round } from './measure';
import { table } from './report';
import { commentTrigger, panel } from './ticket-workloads';
import { year } from './year';

const quick = process.argv.includes('--quick');
const scale = (count: number) => (quick ? Math.max(1, Math.round(count / 10)) : count);

/** Hourly, as the manifest schedules it: 8,760 sweeps; a quiet one is two storage reads. */
const SWEEPS_PER_DAY = 24;

async function main(): Promise<void> {
  const started = performance.now();
  const appConsole = quietAppConsole();
  const quiet = await quietDay([scale(1_000), scale(10_000)]);
  const busy = await busyDay(scale(10_000), scale(1_000), true);
  const yearApp = await year(scale(10_000), SWEEPS_PER_DAY);
  const comment = await commentTrigger();
  const panelFigures = await panel();
  const largest = await busyDay(scale(100_000), scale(5_000), false);
  appConsole.restore();

  // The naive rule is not run 365 times (3.7 million requests through the emulator): each of
  // its runs costs what the measured quiet run cost, plus the same writes as the app made.
  const naiveRun = quiet.naive.cost.jiraRequests;
  const writes = Object.entries(yearApp.cost.jiraByRoute)
    .filter(([route]) => !route.startsWith('GET '))
    .reduce((sum, [, count]) => sum + count, 0);
  const runsPerYear = yearApp.inputs.days;
  const naiveYear = runsPerYear * naiveRun + writes;
  const apps = yearApp.inputs.trackedApps;

  const figures: Figures = {
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, quick },
    quietDay: quiet,
    busyDay: busy,
    year: {
      app: yearApp,
      naive: {
        method: `estimated: one run a day (${runsPerYear} runs, fewer than the app's hourly sweeps) × the measured quiet run at ${apps} apps (${naiveRun} requests), plus the same ${writes} writes the app made`,
        runsPerYear,
        jiraRequests: naiveYear,
        perAppPerYear: { jiraRequests: round(naiveYear / apps), storageOps: 0 },
      },
      ratio: { jiraRequests: round(naiveYear / Math.max(1, yearApp.cost.jiraRequests), 1) },
    },
    commentTrigger: comment,
    panel: panelFigures,
    largestProgram: largest,
    ratios: {
      quietDayJira: `${quiet.naive.cost.jiraRequests} : ${quiet.app[quiet.app.length - 1]?.cost.jiraRequests ?? '-'}`,
      busyDayJira: busy.naive ? round(busy.naive.cost.jiraRequests / Math.max(1, busy.app.cost.jiraRequests), 1) : null,
      yearJira: round(naiveYear / Math.max(1, yearApp.cost.jiraRequests), 1),
    },
    appConsole: appConsole.summary(),
    benchSeconds: 0,
  };
  figures.benchSeconds = round((performance.now() - started) / 1000, 1);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.stderr.write(
    `\n${table(figures)}\n\nbench: ${figures.benchSeconds} s on ${figures.machine.cores} cores${quick ? ' (--quick: a tenth of the sizes)' : ''}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
