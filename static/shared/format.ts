/** Words for dates and countdowns. The resolver computes the day counts; the UI only words them. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2027-03-25` → `25 Mar 2027`; anything else is shown as it came. */
export function formatDay(isoDate: string | undefined): string {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : isoDate;
}

/** An instant shown in UTC, short: `25 Mar 2027 14:05 UTC`. */
export function formatInstant(isoDateTime: string | undefined): string {
  if (!isoDateTime) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(isoDateTime);
  if (!m) return isoDateTime;
  return `${formatDay(m[1])} ${m[2]}:${m[3]} UTC`;
}

/** `12` → `in 12 days`, `-3` → `3 days ago`. */
export function countdown(days: number | undefined): string {
  if (days === undefined || !Number.isFinite(days)) return '';
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** The day part of an instant, for "since" lines. */
export function dayOf(isoDateTime: string | undefined): string {
  return isoDateTime ? isoDateTime.slice(0, 10) : '';
}

/** Who did something: the app itself, or an account id shortened for the narrow panel. */
export function who(by: string | undefined): string {
  if (!by) return '';
  if (by === 'app') return 'the app';
  return by;
}
