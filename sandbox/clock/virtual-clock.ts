import { withGlobal, type InstalledClock } from '@sinonjs/fake-timers';
import { DateTime } from 'luxon';

/** The clock whose fake `Date` is installed in this process, if any. */
const installed: { clock?: VirtualClock } = {};

/**
 * The sandbox's time. While installed, `Date` (and so `Date.now()`, `new Date()`, luxon) reads
 * this clock for the whole process; timers stay real.
 * Time stands still unless set or advanced: runs are repeatable.
 */
export class VirtualClock {
  private ms: number;
  private fake?: InstalledClock;

  constructor(startIso?: string) {
    this.ms = startIso ? parseInstant(startIso) : Date.now();
  }

  now(): Date {
    return new Date(this.ms);
  }

  millis(): number {
    return this.ms;
  }

  set(iso: string): void {
    this.ms = parseInstant(iso);
    this.fake?.setSystemTime(this.ms);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new Error(`clock.advance takes a non-negative number of milliseconds, not ${ms}`);
    this.ms += ms;
    this.fake?.setSystemTime(this.ms);
  }

  /** Today's date (YYYY-MM-DD) in a time zone (default UTC). */
  today(tz = 'UTC'): string {
    const d = DateTime.fromMillis(this.ms, { zone: tz });
    if (!d.isValid) throw new Error(`unknown time zone: ${tz}`);
    return d.toISODate();
  }

  install(): void {
    if (installed.clock && installed.clock !== this) installed.clock.uninstall();
    if (!this.fake)
      this.fake = withGlobal(globalThis).install({ now: this.ms, toFake: ['Date'], shouldAdvanceTime: false });
    installed.clock = this;
  }

  uninstall(): void {
    this.fake?.uninstall();
    this.fake = undefined;
    if (installed.clock === this) delete installed.clock;
  }
}

function parseInstant(iso: string): number {
  const d = DateTime.fromISO(iso, { zone: 'utc' });
  if (!d.isValid) throw new Error(`not an ISO instant: ${iso}`);
  return d.toMillis();
}
