import { parseArgs } from 'node:util';
import { parseIsoDate, upcomingReviews } from '../domain/calendar';
import { CLOUD_FORTIFIED } from '../domain/cloud-fortified';
import { CliError } from './cli-error';
import type { CliIo } from './main';

const USAGE = 'usage: cf-tracker schedule --approved YYYY-MM-DD [--count N]';
const MAX_COUNT = 50;

/** `cf-tracker schedule`: the next annual reviews of an app approved on a given day, with the default program's timings. */
export async function scheduleCommand(args: string[], io: CliIo): Promise<void> {
  let values: { approved?: string; count?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { approved: { type: 'string' }, count: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`${reason.replace(/\s+/g, ' ')} (${USAGE})`);
  }

  if (values.approved === undefined) throw new CliError(`--approved is required (${USAGE})`);
  const approvedOn = parseIsoDate(values.approved);
  if (!approvedOn) throw new CliError(`--approved "${values.approved}" is not a calendar date (YYYY-MM-DD)`);

  const countText = values.count ?? '3';
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
}
