import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { MODULE_KEYS } from '../../src/entry/access';
import { ADMIN, AGENT, createWorld, data, MODULES, PARTNER, refusalOf, STRANGER, type World } from './resolvers-world';

/** Who may do what, decided as a real site answers: each user's own permissions, and the request's people. */
let world: World;
let key: string;
const PARTICIPANT = 'partner-pia';
const UNLICENSED = 'someone-unlicensed';
const JIRA_ADMIN = 'admin-only-alan';

beforeEach(async () => {
  world = await createWorld('2026-03-02T09:00:00Z');
  world.sb.jira.addUser({ accountId: PARTICIPANT, displayName: 'Pia Participant', kind: 'partner' });
  world.sb.jira.addUser({ accountId: UNLICENSED, displayName: 'Una Unlicensed', kind: 'unlicensed' });
  world.sb.jira.addUser({ accountId: JIRA_ADMIN, displayName: 'Alan Admin', kind: 'admin' });
  key = world.ticket('Acme Tasks submission');
  world.sb.jira.addParticipant(key, PARTICIPANT);
  data(
    await world.call('startTracking', { issueKey: key, appName: 'Acme Tasks' }, { accountId: AGENT, issueKey: key }),
  );
});

afterEach(async () => {
  expect(world.sb.stats().contractViolations).toEqual([]);
  await world.sb.close();
});

const panel = (accountId: string, issueKey = key) => ({ accountId, issueKey });

test('the manifest modules are the ones access checks', () => {
  expect(MODULE_KEYS).toEqual(MODULES);
  expect(world.sb.manifest.resolvers.map((r) => r.moduleKey).sort()).toEqual(Object.values(MODULES).sort());
});

test('the app itself may not search users by permission, as on a real site', async () => {
  const asApp = world.sb.jira.handle({
    method: 'GET',
    path: `/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&issueKey=${key}`,
    headers: new Headers(),
    callerId: world.sb.appAccountId,
    selfCaused: true,
  });
  expect(asApp.status).toBe(403);
});

test('an agent of the project reads and works on the ticket', async () => {
  expect((await world.view(key, AGENT)).viewer).toEqual({ accountId: AGENT, canEdit: true, isAdmin: false });
  data(await world.call('moveStage', { issueKey: key, stage: 'triage' }, panel(AGENT)));
  expect((await world.view(key)).submission.stage).toBe('triage');
});

test('the partner, reporter or participant, is sent to the portal panel and changes nothing', async () => {
  for (const partner of [PARTNER, PARTICIPANT]) {
    const read = refusalOf(await world.call('getTicketState', { issueKey: key }, panel(partner)));
    expect(read).toEqual({ code: 'forbidden', message: expect.stringContaining('customer portal') });
    const portal = await world.sb.invokeResolver(
      'getPortalView',
      {},
      { accountId: partner, issueKey: key, moduleKey: MODULES.portal },
    );
    expect(portal).toMatchObject({ ok: true, data: { tracked: true, issueKey: key } });
    const refused = refusalOf(await world.call('moveStage', { issueKey: key, stage: 'triage' }, panel(partner)));
    expect(refused).toEqual({ code: 'forbidden', message: expect.stringContaining('Only the program’s agents') });
  }
  expect((await world.view(key)).submission.stage).toBe('submitted');
});

test('a customer of another request sees nothing of this one', async () => {
  const refused = refusalOf(await world.call('getTicketState', { issueKey: key }, panel(STRANGER)));
  expect(refused.code).toBe('forbidden');
  expect(refused.message).toMatch(/agents and the people of this request/);
  expect(JSON.stringify(refused)).not.toContain('Acme Tasks');
});

test('a Jira administrator administers the program; on a ticket they are what the project makes them', async () => {
  const settings = { accountId: JIRA_ADMIN, moduleKey: MODULES.settings };
  expect(data(await world.call('getSettings', {}, settings)).viewer).toMatchObject({ isAdmin: true });
  expect(data(await world.call('saveSettings', { settings: CLOUD_FORTIFIED }, settings)).settings.name).toBe(
    CLOUD_FORTIFIED.name,
  );
  expect((await world.view(key, ADMIN)).viewer).toEqual({ accountId: ADMIN, canEdit: true, isAdmin: true });
});

test('an account Jira turns away (unlicensed) is refused as not allowed, never as Jira unavailable', async () => {
  for (const [what, answer] of [
    ['panel', await world.call('getTicketState', { issueKey: key }, panel(UNLICENSED))],
    ['change', await world.call('approve', { issueKey: key }, panel(UNLICENSED))],
    ['list', await world.call('listApps', {}, { accountId: UNLICENSED, moduleKey: MODULES.apps })],
    ['settings', await world.call('getSettings', {}, { accountId: UNLICENSED, moduleKey: MODULES.settings })],
  ] as const) {
    expect({ what, code: refusalOf(answer).code }).toEqual({ what, code: 'forbidden' });
  }
});

test('a user who has not granted the app access gets Forge’s consent prompt, not an error answer', async () => {
  world.sb.jira.addUser({ accountId: 'agent-new', displayName: 'New Agent', kind: 'agent', consented: false });
  const thrown = await world
    .call('getTicketState', { issueKey: key }, panel('agent-new'))
    .catch((error: unknown) => error);
  expect(thrown).toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
  const fromPage = await world
    .call('listApps', {}, { accountId: 'agent-new', moduleKey: MODULES.apps })
    .catch((error: unknown) => error);
  expect(fromPage).toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
});

test('program-wide reads answer the program pages only, never an issue panel', async () => {
  const fromPanel = refusalOf(
    await world.call('listApps', {}, { accountId: AGENT, issueKey: key, moduleKey: MODULES.panel }),
  );
  expect(fromPanel.code).toBe('forbidden');
  expect(
    refusalOf(await world.call('getSettings', {}, { accountId: ADMIN, issueKey: key, moduleKey: MODULES.panel })).code,
  ).toBe('forbidden');
  expect(
    refusalOf(
      await world.call('saveSettings', { settings: CLOUD_FORTIFIED }, { accountId: ADMIN, moduleKey: MODULES.apps }),
    ).code,
  ).toBe('forbidden');
  // A ticket's resolvers answer its panel only.
  expect(
    refusalOf(await world.call('getTicketState', { issueKey: key }, { accountId: AGENT, moduleKey: MODULES.apps }))
      .code,
  ).toBe('forbidden');
  expect(data(await world.call('listApps', {}, { accountId: AGENT, moduleKey: MODULES.apps })).total).toBe(1);
  expect(
    data(await world.call('getSettings', {}, { accountId: AGENT, moduleKey: MODULES.settings })).viewer,
  ).toMatchObject({ isAdmin: false });
});

test('page access does not hang on a tracked ticket: deleted, agents keep the list', async () => {
  world.sb.jira.issues.delete(key);
  expect(data(await world.call('listApps', {}, { accountId: AGENT, moduleKey: MODULES.apps })).total).toBe(1);
  for (const outsider of [PARTNER, STRANGER, UNLICENSED]) {
    expect(refusalOf(await world.call('listApps', {}, { accountId: outsider, moduleKey: MODULES.apps })).code).toBe(
      'forbidden',
    );
  }
});

test('with nothing tracked, the settings stay closed to outsiders; admins and agents read them', async () => {
  const fresh = await createWorld('2026-03-02T09:00:00Z');
  try {
    const settingsAs = (accountId: string) => ({ accountId, moduleKey: MODULES.settings });
    for (const outsider of [PARTNER, STRANGER])
      expect(refusalOf(await fresh.call('getSettings', {}, settingsAs(outsider))).code).toBe('forbidden');
    expect(data(await fresh.call('getSettings', {}, settingsAs(ADMIN))).viewer).toMatchObject({ isAdmin: true });
    expect(data(await fresh.call('getSettings', {}, settingsAs(AGENT))).viewer).toMatchObject({ isAdmin: false });
  } finally {
    await fresh.sb.close();
    // The world of the other tests is the active sandbox again for afterEach.
    world = await createWorld('2026-03-02T09:00:00Z');
  }
});
