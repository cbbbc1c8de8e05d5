import { randomUUID } from 'crypto';

export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_PUSH_KB = 200;
export const MAX_DELAY_SECONDS = 900;
/** Deliveries of one event before it is dropped (Forge retries a failed consumer a few times). */
export const MAX_ATTEMPTS = 4;

export interface QueuedEvent {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  delayInSeconds?: number;
  attempts: number;
  retryReason?: string;
  retryData?: unknown;
}

export interface DeadEvent {
  event: QueuedEvent;
  error: string;
}

/**
 * The Forge async events queue: accepts what `@forge/events` `Queue.push` sends, with the
 * platform's limits, and holds the events until the sandbox delivers them to the consumers.
 */
export class QueueEmulator {
  pending: QueuedEvent[] = [];
  readonly dead: DeadEvent[] = [];
  pushes = 0;
  events = 0;

  /** Answers `POST /webhook/queue/publish/...` (201 on success, like Forge). */
  handlePush(body: unknown): { status: number; body: unknown } {
    const req = body as { queueName?: unknown; jobId?: unknown; payload?: unknown };
    if (!req || typeof req.queueName !== 'string' || !Array.isArray(req.payload)) {
      return { status: 400, body: { message: 'Bad request: queueName and payload are required' } };
    }
    const payload = req.payload as { body?: unknown; delayInSeconds?: unknown }[];
    if (payload.length === 0 || payload.length > MAX_EVENTS_PER_PUSH) {
      return {
        status: 400,
        body: { message: `A push carries 1 to ${MAX_EVENTS_PER_PUSH} events, not ${payload.length}` },
      };
    }
    const kb = Buffer.byteLength(JSON.stringify(payload)) / 1024;
    if (kb > MAX_PUSH_KB)
      return { status: 413, body: { errorMessage: `The payload (${kb.toFixed(1)} KB) exceeds ${MAX_PUSH_KB} KB` } };
    for (const e of payload) {
      if (!e || typeof e.body !== 'object' || e.body === null || Array.isArray(e.body)) {
        return { status: 400, body: { message: 'Every event needs an object body' } };
      }
      if (
        e.delayInSeconds !== undefined &&
        (typeof e.delayInSeconds !== 'number' || e.delayInSeconds < 0 || e.delayInSeconds > MAX_DELAY_SECONDS)
      ) {
        return { status: 400, body: { message: `delayInSeconds must be between 0 and ${MAX_DELAY_SECONDS}` } };
      }
    }
    const jobId = typeof req.jobId === 'string' ? req.jobId : randomUUID();
    this.pushes++;
    for (const e of payload) {
      this.events++;
      this.pending.push({
        queueName: req.queueName,
        jobId,
        eventId: randomUUID(),
        body: JSON.parse(JSON.stringify(e.body)) as Record<string, unknown>,
        ...(typeof e.delayInSeconds === 'number' ? { delayInSeconds: e.delayInSeconds } : {}),
        attempts: 0,
      });
    }
    return { status: 201, body: { jobId } };
  }

  take(): QueuedEvent | undefined {
    return this.pending.shift();
  }

  /** Puts an event back for another delivery, or gives up after MAX_ATTEMPTS. */
  retry(event: QueuedEvent, reason: string, error: string, retryData?: unknown): void {
    if (event.attempts >= MAX_ATTEMPTS) {
      this.dead.push({ event, error });
      return;
    }
    this.pending.push({ ...event, retryReason: reason, retryData });
  }

  /** The event as the consumer function receives it. */
  static consumerEvent(event: QueuedEvent) {
    return {
      queueName: event.queueName,
      jobId: event.jobId,
      eventId: event.eventId,
      body: event.body,
      ...(event.delayInSeconds !== undefined ? { delayInSeconds: event.delayInSeconds } : {}),
      ...(event.attempts > 1
        ? {
            retryContext: {
              retryCount: event.attempts - 1,
              retryReason: event.retryReason ?? 'FUNCTION_RETRY_REQUEST',
              retryData: event.retryData,
            },
          }
        : {}),
    };
  }

  snapshot() {
    return { pending: this.pending, dead: this.dead, pushes: this.pushes, events: this.events };
  }

  restore(s: { pending?: QueuedEvent[]; dead?: DeadEvent[] }): void {
    this.pending = s.pending ?? [];
    this.dead.push(...(s.dead ?? []));
  }
}
