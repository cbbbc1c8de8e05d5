import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import type { Sandbox } from '../index';
import { bridgeScript } from './bridge-script';
import { framedPage, ticketListPage, ticketPage, type LocalUser, type PageContext } from './host-pages';
import { themeCss } from './theme-css';

/**
 * The local web site of `npm start`: JSM-ticket-like host pages around the real Custom UI builds,
 * whose bridge answers `invoke` from the real resolvers in the sandbox. Listens on 127.0.0.1 only.
 */
export interface LocalSiteOptions {
  sandbox: Sandbox;
  /** The people one can act as; the first is the default. */
  users: LocalUser[];
  port?: number;
  staticRoot?: string;
  log?: (line: string) => void;
}

export interface LocalSite {
  url: string;
  close(): Promise<void>;
}

const PAGES = new Set(['issue-panel', 'global-page', 'admin-page', 'portal-panel']);
const MAX_BODY = 600 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function startLocalSite(options: LocalSiteOptions): Promise<LocalSite> {
  const { sandbox, users } = options;
  const staticRoot = options.staticRoot ?? path.resolve(__dirname, '../../static');
  const log = options.log ?? ((line: string) => console.log(line));

  // The sandbox owns global state (clock, store): one operation at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const settle = async () => {
    try {
      await sandbox.deliverPendingEvents();
    } catch (err) {
      log(`local site: delivering product events failed: ${(err as Error).message}`);
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(
        `local site: ${req.method} ${req.url} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'The local site failed; see its console.');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ctx: PageContext = { sandbox, users, as: actingAs(req) };

    if (req.method === 'GET') {
      if (url.pathname === '/') return send(res, 200, HTML, ticketListPage(ctx));
      const browse = /^\/browse\/([A-Z][A-Z0-9_]*-\d+)$/.exec(url.pathname);
      if (browse?.[1]) {
        const page = ticketPage(ctx, browse[1], url.searchParams.get('focusedCommentId') ?? undefined);
        return page
          ? send(res, 200, HTML, page)
          : send(res, 404, 'text/plain; charset=utf-8', `No ticket ${browse[1]}.`);
      }
      if (url.pathname === '/apps') return send(res, 200, HTML, framedPage(ctx, 'All apps', 'global-page'));
      if (url.pathname === '/settings') return send(res, 200, HTML, framedPage(ctx, 'Settings', 'admin-page'));
      if (url.pathname === '/local/bridge.js') return send(res, 200, 'text/javascript; charset=utf-8', bridgeScript());
      if (url.pathname === '/favicon.svg' || url.pathname === '/favicon.ico') {
        return send(
          res,
          200,
          'image/svg+xml',
          await fs.promises.readFile(path.join(staticRoot, 'icons', 'cloud-fortified.svg'), 'utf8'),
        );
      }
      if (url.pathname === '/local/tokens.css') return send(res, 200, 'text/css; charset=utf-8', themeCss());
      const attachment = /^\/local\/attachment\/([A-Z][A-Z0-9_]*-\d+)\/(\w+)$/.exec(url.pathname);
      if (attachment?.[1] && attachment[2]) {
        const file = sandbox.jira.issue(attachment[1])
          ? sandbox.jira.attachments(attachment[1]).find((a) => a.id === attachment[2])
          : undefined;
        if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'No such attachment.');
        res.writeHead(200, {
          'content-type': file.mimeType,
          'content-disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
        });
        res.end(file.content);
        return;
      }
      const frame = /^\/frame\/([a-z-]+)\/(index\.html|main\.js|main\.css)?$/.exec(url.pathname);
      if (frame?.[1] && PAGES.has(frame[1]))
        return serveFrameFile(res, path.join(staticRoot, frame[1], 'build'), frame[2] ?? 'index.html');
      if (/^\/frame\/[a-z-]+$/.test(url.pathname)) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` });
        res.end();
        return;
      }
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    }

    if (req.method === 'POST') {
      if (!sameOrigin(req)) return send(res, 403, 'text/plain; charset=utf-8', 'Cross-site request refused.');
      const body = await readBody(req);
      if (url.pathname === '/local/invoke') return invoke(res, body);
      if (url.pathname === '/local/jira') return jiraAsUser(res, body);
      if (url.pathname === '/local/clock') {
        const days = Number(new URLSearchParams(body).get('days'));
        if (!Number.isInteger(days) || days < 1 || days > 366)
          return send(res, 400, 'text/plain; charset=utf-8', 'days must be a whole number from 1 to 366.');
        await serial(() => advanceDays(sandbox, days, settle));
        return back(req, res);
      }
      if (url.pathname === '/local/comment') {
        const form = new URLSearchParams(body);
        const issueKey = form.get('issueKey') ?? '';
        const text = (form.get('body') ?? '').trim();
        const issue = sandbox.jira.issue(issueKey);
        if (!issue) return send(res, 404, 'text/plain; charset=utf-8', `No ticket ${issueKey}.`);
        if (!text) return back(req, res);
        await serial(async () => {
          sandbox.jira.addComment(issueKey, { author: issue.reporterId, body: text, public: true });
          await settle();
        });
        return back(req, res);
      }
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
  }

  async function invoke(res: http.ServerResponse, body: string): Promise<void> {
    let call: {
      functionKey?: unknown;
      payload?: unknown;
      moduleKey?: unknown;
      issueKey?: unknown;
      accountId?: unknown;
    };
    try {
      call = JSON.parse(body) as typeof call;
    } catch {
      return sendJson(res, 400, { error: 'The request is not JSON.' });
    }
    if (typeof call.functionKey !== 'string' || typeof call.accountId !== 'string' || call.accountId === '') {
      return sendJson(res, 400, { error: 'functionKey and accountId are required.' });
    }
    const as = {
      accountId: call.accountId,
      ...(typeof call.issueKey === 'string' && call.issueKey ? { issueKey: call.issueKey } : {}),
      ...(typeof call.moduleKey === 'string' && call.moduleKey ? { moduleKey: call.moduleKey } : {}),
    };
    try {
      const result = await serial(async () => {
        const r = await sandbox.invokeResolver(call.functionKey as string, call.payload ?? {}, as);
        await settle();
        return r;
      });
      return sendJson(res, 200, { result });
    } catch (err) {
      log(`local site: resolver ${call.functionKey} failed: ${(err as Error).message}`);
      return sendJson(res, 500, { error: `The resolver failed: ${(err as Error).message}` });
    }
  }

  /** A product request from a frame (`requestJira`), made to the Jira emulator with the frame user's rights. */
  async function jiraAsUser(res: http.ServerResponse, body: string): Promise<void> {
    let call: {
      product?: unknown;
      restPath?: unknown;
      method?: unknown;
      headers?: unknown;
      body?: unknown;
      accountId?: unknown;
    };
    try {
      call = JSON.parse(body) as typeof call;
    } catch {
      return sendJson(res, 400, { error: 'The request is not JSON.' });
    }
    if (call.product !== 'jira') return sendJson(res, 400, { error: 'The local site answers requestJira only.' });
    if (
      typeof call.restPath !== 'string' ||
      !call.restPath.startsWith('/') ||
      typeof call.accountId !== 'string' ||
      call.accountId === ''
    ) {
      return sendJson(res, 400, { error: 'restPath and accountId are required.' });
    }
    const headers = new Headers();
    if (Array.isArray(call.headers)) {
      for (const pair of call.headers)
        if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string')
          headers.append(pair[0], pair[1]);
    }
    const request = {
      method: typeof call.method === 'string' ? call.method : 'GET',
      path: call.restPath,
      headers,
      body: typeof call.body === 'string' ? Buffer.from(call.body, 'utf8') : undefined,
      callerId: call.accountId,
      selfCaused: false,
    };
    const answer = await serial(async () => {
      const r = sandbox.jira.handle(request);
      await settle();
      return r;
    });
    const answerHeaders: Record<string, string> = {};
    answer.headers.forEach((value, name) => (answerHeaders[name] = value));
    return sendJson(res, 200, {
      status: answer.status,
      statusText: answer.statusText,
      headers: answerHeaders,
      body: await answer.text(),
      isAttachment: false,
    });
  }

  function actingAs(req: http.IncomingMessage): string {
    const cookie = /(?:^|;\s*)cf_as=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const chosen = cookie ? decodeURIComponent(cookie) : undefined;
    return users.find((u) => u.accountId === chosen)?.accountId ?? users[0]?.accountId ?? '';
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Advances the clock day by day; each day the scheduled trigger runs, as it would in Forge. */
export async function advanceDays(sandbox: Sandbox, days: number, settle: () => Promise<void>): Promise<void> {
  for (let i = 0; i < days; i++) {
    sandbox.clock.advance(DAY_MS);
    await sandbox.runScheduledTrigger();
    await settle();
  }
}

const HTML = 'text/html; charset=utf-8';

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function back(req: http.IncomingMessage, res: http.ServerResponse): void {
  const referer = req.headers.referer;
  let location = '/';
  if (referer) {
    const u = new URL(referer);
    if (u.host === req.headers.host) location = u.pathname + u.search;
  }
  res.writeHead(303, { location });
  res.end();
}

function sameOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Serves a page's build; its index.html gets the local bridge before the bundle, as Forge injects its own. */
function serveFrameFile(res: http.ServerResponse, dir: string, file: string): void {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    send(res, 404, 'text/plain; charset=utf-8', `Missing ${path.relative(process.cwd(), full)}: run npm run build.`);
    return;
  }
  const content = fs.readFileSync(full);
  if (file === 'index.html') {
    const html = content.toString('utf8').replace('<head>', '<head>\n<script src="/local/bridge.js"></script>');
    send(res, 200, HTML, html);
    return;
  }
  res.writeHead(200, {
    'content-type': file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(content);
}
