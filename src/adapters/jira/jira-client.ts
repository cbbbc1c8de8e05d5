import { asApp, asUser, getAppContext, type Route } from '@forge/api';
import type { z } from 'zod';
import {
  JiraAnswerError,
  JiraApiError,
  JiraUnreachableError,
  isNeedsAuthentication,
  isTransientStatus,
} from './jira-errors';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  attempts: number;
  /** First backoff delay; doubles on each retry. */
  baseDelayMs: number;
  /** Longest single wait; a Retry-After longer than this is not waited out: the call fails. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 10_000 };

/** Time as the client sees it: injected so tests use fake timers, never real waits. */
export interface Timing {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** What is left of the invocation, when the runtime says; undefined otherwise. */
  remainingMs(): number | undefined;
}

/** A resolver has 25 s in all; the answer must still reach the page after the last wait. */
export const RESOLVER_LIMIT_MS = 25_000;
/** Kept free at the end of an invocation for the answer itself and what follows a failure. */
const SAFETY_MARGIN_MS = 3_000;

/** How the client waits between attempts: real time on Forge; the sandbox waits in its virtual time. */
export const retryWaits = {
  sleep: (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

export const systemTiming: Timing = {
  now: () => Date.now(),
  sleep: (ms) => retryWaits.sleep(ms),
  remainingMs: () => {
    try {
      const left = getAppContext().invocationRemainingTimeInMillis();
      return Number.isFinite(left) ? left : undefined;
    } catch {
      // Outside a Forge invocation (tools, tests): the resolver limit counted from the client's start.
      return undefined;
    }
  },
};

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface JiraRequest {
  method: Method;
  path: Route;
  /** A JSON body (serialised here) or a raw body with its own content type. */
  json?: unknown;
  raw?: { body: ArrayBuffer | string; contentType: string };
  headers?: Record<string, string>;
  /**
   * Requests that may have taken effect even though they failed (a POST answered 5xx or cut off)
   * are not repeated blindly: they fail at once and the caller checks before trying again.
   * 429 is always retried: a rate-limited request was not performed.
   */
  unsafe?: boolean;
  /** `manual`: a 3xx answer (Jira's "see the task") is returned, not followed nor failed. */
  redirect?: 'manual';
}

export interface JiraResponse {
  status: number;
  /** Parsed JSON body; null when the body is empty. */
  body: unknown;
  /** The Location header of a 3xx answer. */
  location?: string;
}

type RequestJira = (
  path: Route,
  init?: { method?: string; body?: ArrayBuffer | string; headers?: Record<string, string>; redirect?: 'manual' },
) => Promise<{
  status: number;
  text: () => Promise<string>;
  headers: { get: (name: string) => string | null };
}>;

/**
 * Every REST call of the app goes through here: as the app for the app's own work, as the
 * calling user for permission questions. Retries what is worth retrying, within bounds, and
 * turns everything else into a typed error that names the status and Jira's message.
 */
export class JiraClient {
  private readonly startedAt: number;

  constructor(
    private readonly requestJira: RequestJira,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly timing: Timing = systemTiming,
  ) {
    this.startedAt = timing.now();
  }

  static asApp(retry?: RetryPolicy, timing?: Timing): JiraClient {
    return new JiraClient((path, init) => asApp().requestJira(path, init), retry, timing);
  }

  /** Asks as the user of the current invocation (the platform knows who is calling). */
  static asUser(retry?: RetryPolicy, timing?: Timing): JiraClient {
    return new JiraClient((path, init) => asUser().requestJira(path, init), retry, timing);
  }

  /**
   * Whether waiting `ms` more still leaves the invocation time to finish: the runtime's own
   * remaining time where it says, else the resolver limit counted from this client's start.
   */
  private mayWait(ms: number): boolean {
    const remaining = this.timing.remainingMs() ?? RESOLVER_LIMIT_MS - (this.timing.now() - this.startedAt);
    return ms <= remaining - SAFETY_MARGIN_MS;
  }

  async send(request: JiraRequest): Promise<JiraResponse> {
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    let body: ArrayBuffer | string | undefined;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['Content-Type'] = 'application/json';
    } else if (request.raw) {
      body = request.raw.body;
      headers['Content-Type'] = request.raw.contentType;
    }
    const where = request.path.value;

    for (let attempt = 1; ; attempt++) {
      const last = attempt >= this.retry.attempts;
      let response: Awaited<ReturnType<RequestJira>>;
      try {
        response = await this.requestJira(request.path, {
          method: request.method,
          body,
          headers,
          ...(request.redirect ? { redirect: request.redirect } : {}),
        });
      } catch (cause) {
        // The user has not allowed the app to act for them: the page shows Forge's consent prompt.
        if (isNeedsAuthentication(cause)) throw cause;
        const wait = this.backoff(attempt);
        if (last || request.unsafe || !this.mayWait(wait)) throw new JiraUnreachableError(request.method, where, cause);
        await this.timing.sleep(wait);
        continue;
      }

      const text = await response.text().catch(() => '');
      if (request.redirect === 'manual' && response.status >= 300 && response.status < 400) {
        const location = response.headers.get('location');
        return { status: response.status, body: null, ...(location ? { location } : {}) };
      }
      if (response.status >= 200 && response.status < 300) {
        return { status: response.status, body: parseJson(text, request.method, where) };
      }

      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      const error = new JiraApiError(response.status, request.method, where, jiraMessages(text), retryAfter);
      const retryable = response.status === 429 || (isTransientStatus(response.status) && !request.unsafe);
      if (!retryable || last) throw error;
      const wait = Math.max(this.backoff(attempt), (retryAfter ?? 0) * 1000);
      if (wait > this.retry.maxDelayMs && retryAfter !== undefined) throw error;
      const delay = Math.min(wait, this.retry.maxDelayMs);
      if (!this.mayWait(delay)) throw error;
      await this.timing.sleep(delay);
    }
  }

  /** Sends and validates the parts of the answer the caller reads. */
  async read<S extends z.ZodTypeAny>(request: JiraRequest, schema: S): Promise<z.output<S>> {
    const response = await this.send(request);
    return validate(schema, response.body, request.method, request.path.value);
  }

  private backoff(attempt: number): number {
    const exponential = this.retry.baseDelayMs * 2 ** (attempt - 1);
    // Jitter spreads the retries of parallel invocations.
    return Math.min(this.retry.maxDelayMs, exponential / 2 + Math.random() * (exponential / 2));
  }
}

export function validate<S extends z.ZodTypeAny>(schema: S, value: unknown, method: string, path: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as z.output<S>;
  throw new JiraAnswerError(
    method,
    path,
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`),
  );
}

function parseJson(text: string, method: string, path: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new JiraAnswerError(method, path, ['the body is not JSON']);
  }
}

/** Jira's error body: `{ errorMessages: [...], errors: { field: message } }`, or anything else. */
function jiraMessages(text: string): string[] {
  if (!text.trim()) return [];
  try {
    const body = JSON.parse(text) as { errorMessages?: unknown; errors?: unknown; message?: unknown };
    const messages: string[] = [];
    if (Array.isArray(body.errorMessages))
      messages.push(...body.errorMessages.filter((m): m is string => typeof m === 'string'));
    if (body.errors && typeof body.errors === 'object') {
      for (const [field, message] of Object.entries(body.errors as Record<string, unknown>)) {
        if (typeof message === 'string') messages.push(`${field}: ${message}`);
      }
    }
    if (typeof body.message === 'string') messages.push(body.message);
    return messages.length ? messages : [text.slice(0, 300)];
  } catch {
    return [text.slice(0, 300)];
  }
}

/** Seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, (at - now) / 1000);
}
