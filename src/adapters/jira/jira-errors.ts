/** Jira answered with an error status; `messages` are Jira's own words. */
export class JiraApiError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly messages: string[],
    /** Seconds Jira asked us to wait (429/503), when it said so. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`Jira answered ${status} to ${method} ${path}${messages.length ? `: ${messages.join('; ')}` : ''}`);
    this.name = 'JiraApiError';
  }

  /** Rate limited or a server-side failure: trying again later may work. */
  get transient(): boolean {
    return isTransientStatus(this.status);
  }
}

/** Jira could not be reached at all (the platform's proxy or the network failed). */
export class JiraUnreachableError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly reason: unknown,
  ) {
    super(
      `Jira could not be reached for ${method} ${path}: ${reason instanceof Error ? reason.message : String(reason)}`,
    );
    this.name = 'JiraUnreachableError';
  }
}

/** Jira answered 2xx, but not with what its API promises (missing fields, wrong types). */
export class JiraAnswerError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`Jira's answer to ${method} ${path} was not understood: ${problems.join('; ')}`);
    this.name = 'JiraAnswerError';
  }
}

export function isTransientStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Any of the errors above: callers turn these into "Jira is unavailable" for people. */
export function isJiraError(error: unknown): error is JiraApiError | JiraUnreachableError | JiraAnswerError {
  return error instanceof JiraApiError || error instanceof JiraUnreachableError || error instanceof JiraAnswerError;
}

/**
 * `asUser()` refused because the user has not granted the app access yet. It must reach the
 * platform as it is, so Custom UI shows the consent prompt. Known by name: bundles may hold more
 * than one copy of `@forge/api`.
 */
export function isNeedsAuthentication(error: unknown): boolean {
  return error instanceof Error && error.name === 'NEEDS_AUTHENTICATION_ERR';
}

/** Jira turned the caller away (not logged in, no access, not allowed): "not allowed", never "unavailable". */
export function isRefusal(error: unknown): error is JiraApiError {
  return error instanceof JiraApiError && (error.status === 401 || error.status === 403);
}
