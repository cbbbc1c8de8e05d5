/** Starts the local site (`npm start`'s server) with a fresh sandbox, and a headless Chromium to drive it. */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

/** `describe`, or a skipped one with a console line where no browser is installed. */
export function describeWithBrowser(name: string, body: () => void): void {
  if (fs.existsSync(CHROMIUM)) {
    describe(name, body);
  } else {
    console.log(`${name}: skipped, no browser at ${CHROMIUM} (apt-get install -y chromium)`);
    describe.skip(name, body);
  }
}

export interface Site {
  url: string;
  /** Moves the sandbox clock by whole days; the scheduled sweep runs on each. */
  advanceDays(days: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startSite(options: { seed: 'demo' | 'people'; now?: string }): Promise<Site> {
  for (const page of ['issue-panel', 'global-page', 'admin-page', 'portal-panel']) {
    if (!fs.existsSync(path.join(ROOT, 'static', page, 'build', 'main.js')))
      throw new Error(`static/${page}/build is missing: run npm run build first`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cf-site-'));
  const args = [
    'sandbox/local-site/start.ts',
    '--reset',
    '--data-dir',
    dataDir,
    '--seed',
    options.seed,
    ...(options.now ? ['--now', options.now] : []),
  ];
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`the local site exited (${code}) before serving:\n${output.slice(-3000)}`)),
    );
  });
  return {
    url,
    async advanceDays(days) {
      for (let left = days; left > 0; left -= 366) {
        const res = await fetch(`${url}/local/clock`, {
          method: 'POST',
          body: new URLSearchParams({ days: String(Math.min(left, 366)) }),
          redirect: 'manual',
        });
        if (res.status !== 303) throw new Error(`advancing the clock answered ${res.status}: ${await res.text()}`);
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cf-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
