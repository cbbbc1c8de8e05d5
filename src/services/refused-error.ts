import type { AppError } from '../domain/result';

/**
 * A refusal where the work cannot answer it but must stop: thrown, and typed so that retries
 * happen only for what may pass (others changing the record at the same time, Jira not answering);
 * anything else is a failure for good, reported on the ticket instead of retried forever.
 */
export class RefusedError extends Error {
  readonly code: AppError['code'];
  readonly transient: boolean;

  constructor(what: string, error: AppError) {
    super(`${what}: ${error.message}`);
    this.name = 'RefusedError';
    this.code = error.code;
    this.transient = error.code === 'conflict' || error.code === 'jira-unavailable';
  }
}
