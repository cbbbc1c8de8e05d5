import { createSandbox, type Sandbox } from '../../sandbox';
import { forgePorts } from '../../src/adapters/forge-ports';
import type { TicketView } from '../../src/contract';

const AGENT = 'agent-ada';
const PARTNER = 'partner-pat';
const PANEL = 'cf-tracker-panel';

let sb: Sandbox;

beforeEach(async () => {
  // The clock never moves: every write below happens at the same instant.
  sb = await createSandbox({ now: '2026-03-02T09:00:00.000Z', log: () => undefined });
  sb.jira.addUser({ accountId: AGENT, displayName: 'Ada Agent', kind: 'agent' });
  sb.jira.addUser({ accountId: PARTNER, displayName: 'Pat Partner', kind: 'partner' });
});

afterEach(async () => {
  await sb.close();
});

async function call(key: string, payload: Record<string, unknown>, issueKey: string): Promise<TicketView> {
  const answer = (await sb.invokeResolver(key, payload, { accountId: AGENT, issueKey, moduleKey: PANEL })) as
    { ok: true; data: TicketView } | { ok: false; error: { message: string } };
  if (!answer.ok) throw new Error(`${key} refused: ${answer.error.message}`);
  return answer.data;
}

test('history written at one instant comes back newest write first, each write in the order written', async () => {
  const key = sb.jira.addIssue({
    summary: 'Acme Tasks',
    reporter: PARTNER,
    requestType: 'App submission',
    status: 'In verification',
  });
  await call('startTracking', { issueKey: key, appName: 'Acme Tasks' }, key);
  const started = await call('getTicketState', { issueKey: key }, key);
  if (!started.tracked) throw new Error('not tracked');
  const ids = started.submission.components.map((c) => c.id);
  for (const componentId of ids) await call('setComponentStatus', { issueKey: key, componentId, status: 'met' }, key);
  await call('approve', { issueKey: key }, key);

  const expected = [
    'approved',
    'review-scheduled',
    ...[...ids].reverse().map((id) => `component-changed:${id}`),
    'tracking-started',
  ];
  const describe = (e: { kind: string; detail?: Record<string, unknown> }) =>
    e.kind === 'component-changed' ? `${e.kind}:${String(e.detail?.componentId)}` : e.kind;

  // Read several times: the order is the same every time, not the luck of the draw.
  for (let read = 0; read < 3; read++) {
    const history = await forgePorts().audit.forIssue(key, 50);
    expect(new Set(history.map((e) => e.at))).toEqual(new Set(['2026-03-02T09:00:00.000Z']));
    expect(history.map(describe)).toEqual(expected);
  }
  // The panel shows the same order.
  const view = await call('getTicketState', { issueKey: key }, key);
  if (!view.tracked) throw new Error('not tracked');
  expect(view.history.slice(0, 3).map(describe)).toEqual(expected.slice(0, 3));
});

test('entries written on their own after a record write of the same instant come first', async () => {
  const key = sb.jira.addIssue({ summary: 'Acme Tasks', reporter: PARTNER, requestType: 'App submission' });
  await call('startTracking', { issueKey: key, appName: 'Acme Tasks' }, key);
  const at = '2026-03-02T09:00:00.000Z';
  await forgePorts().audit.append([
    { issueKey: key, at, by: 'app', kind: 'message-posted', summary: 'first note' },
    { issueKey: key, at, by: 'app', kind: 'message-posted', summary: 'second note' },
  ]);
  const history = await forgePorts().audit.forIssue(key);
  expect(history.map((e) => e.summary.slice(0, 16))).toEqual([
    'first note',
    'second note',
    expect.stringContaining('Tracking started'),
  ]);
});
