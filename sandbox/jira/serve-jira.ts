import * as http from 'http';
import type { JiraEmulator } from './jira-emulator';

/**
 * Serves the Jira emulator over HTTP on 127.0.0.1 for the local pages. The caller is named by the
 * `X-Sandbox-Account` header (default: the app). Requests are checked against the specs like any other.
 */
export function serveJira(jira: JiraEmulator, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const headers = new Headers();
          for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
          const body = Buffer.concat(chunks);
          const callerId = headers.get('x-sandbox-account') ?? jira.appAccountId;
          const answer = jira.handle({
            method: req.method ?? 'GET',
            path: req.url ?? '/',
            headers,
            ...(body.length ? { body } : {}),
            callerId,
            selfCaused: callerId === jira.appAccountId,
          });
          res.statusCode = answer.status;
          answer.headers.forEach((v, k) => res.setHeader(k, v));
          res.end(Buffer.from(await answer.arrayBuffer()));
        } catch (e) {
          res.statusCode = 500;
          res.end(JSON.stringify({ errorMessages: [(e as Error).message] }));
        }
      })();
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${addr.port}`, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}
