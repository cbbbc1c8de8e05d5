import fs from 'fs';
import os from 'os';
import path from 'path';
import { checkManifest } from '../../scripts/forge-checks/manifest-check';

const projectDir = path.resolve(__dirname, '../..');
const manifestText = fs.readFileSync(path.join(projectDir, 'manifest.yml'), 'utf8');
const indexFile = path.join(projectDir, 'src/index.ts');

/** A throwaway project holding the given manifest text, the handler file and the icon. */
function scratchProject(manifest: string, withBuilds: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cf-manifest-'));
  fs.writeFileSync(path.join(dir, 'manifest.yml'), manifest);
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src/index.ts'), 'export {};\n');
  fs.cpSync(path.join(projectDir, 'static/icons'), path.join(dir, 'static/icons'), { recursive: true });
  if (withBuilds) {
    for (const page of ['issue-panel', 'global-page', 'admin-page', 'portal-panel']) {
      fs.mkdirSync(path.join(dir, 'static', page, 'build'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'static', page, 'build/index.html'), '<!doctype html><html><body></body></html>');
    }
  }
  return dir;
}

describe('manifest.yml', () => {
  let check: Awaited<ReturnType<typeof checkManifest>>;
  beforeAll(async () => {
    check = await checkManifest(projectDir);
  });

  it('passes the full Forge validation', () => {
    expect(check.errors).toEqual([]);
    expect(check.manifest).toBeDefined();
  });

  it('declares the agreed functions and handlers', () => {
    const functions = Object.fromEntries((check.manifest?.modules?.function ?? []).map((f) => [f.key, f]));
    expect(functions['resolver']?.handler).toBe('index.resolver');
    expect(functions['sweep']).toMatchObject({ handler: 'index.runSweep', timeoutSeconds: 900 });
    expect(functions['ticket-events']?.handler).toBe('index.onTicketEvent');
    expect(functions['review-worker']).toMatchObject({ handler: 'index.processReviewWork', timeoutSeconds: 900 });
  });

  it('wires the pages, the sweep, the ticket events and the queue to those functions', () => {
    const modules = check.manifest!.modules as Record<string, Array<Record<string, unknown>> | undefined>;
    const byKey = (type: string, key: string) => modules[type]?.find((m) => m['key'] === key);

    expect(byKey('jira:issuePanel', 'cf-tracker-panel')).toMatchObject({
      title: 'Cloud Fortified',
      resource: 'issue-panel',
      resolver: { function: 'resolver' },
    });
    expect(byKey('jira:globalPage', 'cf-tracker-apps')).toMatchObject({
      title: 'Cloud Fortified apps',
      resource: 'global-page',
      resolver: { function: 'resolver' },
    });
    expect(byKey('jira:adminPage', 'cf-tracker-settings')).toMatchObject({
      useAsConfig: true,
      resource: 'admin-page',
      resolver: { function: 'resolver' },
    });
    expect(byKey('scheduledTrigger', 'review-sweep')).toMatchObject({ function: 'sweep', interval: 'hour' });
    expect(modules['trigger']?.[0]).toMatchObject({
      function: 'ticket-events',
      events: ['avi:jira:commented:issue', 'avi:jira:updated:issue'],
      filter: { ignoreSelf: true },
    });
    expect(byKey('consumer', 'review-worker-consumer')).toMatchObject({
      queue: 'review-work',
      function: 'review-worker',
    });
  });

  it('indexes the summary property for JQL under the agreed aliases', () => {
    const index = check.manifest!.modules?.['jira:entityProperty']?.find((m) => m.key === 'cf-tracker-summary-index');
    expect(index).toMatchObject({ entityType: 'issue', propertyKey: 'cf-tracker-summary' });
    const aliases = Object.fromEntries((index?.values ?? []).map((v) => [v.searchAlias, `${v.path}:${v.type}`]));
    expect(aliases).toEqual({
      cfStage: 'stage:string',
      cfNextStep: 'nextStep:string',
      cfReviewState: 'reviewState:string',
      cfNextActionOn: 'nextActionOn:date',
      cfApprovedOn: 'approvedOn:date',
      cfRemediationDue: 'remediationDue:date',
      cfAnswer: 'answer:string',
      cfAppName: 'appName:text',
      cfOverdue: 'overdue:string',
    });
  });

  it('declares the storage entities and the index the sweep reads', () => {
    const entities = Object.fromEntries((check.manifest!.app.storage?.entities ?? []).map((e) => [e.name, e]));
    expect(entities['tracked-app']?.attributes).toMatchObject({
      issueKey: { type: 'string' },
      nextActionOn: { type: 'string' },
      stage: { type: 'string' },
      app: { type: 'any' },
    });
    expect(entities['audit-entry']?.attributes).toMatchObject({
      issueKey: { type: 'string' },
      at: { type: 'string' },
      entry: { type: 'any' },
    });
    expect(entities['tracked-app']?.indexes).toContainEqual({ name: 'by-next-action', range: ['nextActionOn'] });
    expect(entities['tracked-app']?.indexes).toContainEqual({
      name: 'by-stage',
      partition: ['stage'],
      range: ['nextActionOn'],
    });
    expect(entities['audit-entry']?.indexes).toContainEqual({
      name: 'by-issue',
      partition: ['issueKey'],
      range: ['at'],
    });
  });

  it('asks for no egress', () => {
    expect(check.manifest!.permissions?.external).toBeUndefined();
  });

  const handlersTest = fs.existsSync(indexFile) ? it : it.skip;
  if (!fs.existsSync(indexFile)) {
    console.warn('src/index.ts does not exist yet: the check that every handler is exported from it is skipped.');
  }
  handlersTest('names only functions that src/index.ts exports', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(indexFile) as Record<string, unknown>;
    for (const fn of check.manifest!.modules?.function ?? []) {
      const [file, name = ''] = fn.handler.split('.');
      expect(file).toBe('index');
      expect({ handler: fn.handler, type: typeof exported[name] }).toEqual({ handler: fn.handler, type: 'function' });
    }
  });
});

describe('manifest validation', () => {
  it('reports a manifest Forge would refuse, with its line', async () => {
    const broken = manifestText.replace('interval: hour', 'interval: hourly');
    expect(broken).not.toBe(manifestText);
    const dir = scratchProject(broken, true);
    try {
      const result = await checkManifest(dir);
      expect(result.errors.length).toBeGreaterThan(0);
      const line = broken.split('\n').findIndex((l) => l.includes('interval: hourly')) + 1;
      expect(result.errors.map((e) => e.line)).toContain(line);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a handler whose file does not exist', async () => {
    const dir = scratchProject(manifestText.replace('handler: index.runSweep', 'handler: sweeper.runSweep'), true);
    try {
      const result = await checkManifest(dir);
      expect(result.errors.map((e) => e.message).join('\n')).toMatch(/sweeper/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sets unbuilt pages apart instead of failing on them', async () => {
    const dir = scratchProject(manifestText, false);
    try {
      const result = await checkManifest(dir);
      expect(result.errors).toEqual([]);
      expect(result.unbuilt.sort()).toEqual([
        'static/admin-page/build',
        'static/global-page/build',
        'static/issue-panel/build',
        'static/portal-panel/build',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('validates a fully built copy with nothing set apart', async () => {
    const dir = scratchProject(manifestText, true);
    try {
      const result = await checkManifest(dir);
      expect(result).toMatchObject({ errors: [], unbuilt: [] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
