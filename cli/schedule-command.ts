import { parseIsoDate, upcomingReviews } from '../src/domain/calendar';
import { CLOUD_FORTIFIED } from '../src/domain/cloud-fortified';
import { CliError } from './cli-error';
import type { Command } from './command';
import { readOptions } from './options';
import { usageOf } from './usage';

const USAGE = usageOf('schedule');
const MAX_COUNT = 50;

/** `cf-tracker schedule`: the next annual reviews of an app approved on a given day, with the default program's timings. */
export const scheduleCommand: Command = (args, io) => {
  const values = readOptions(args, ['--approved', '--count'], USAGE);
  const approvedText = values.get('--approved');
  if (approvedText === undefined) throw new CliError(`--approved is required (${USAGE})`);
  const approvedOn = parseIsoDate(approvedText);
  if (!approvedOn) throw new CliError(`--approved "${approvedText}" is not a calendar date (YYYY-MM-DD)`);

  const countText = values.get('--count') ?? '3';
  const count = /^\d{1,3}$/.test(countText) ? Number(countText) : NaN;
  if (!(count >= 1 && count <= MAX_COUNT)) {
    throw new CliError(`--count "${countText}" must be a whole number from 1 to ${MAX_COUNT}`);
  }

  const reviews = upcomingReviews(approvedOn, CLOUD_FORTIFIED.timings, count).map((r) => ({
    cycle: r.cycle,
    noticeOn: r.noticeOn,
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    remediationDue: r.remediationDue,
  }));
  io.stdout(JSON.stringify({ approvedOn, reviews }, null, 2));
};
