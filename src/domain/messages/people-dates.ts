import { DateTime } from 'luxon';
import type { IsoDate } from '../dates';

/** "2027-03-25" → "25 March 2027"; anything that is not a calendar day is shown as it is. */
export function dateForPeople(date: IsoDate): string {
  const parsed = DateTime.fromISO(date, { zone: 'utc', locale: 'en-GB' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parsed.isValid) return date;
  return parsed.toFormat('d LLLL yyyy');
}

/** A day as a partner reads it: always with the program's time zone, "28 April 2027 (Australia/Sydney)". */
export function dateForPartner(date: IsoDate, timezone: string): string {
  return `${dateForPeople(date)} (${timezone})`;
}
