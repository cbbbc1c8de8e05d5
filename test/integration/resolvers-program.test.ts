import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { ADMIN, AGENT, createWorld, data, MODULES, refusalOf, type World } from './resolvers-world';

let world: World;

beforeEach(async () => {
  world = await createWorld('2026-03-02T09:00:00Z');
});

afterEach(async () => {
  expect(world.sb.stats().contractViolations).toEqual([]);
  await world.sb.close();
});

const admin = { accountId: ADMIN, moduleKey: MODULES.settings };

test('settings with problems are refused field by field and nothing is stored', async () => {
  const bad = {
    ...CLOUD_FORTIFIED,
    timezone: 'Mars/Olympus_Mons',
    components: [CLOUD_FORTIFIED.components[0], CLOUD_FORTIFIED.components[0]],
    timings: { ...CLOUD_FORTIFIED.timings, windowDays: 0 },
  };
  const refused = refusalOf(await world.call('saveSettings', { settings: bad }, admin)) as {
    code: string;
    message: string;
    problems?: { path: string; message: string }[];
  };
  expect(refused.code).toBe('invalid');
  expect(refused.message).toMatch(/not saved: 3 problems/);
  expect(refused.problems?.map((p) => p.path).sort()).toEqual(['components.1.id', 'timezone', 'timings.windowDays']);
  expect(data(await world.call('getSettings', {}, admin)).settings.timezone).toBe('UTC');

  const notAnObject = refusalOf(await world.call('saveSettings', { settings: 'yes please' }, admin));
  expect(notAnObject.code).toBe('invalid');

  const good = { ...CLOUD_FORTIFIED, timezone: 'Australia/Sydney', projects: ['CFP'] };
  expect(data(await world.call('saveSettings', { settings: good }, admin)).settings.timezone).toBe('Australia/Sydney');
  expect(data(await world.call('getSettings', {}, admin)).settings).toMatchObject({
    timezone: 'Australia/Sydney',
    projects: ['CFP'],
  });
});

test('settings decide which tickets are eligible', async () => {
  data(
    await world.call(
      'saveSettings',
      { settings: { ...CLOUD_FORTIFIED, requestTypes: ['Cloud Fortified review'] } },
      admin,
    ),
  );
  const key = world.ticket('Acme Tasks');
  const view = data(await world.call('getTicketState', { issueKey: key }, { accountId: AGENT, issueKey: key }));
  expect(view).toMatchObject({ tracked: false, eligible: false });
  if (view.tracked) throw new Error('tracked');
  expect(view.ineligibleReason).toContain('App submission');
  const refused = refusalOf(
    await world.call('startTracking', { issueKey: key, appName: 'Acme' }, { accountId: AGENT, issueKey: key }),
  );
  expect(refused.code).toBe('not-allowed');
});

test('the import reports every line: imported, or rejected with the reason', async () => {
  const tracked = world.ticket('Already here');
  data(
    await world.call(
      'startTracking',
      { issueKey: tracked, appName: 'Already here' },
      { accountId: AGENT, issueKey: tracked },
    ),
  );
  const good = world.ticket('Acme Tasks for Jira');
  const named = world.ticket('Old summary');
  const csv = [
    'Ticket key,Approval date,App name',
    `${good},2023-05-15`,
    `${named},2024-11-30,"Bolt, the planner"`,
    'not a key,2024-01-01',
    `${good.replace(/\d+$/, '998')},2025-02-30`,
    `${good.replace(/\d+$/, '997')},2026-03-03`,
    'CFP-999,2024-01-01',
    `${good},2023-05-15`,
    `${tracked},2024-02-02`,
    '',
  ].join('\r\n');

  const report = data(await world.call('importApproved', { csv }, admin));
  expect(report.imported).toEqual([
    { line: 2, issueKey: good, approvedOn: '2023-05-15' },
    { line: 3, issueKey: named, approvedOn: '2024-11-30' },
  ]);
  expect(report.rejected.map((r) => [r.line, r.reason.split(/[:\s]/)[0] + ' ' + r.reason.split(/[:\s]/)[1]])).toEqual([
    [4, 'bad ticket'],
    [5, 'impossible date'],
    [6, 'future date'],
    [7, 'unknown ticket'],
    [8, 'duplicate line'],
    [9, 'already tracked'],
  ]);
  expect(report.rejected[4]?.reason).toContain('line 2');

  // Approved in May 2023, imported in March 2026: the first review is May 2026's, never a past year's.
  const imported = await world.view(good);
  expect(imported.approved).toMatchObject({
    approvedOn: '2023-05-15',
    imported: true,
    current: { id: '2026', windowStart: '2026-05-25', state: 'scheduled' },
  });
  expect(imported.approved?.past).toEqual([]);
  expect(imported.approved?.upcoming).toEqual([]);
  expect(imported.submission.appName).toBe('Acme Tasks for Jira');
  expect((await world.view(named)).submission.appName).toBe('Bolt, the planner');
  expect((await world.view(named)).approved?.current?.id).toBe('2026');

  // The same file again imports nothing twice.
  const again = data(await world.call('importApproved', { csv }, admin));
  expect(again.imported).toEqual([]);
  expect(again.rejected.filter((r) => r.reason.startsWith('already tracked')).map((r) => r.line)).toEqual([2, 3, 9]);

  expect(refusalOf(await world.call('importApproved', { csv: '\n  \n' }, admin)).code).toBe('invalid');
});

test('the list of apps filters, sorts by the next date and pages', async () => {
  const import_ = (lines: string[]) => world.call('importApproved', { csv: lines.join('\n') }, admin);
  const march = world.ticket('March app');
  const june = world.ticket('June app');
  const january = world.ticket('January app');
  const submitted = world.ticket('New app');
  data(await import_([`${march},2024-03-20,Marchpane`, `${june},2025-06-01,Junebug`, `${january},2025-01-15,Janus`]));
  data(
    await world.call(
      'startTracking',
      { issueKey: submitted, appName: 'Newcomer' },
      { accountId: AGENT, issueKey: submitted },
    ),
  );
  const list = async (filter: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
    data(await world.call('listApps', { filter, ...extra }, { accountId: AGENT }));

  const all = await list();
  expect(all.today).toBe('2026-03-02');
  expect(all.total).toBe(4);
  // Soonest first; the app with nothing scheduled last.
  expect(all.rows.map((r) => r.appName)).toEqual(['Marchpane', 'Junebug', 'Janus', 'Newcomer']);
  expect(all.rows[0]).toMatchObject({
    issueKey: march,
    stage: 'approved',
    reviewState: 'scheduled',
    nextDate: '2026-03-11',
    daysUntilNext: 9,
    approvedOn: '2024-03-20',
    overdue: false,
  });
  expect(all.rows[3]).toMatchObject({ stage: 'submitted', nextStep: 'atlassian' });

  expect((await list({ dueWithinDays: 30 })).rows.map((r) => r.appName)).toEqual(['Marchpane']);
  expect((await list({ stage: 'submitted' })).rows.map((r) => r.appName)).toEqual(['Newcomer']);
  expect((await list({ text: 'JUNE' })).rows.map((r) => r.appName)).toEqual(['Junebug']);
  expect((await list({ text: january.toLowerCase() })).rows.map((r) => r.appName)).toEqual(['Janus']);
  expect((await list({ overdue: true })).total).toBe(0);

  data(
    await world.call(
      'setAnswer',
      { issueKey: june, cycleId: '2026', value: 'UNCLEAR' },
      { accountId: AGENT, issueKey: june },
    ),
  );
  // An answer is unclear only while the review is open: June's is still scheduled.
  expect((await list({ unclear: true })).total).toBe(0);

  const first = await list({}, { limit: 3 });
  expect(first.rows).toHaveLength(3);
  expect(first.nextCursor).toBeDefined();
  const second = await list({}, { limit: 3, cursor: first.nextCursor });
  expect(second.rows.map((r) => r.appName)).toEqual(['Newcomer']);
  expect(second.nextCursor).toBeUndefined();
  expect(refusalOf(await world.call('listApps', { cursor: 'abc' }, { accountId: AGENT })).code).toBe('invalid');
});

test('a review that ran past its deadline shows as overdue, an unclear answer as unclear', async () => {
  const late = world.ticket('Late app');
  const unclear = world.ticket('Unclear app');
  // Both approved in March: the 2026 window is 25–31 March. Lateral never answers, so its review goes to
  // remediation and, on 29 April, overdue. (A review whose window had ended before the import is not
  // opened at all, so it can never go overdue.)
  data(await world.call('importApproved', { csv: `${late},2025-03-20,Lateral\n${unclear},2025-03-05,Murky` }, admin));
  data(
    await world.call(
      'setAnswer',
      { issueKey: unclear, cycleId: '2026', value: 'UNCLEAR' },
      { accountId: AGENT, issueKey: unclear },
    ),
  );
  for (const day of ['2026-03-11', '2026-03-25', '2026-04-01', '2026-04-21', '2026-04-29']) {
    world.sb.clock.set(`${day}T09:00:00Z`);
    await world.sb.runScheduledTrigger();
  }

  const overdue = data(await world.call('listApps', { filter: { overdue: true } }, { accountId: AGENT }));
  expect(overdue.rows.map((r) => [r.appName, r.reviewState])).toEqual([['Lateral', 'overdue']]);
  const unclearRows = data(await world.call('listApps', { filter: { unclear: true } }, { accountId: AGENT }));
  expect(unclearRows.rows.map((r) => r.appName)).toEqual(['Murky']);
});

test('rendering the panel costs at most two Jira requests', async () => {
  const key = world.ticket('Acme Tasks');
  world.sb.resetStats();
  data(await world.call('getTicketState', { issueKey: key }, { accountId: AGENT, issueKey: key }));
  expect(world.sb.stats().jiraRequests).toBeLessThanOrEqual(2);

  data(
    await world.call('startTracking', { issueKey: key, appName: 'Acme Tasks' }, { accountId: AGENT, issueKey: key }),
  );
  world.sb.resetStats();
  data(await world.call('getTicketState', { issueKey: key }, { accountId: AGENT, issueKey: key }));
  // A tracked ticket renders from the store: the permission check is the only Jira request.
  expect(world.sb.stats().jiraRequests).toBe(1);
});
