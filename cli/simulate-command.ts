import { readFile } from 'fs/promises';
import { parseIsoDate } from '../src/domain/calendar';
import { CliError } from './cli-error';
import type { Command } from './command';
import { parseFixture } from './simulate-fixture';
import { countEvents, eventLine } from './simulate-events';
import { readOptions } from './options';
import { usageOf } from './usage';

const USAGE = usageOf('simulate');

interface SimulateOptions {
  fixture: string;
  from: string;
  to: string;
  faults: number;
  seed: number;
  comments: boolean;
}

/** `cf-tracker simulate --fixture FILE --from YYYY-MM-DD --to YYYY-MM-DD [--faults RATE] [--seed N] [--comments]` */
export const simulate: Command = async (args, io) => {
  const options = parseOptions(args);
  let text: string;
  try {
    text = await readFile(options.fixture, 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read the fixture ${options.fixture}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const fixture = parseFixture(text, options.fixture);
  // The sandbox loads only once the input is known to be good.
  const { runSimulation } = await import('./simulate-run');
  const result = await runSimulation(fixture, options);
  for (const problem of result.skipped) io.stderr(`fixture action skipped: ${problem}`);
  for (const event of result.events) io.stdout(eventLine(event));
  io.stdout(
    JSON.stringify({
      summary: {
        ...countEvents(result.events),
        jiraRequests: result.jiraRequests,
        contractViolations: result.contractViolations,
        largestRecordBytes: result.largestRecordBytes,
      },
    }),
  );
};

export function parseOptions(args: string[]): SimulateOptions {
  // `--comments` is a switch: it takes no value.
  const comments = args.includes('--comments');
  const values = readOptions(
    args.filter((a) => a !== '--comments'),
    ['--fixture', '--from', '--to', '--faults', '--seed'],
    USAGE,
  );
  const fixture = values.get('--fixture');
  if (!fixture) throw new CliError(`--fixture FILE is required (${USAGE})`);
  const from = date(values.get('--from'), '--from');
  const to = date(values.get('--to'), '--to');
  if (to < from) throw new CliError(`--to ${to} is before --from ${from}`);
  const faultsText = values.get('--faults') ?? '0';
  const faults = faultsText.trim() === '' ? NaN : Number(faultsText);
  if (!Number.isFinite(faults) || faults < 0 || faults > 1)
    throw new CliError(`--faults must be a number from 0 to 1, not "${faultsText}"`);
  const seedText = values.get('--seed') ?? '1';
  const seed = /^-?\d{1,15}$/.test(seedText) ? Number(seedText) : NaN;
  if (!Number.isInteger(seed)) throw new CliError(`--seed must be a whole number, not "${seedText}"`);
  return { fixture, from, to, faults, seed, comments };
}

function date(text: string | undefined, name: string): string {
  if (!text) throw new CliError(`${name} YYYY-MM-DD is required (${USAGE})`);
  const day = parseIsoDate(text);
  if (!day) throw new CliError(`${name}: "${text}" is not a date (YYYY-MM-DD)`);
  return day;
}
