import { AsyncLocalStorage } from 'async_hooks';
import type { FaultPlan } from '../faults/fault-plan';
import type { JiraEmulator } from '../jira/jira-emulator';
import type { KvsEmulator } from '../kvs/kvs-emulator';
import type { QueueEmulator } from '../queue/queue-emulator';

/** One running function: what the platform knows about it while it runs. */
export interface Invocation {
  id: string;
  functionKey: string;
  moduleKey: string;
  /** Set when an injected crash killed the function: every later call fails too. */
  crashed: boolean;
  /** The user the platform says is calling (resolvers): `asUser()` without an id acts as them. */
  accountId?: string;
  /** `performance.now()` by which the platform stops the function (its timeoutSeconds, 25 s by default). */
  deadline: number;
}

export const invocations = new AsyncLocalStorage<Invocation>();

export interface FetchContext {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

export class InjectedCrash extends Error {
  constructor(where: string) {
    super(`sandbox: the function died right after ${where} (injected crash)`);
    this.name = 'InjectedCrash';
  }
}

const KVS_WRITES = new Set([
  'set',
  'delete',
  'batch/set',
  'batch/delete',
  'transaction',
  'entity/set',
  'entity/delete',
  'secret/set',
  'secret/delete',
]);

async function readBody(body: unknown): Promise<{ buf?: Buffer; contentType?: string }> {
  if (body === undefined || body === null) return {};
  if (typeof body === 'string') return { buf: Buffer.from(body) };
  if (Buffer.isBuffer(body)) return { buf: body };
  if (ArrayBuffer.isView(body)) return { buf: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
  if (body instanceof ArrayBuffer) return { buf: Buffer.from(body) };
  // FormData, Blob, URLSearchParams, streams: let the platform serialise them as fetch would
  const r = new Response(body as BodyInit);
  return { buf: Buffer.from(await r.arrayBuffer()), contentType: r.headers.get('content-type') ?? undefined };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/**
 * `global.__forge_fetch__`: where `@forge/api`, `@forge/kvs` and `@forge/events` send every call.
 * Routes to the local Jira, key-value store and queue, and injects the planned faults.
 */
export function makeForgeFetch(deps: {
  jira: JiraEmulator;
  kvs: KvsEmulator;
  queue: QueueEmulator;
  faults: FaultPlan;
  appAccountId: string;
  retryAfterSeconds: number;
}) {
  const { jira, kvs, queue, faults, appAccountId, retryAfterSeconds } = deps;
  return async function forgeFetch(ctx: FetchContext, path: string, init?: RequestInit): Promise<Response> {
    const inv = invocations.getStore();
    if (inv?.crashed) throw new InjectedCrash('an earlier write');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    const { buf, contentType } = await readBody(init?.body);
    if (contentType && !headers.has('content-type')) headers.set('content-type', contentType);

    if (ctx.type === 'kvs') {
      let body: unknown;
      try {
        body = buf ? JSON.parse(buf.toString('utf8')) : {};
      } catch {
        return json(400, { code: 'BAD_REQUEST', message: 'Provided request body is invalid' });
      }
      const answer = kvs.handle(path, body);
      const op = path.replace(/^\/api\/v1\//, '');
      if (inv && KVS_WRITES.has(op) && answer.status < 300 && faults.crashAfterWrite(`kvs ${op}`)) {
        inv.crashed = true;
        throw new InjectedCrash(`kvs ${op}`);
      }
      return answer.body === undefined
        ? new Response(null, { status: answer.status })
        : json(answer.status, answer.body);
    }

    if (ctx.remote === 'stargate' && path.startsWith('/webhook/queue/publish/')) {
      let body: unknown;
      try {
        body = buf ? JSON.parse(buf.toString('utf8')) : undefined;
      } catch {
        return json(400, { message: 'the push body is not JSON' });
      }
      const answer = queue.handlePush(body);
      return json(answer.status, answer.body);
    }

    if (ctx.remote === 'jira') {
      const where = `${method} ${path.split('?')[0]}`;
      if (inv) {
        const before = faults.beforeRequest(where);
        if (before.kind === 'rate-limited') {
          jira.stats.requests++;
          return json(429, { errorMessages: ['Rate limit exceeded.'] }, { 'Retry-After': String(retryAfterSeconds) });
        }
        if (before.kind === 'server-error') {
          jira.stats.requests++;
          return json(before.status, { errorMessages: ['Internal server error.'] });
        }
      }
      const userId = ctx.accountId ?? inv?.accountId;
      // Forge's proxy answers for a user who has not granted the app access; @forge/api turns
      // the header into NeedsAuthenticationError.
      if (ctx.provider === 'user' && userId && jira.users.get(userId)?.consented === false) {
        return new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
      }
      const callerId = ctx.provider === 'user' && userId ? userId : appAccountId;
      let response = jira.handle({ method, path, headers, ...(buf ? { body: buf } : {}), callerId, selfCaused: true });
      // fetch follows a redirect unless told `redirect: 'manual'`, as Forge's proxy does.
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location && init?.redirect !== 'manual') {
        const next = new URL(location, jira.baseUrl);
        response = jira.handle({
          method: 'GET',
          path: next.pathname + next.search,
          headers: new Headers({ accept: 'application/json' }),
          callerId,
          selfCaused: true,
        });
      }
      if (inv && method !== 'GET' && response.status < 300) {
        const drop = faults.dropAfterWrite(where);
        if (drop.kind === 'dropped-after-write') return json(drop.status, { errorMessages: ['Bad gateway.'] });
        if (faults.crashAfterWrite(where)) {
          inv.crashed = true;
          throw new InjectedCrash(where);
        }
      }
      return response;
    }

    return new Response(JSON.stringify({ message: `the sandbox has no ${ctx.remote ?? ctx.type} remote` }), {
      status: 404,
      headers: { 'forge-proxy-error': 'UNKNOWN_REMOTE' },
    });
  };
}
