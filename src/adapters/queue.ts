import { Queue } from '@forge/events';
import type { IsoDate } from '../domain/dates';
import type { WorkQueue } from '../ports';

export const REVIEW_QUEUE = 'review-work';

/** Issue keys per event: one worker invocation handles this many apps well within its 900 s. */
export const KEYS_PER_EVENT = 10;
/** Events per push: the platform takes at most 50. */
export const EVENTS_PER_PUSH = 50;

/** The body of one review-work event. */
export interface ReviewWorkBody extends Record<string, unknown> {
  issueKeys: string[];
  day: IsoDate;
}

/**
 * Pushes review work in events of KEYS_PER_EVENT keys, EVENTS_PER_PUSH events per push: with
 * Jira keys of at most ~30 characters an event is under 1 KB, so a push stays far below the
 * 200 KB limit; 5,000 due apps are 500 events in 10 pushes.
 */
export class ForgeWorkQueue implements WorkQueue {
  constructor(private readonly queue: Queue = new Queue({ key: REVIEW_QUEUE })) {}

  async pushReviewWork(issueKeys: string[], day: IsoDate): Promise<void> {
    const events = batches([...new Set(issueKeys)], KEYS_PER_EVENT).map((keys) => ({
      body: { issueKeys: keys, day } satisfies ReviewWorkBody,
    }));
    for (const push of batches(events, EVENTS_PER_PUSH)) await this.queue.push(push);
  }
}

export function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
