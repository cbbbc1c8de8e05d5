import type { Clock } from '../ports';

/** The system clock: the only place the app asks what time it is. */
export const systemClock: Clock = { now: () => new Date() };
