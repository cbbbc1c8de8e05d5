/**
 * Work on one ticket: a comment on a ticket the app does not track, a partner's reply to the
 * notice, and an agent opening the issue panel (`getTicketState`).
 */
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { createSandbox } from '../sandbox';
import { appSweep, BUSY_DAY, seededSandbox } from './day-workloads';
import { measure, type Cost } from './measure';
import { AGENT, PARTNER, seedPeople } from './seed';

const REPO = path.resolve(__dirname, '..');

export interface CommentTriggerFigures {
  untrackedTicket: { inputs: { ticket: 'untracked'; author: 'partner' }; cost: Cost; target: { jiraRequests: 0 } };
  partnerReply: { inputs: { ticket: 'tracked, notice posted'; reply: string }; cost: Cost; recorded: string | null };
}

export async function commentTrigger(): Promise<CommentTriggerFigures> {
  const sandbox = await createSandbox({ now: `${BUSY_DAY}T00:00:00Z` });
  try {
    seedPeople(sandbox);
    const key = sandbox.jira.addIssue({
      summary: 'Not a program submission',
      reporter: PARTNER,
      requestType: 'App submission',
    });
    sandbox.jira.addComment(key, { author: PARTNER, body: 'Hello, is there any news on my request?' });
    await measure(sandbox, () => sandbox.deliverPendingEvents()); // loads the code
    sandbox.jira.addComment(key, { author: PARTNER, body: 'Any news?' });
    const untracked = await measure(sandbox, () => sandbox.deliverPendingEvents());
    return {
      untrackedTicket: {
        inputs: { ticket: 'untracked', author: 'partner' },
        cost: untracked,
        target: { jiraRequests: 0 },
      },
      partnerReply: await partnerReply(),
    };
  } finally {
    await sandbox.close();
  }
}

async function partnerReply(): Promise<CommentTriggerFigures['partnerReply']> {
  const { sandbox, keys } = await seededSandbox(1, 1, { store: true });
  try {
    const key = keys[0] as string;
    await appSweep(sandbox, BUSY_DAY, { trackedApps: 1, due: 1 });
    const reply = 'No, there were no significant changes to our app this year.\n\nThanks, Dana';
    sandbox.clock.set(`${BUSY_DAY}T10:00:00Z`);
    sandbox.jira.addComment(key, { author: PARTNER, body: reply });
    const cost = await measure(sandbox, () => sandbox.deliverPendingEvents());
    const stored = sandbox.kvs.entity('tracked-app', key) as
      { app?: { reviews?: { answer?: { value?: string } }[] } } | undefined;
    return {
      inputs: { ticket: 'tracked, notice posted', reply },
      cost,
      recorded: stored?.app?.reviews?.[0]?.answer?.value ?? null,
    };
  } finally {
    await sandbox.close();
  }
}

export interface PanelFigures {
  inputs: { ticket: 'tracked, notice posted'; caller: 'agent' };
  cost: Cost;
  responseBytes: number;
  panelJs: { files: string[]; bytes: number; gzipBytes: number; builtByBench: boolean };
}

/** An agent opens the panel on a tracked ticket whose review notice went out. */
export async function panel(): Promise<PanelFigures> {
  const { sandbox, keys } = await seededSandbox(1, 1, { store: true });
  let cost: Cost;
  let bytes = 0;
  try {
    const key = keys[0] as string;
    await appSweep(sandbox, BUSY_DAY, { trackedApps: 1, due: 1 });
    const render = async () => {
      const answer = (await sandbox.invokeResolver(
        'getTicketState',
        { issueKey: key },
        { accountId: AGENT, issueKey: key },
      )) as { ok?: boolean };
      if (!answer?.ok) throw new Error(`getTicketState refused: ${JSON.stringify(answer)}`);
      bytes = Buffer.byteLength(JSON.stringify(answer));
    };
    await render(); // loads the code
    cost = await measure(sandbox, render);
  } finally {
    await sandbox.close();
  }
  return {
    inputs: { ticket: 'tracked, notice posted', caller: 'agent' },
    cost,
    responseBytes: bytes,
    panelJs: panelJavaScript(),
  };
}

function panelJavaScript(): PanelFigures['panelJs'] {
  const dir = path.join(REPO, 'static', 'issue-panel', 'build');
  const scripts = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')) : []);
  let builtByBench = false;
  if (scripts().length === 0) {
    execFileSync(
      process.execPath,
      [path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(REPO, 'scripts', 'build-static.ts')],
      { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    builtByBench = true;
  }
  const files = scripts();
  const contents = files.map((f) => readFileSync(path.join(dir, f)));
  return {
    files: files.map((f) => `static/issue-panel/build/${f}`),
    bytes: contents.reduce((n, c) => n + c.length, 0),
    gzipBytes: contents.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0),
    builtByBench,
  };
}
