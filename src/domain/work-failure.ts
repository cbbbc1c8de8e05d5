import { addDays } from './calendar';
import type { IsoDate, IsoDateTime } from './dates';
import type { TrackedApp } from './tracked-app';

/**
 * Scheduled work that fails for a reason a retry cannot fix (the ticket deleted, the app's access
 * removed) is recorded on the app and retried the next day, not on every sweep.
 */

const REASON_MAX = 500;

export function recordWorkFailure(app: TrackedApp, reason: string, today: IsoDate, at: IsoDateTime): TrackedApp {
  const text = Array.from(reason.trim() || 'unknown failure');
  const cut = text.length > REASON_MAX ? `${text.slice(0, REASON_MAX).join('')}…` : text.join('');
  const since = app.lastFailure?.since ?? today;
  return { ...app, lastFailure: { on: today, at, reason: cut, since } };
}

/** After a successful run, the failure is history. */
export function clearWorkFailure(app: TrackedApp): TrackedApp {
  if (!app.lastFailure) return app;
  const { lastFailure: _cleared, ...rest } = app;
  return rest;
}

/** A due day pushed back past the day of the last failure, so the app is retried daily. */
export function afterLastFailure(app: TrackedApp, day: IsoDate | null): IsoDate | null {
  if (day === null || !app.lastFailure) return day;
  const retry = addDays(app.lastFailure.on, 1);
  return day < retry ? retry : day;
}
