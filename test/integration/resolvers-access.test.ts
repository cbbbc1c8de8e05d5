import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { ADMIN, AGENT, createWorld, data, MODULES, PARTNER, refusalOf, STRANGER, type World } from './resolvers-world';

let world: World;
let key: string;

beforeEach(async () => {
  world = await createWorld('2026-03-02T09:00:00Z');
  key = world.ticket('Acme Tasks submission');
  data(
    await world.call('startTracking', { issueKey: key, appName: 'Acme Tasks' }, { accountId: AGENT, issueKey: key }),
  );
});

afterEach(async () => {
  expect(world.sb.stats().contractViolations).toEqual([]);
  await world.sb.close();
});

test('the partner is sent to the portal panel: the agents’ panel neither reads nor changes anything for them', async () => {
  const read = refusalOf(await world.call('getTicketState', { issueKey: key }, { accountId: PARTNER, issueKey: key }));
  expect(read.code).toBe('forbidden');
  expect(read.message).toContain('customer portal');

  const attempts = [
    world.call('moveStage', { issueKey: key, stage: 'triage' }, { accountId: PARTNER, issueKey: key }),
    world.call(
      'setComponentStatus',
      { issueKey: key, componentId: 'bug-bounty', status: 'met' },
      { accountId: PARTNER, issueKey: key },
    ),
    world.call('approve', { issueKey: key }, { accountId: PARTNER, issueKey: key }),
    world.call(
      'raiseEscalation',
      { issueKey: key, text: 'x', source: 'customer' },
      { accountId: PARTNER, issueKey: key },
    ),
  ];
  for (const attempt of attempts) {
    const refused = refusalOf(await attempt);
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toContain('Only the program’s agents');
  }
  const after = await world.view(key);
  expect(after.submission.stage).toBe('submitted');
  expect(after.submission.components.every((c) => c.status === 'not-started')).toBe(true);
  expect(after.history).toHaveLength(1);
  expect(world.sb.jira.issue(key)?.status).toBe('Open');
});

test('an unknown account or an anonymous call is refused', async () => {
  const other = world.ticket('Another app');
  const unknown = refusalOf(
    await world.call('startTracking', { issueKey: other, appName: 'X' }, { accountId: 'nobody-123', issueKey: other }),
  );
  expect(unknown.code).toBe('forbidden');
  const anonymous = refusalOf(
    await world.call('startTracking', { issueKey: other, appName: 'X' }, { accountId: '', issueKey: other }),
  );
  expect(anonymous.code).toBe('forbidden');
  expect(anonymous.message).toMatch(/logged in/);
  expect(refusalOf(await world.call('getTicketState', { issueKey: key }, { accountId: '' })).code).toBe('forbidden');
  const view = data(await world.call('getTicketState', { issueKey: other }, { accountId: AGENT, issueKey: other }));
  expect(view.tracked).toBe(false);
});

test('a panel cannot act on another ticket than its own', async () => {
  const other = world.ticket('Another app');
  const refused = refusalOf(
    await world.call('startTracking', { issueKey: other, appName: 'X' }, { accountId: AGENT, issueKey: key }),
  );
  expect(refused.code).toBe('forbidden');
  expect(refused.message).toContain(key);
  expect(
    data(await world.call('getTicketState', { issueKey: other }, { accountId: AGENT, issueKey: other })).tracked,
  ).toBe(false);
});

test('settings and import are for Jira administrators; the list for agents and administrators', async () => {
  const settingsAs = (accountId: string) => ({ accountId, moduleKey: MODULES.settings });
  expect(refusalOf(await world.call('saveSettings', { settings: CLOUD_FORTIFIED }, settingsAs(AGENT))).code).toBe(
    'forbidden',
  );
  expect(refusalOf(await world.call('importApproved', { csv: `${key},2025-01-10` }, settingsAs(AGENT))).code).toBe(
    'forbidden',
  );
  expect(data(await world.call('saveSettings', { settings: CLOUD_FORTIFIED }, settingsAs(ADMIN))).settings.name).toBe(
    CLOUD_FORTIFIED.name,
  );

  const agentSettings = data(await world.call('getSettings', {}, settingsAs(AGENT)));
  expect(agentSettings.viewer).toMatchObject({ isAdmin: false });
  expect(data(await world.call('getSettings', {}, settingsAs(ADMIN))).viewer).toMatchObject({ isAdmin: true });

  expect(data(await world.call('listApps', {}, { accountId: AGENT })).total).toBe(1);
  expect(data(await world.call('listApps', {}, { accountId: ADMIN })).total).toBe(1);
  for (const outsider of [PARTNER, STRANGER]) {
    const refused = refusalOf(await world.call('listApps', {}, { accountId: outsider }));
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toContain('agents');
    expect(refusalOf(await world.call('getSettings', {}, settingsAs(outsider))).code).toBe('forbidden');
  }
});

test('bad payloads are refused as invalid, naming the field, and change nothing', async () => {
  const as = { accountId: AGENT, issueKey: key };
  const cases: [string, Promise<{ ok: boolean; error?: { code: string; message: string } }>, RegExp][] = [
    [
      'unknown stage',
      world.call('moveStage', { issueKey: key, stage: 'done' }, as),
      /stage must be one of submitted, triage/,
    ],
    ['missing key', world.call('moveStage', { stage: 'triage' }, as), /issueKey is required/],
    ['not a key', world.call('getTicketState', { issueKey: 'hello world' }, as), /issueKey must be a ticket key/],
    ['a typo', world.call('moveStage', { issueKey: key, stag: 'triage' }, as), /unknown field stag/],
    [
      'impossible date',
      world.call('approve', { issueKey: key, approvedOn: '2026-02-30' }, as),
      /approvedOn must be a real calendar day/,
    ],
    ['empty name', world.call('startTracking', { issueKey: key, appName: '   ' }, as), /appName must not be empty/],
    ['wrong type', world.call('listApps', { limit: 'lots' }, { accountId: AGENT }), /limit must be a number/],
  ];
  for (const [what, call, message] of cases) {
    const refused = refusalOf(await call);
    expect({ what, code: refused.code }).toEqual({ what, code: 'invalid' });
    expect(refused.message).toMatch(message);
  }
  expect((await world.view(key)).history).toHaveLength(1);
});
