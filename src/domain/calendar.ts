import { DateTime } from 'luxon';
import type { IsoDate } from './dates';
import type { ReviewTimings } from './program';
import type { ReviewDates } from './review-types';

/**
 * Every date rule of the program lives here. Dates are calendar days (`YYYY-MM-DD`) in the
 * program's time zone; arithmetic happens in UTC on whole days, so no daylight-saving shift
 * can move a day.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toDay(date: IsoDate): DateTime {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  if (!ISO_DATE.test(date) || !day.isValid) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  return day;
}

function fromDay(day: DateTime): IsoDate {
  return day.toFormat('yyyy-MM-dd');
}

/** Strict: the exact form `YYYY-MM-DD` of a day that exists ('2026-02-30' → null). */
export function parseIsoDate(text: string): IsoDate | null {
  if (!ISO_DATE.test(text)) return null;
  const day = DateTime.fromISO(text, { zone: 'utc' });
  return day.isValid && fromDay(day) === text ? text : null;
}

/** The calendar day it is at `now` in `timezone` (an IANA zone). */
export function todayIn(timezone: string, now: Date): IsoDate {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  if (!local.isValid) throw new RangeError(`"${timezone}" is not a known time zone`);
  return fromDay(local);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDay(toDay(date).plus({ days }));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(toDay(to).diff(toDay(from), 'days').days);
}

/** The review held in the last `windowDays` days of the given month. */
export function reviewDatesInMonth(year: number, month: number, timings: ReviewTimings): ReviewDates {
  const monthStart = DateTime.fromObject({ year, month, day: 1 }, { zone: 'utc' });
  if (!monthStart.isValid) throw new RangeError(`${year}-${month} is not a month`);
  const windowEnd = monthStart.endOf('month').startOf('day');
  const windowStart = windowEnd.minus({ days: timings.windowDays - 1 });
  return {
    noticeOn: fromDay(windowStart.minus({ days: timings.noticeDaysBefore })),
    windowStart: fromDay(windowStart),
    windowEnd: fromDay(windowEnd),
    remediationDue: fromDay(windowEnd.plus({ days: timings.remediationDays })),
  };
}

/** The annual review in `year`, held in the month the app was approved. */
export function annualReviewDates(approvedOn: IsoDate, year: number, timings: ReviewTimings): ReviewDates {
  return reviewDatesInMonth(year, toDay(approvedOn).month, timings);
}

/**
 * The first review is in the first anniversary month, even when the app was approved during
 * that month's review week (the approval itself stands for that year's review).
 */
export function firstReviewYear(approvedOn: IsoDate): number {
  return toDay(approvedOn).year + 1;
}

/** The next `count` annual reviews from `fromYear` (default: the first anniversary). */
export function upcomingReviews(
  approvedOn: IsoDate,
  timings: ReviewTimings,
  count: number,
  fromYear?: number,
): Array<ReviewDates & { cycle: number }> {
  const first = Math.max(fromYear ?? firstReviewYear(approvedOn), firstReviewYear(approvedOn));
  return Array.from({ length: Math.max(0, count) }, (_, i) => ({
    cycle: first + i,
    ...annualReviewDates(approvedOn, first + i, timings),
  }));
}

/**
 * The review that is current on `today`: the first cycle whose remediation deadline has not
 * passed. An app imported years after its approval starts here, never with past years.
 */
export function currentReviewYear(approvedOn: IsoDate, today: IsoDate, timings: ReviewTimings): number {
  let year = Math.max(firstReviewYear(approvedOn), toDay(today).year - 1);
  while (annualReviewDates(approvedOn, year, timings).remediationDue < today) year += 1;
  return year;
}

/**
 * A review an agent starts after its window had passed: it opens the day it is started, with the
 * program's window length, and the partner has the four weeks from that day, the day they are told.
 */
export function startedNowDates(today: IsoDate, timings: ReviewTimings): ReviewDates {
  return {
    noticeOn: today,
    windowStart: today,
    windowEnd: addDays(today, timings.windowDays - 1),
    remediationDue: addDays(today, timings.remediationDays),
  };
}

/** An escalation's review starts the day the concern is raised, with the same window and deadline rule. */
export function escalationDates(raisedOn: IsoDate, timings: ReviewTimings): ReviewDates {
  const windowEnd = addDays(raisedOn, timings.windowDays - 1);
  return {
    noticeOn: raisedOn,
    windowStart: raisedOn,
    windowEnd,
    remediationDue: addDays(windowEnd, timings.remediationDays),
  };
}
