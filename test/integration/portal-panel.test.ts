import type { Request } from '@forge/resolver';
import { forgePorts } from '../../src/adapters/forge-ports';
import { callPortalResolver } from '../../src/entry/portal-resolver';
import { PORTAL_MODULE_KEY, type PortalApi, type PortalKey, type PortalView } from '../../src/contract';
import { ADMIN, AGENT, createWorld, data, MODULES, PARTNER, refusalOf, STRANGER, type World } from './resolvers-world';

type PortalAnswer<K extends PortalKey> =
  { ok: true; data: PortalApi[K]['result'] } | { ok: false; error: { code: string; message: string } };

const CHECK_NOTE = 'Agent-only: their Bug Bounty profile was suspended after a dispute';
const INTERNAL_NOTE = 'Internal: do not tell the partner yet, legal is looking at it';

let world: World;
let key: string;

async function portal<K extends PortalKey>(
  k: K,
  payload: PortalApi[K]['payload'] | Record<string, unknown>,
  accountId: string,
  moduleKey: string = PORTAL_MODULE_KEY,
): Promise<PortalAnswer<K>> {
  world.sb.clock.advance(1000);
  return (await world.sb.invokeResolver(k, payload, { accountId, issueKey: key, moduleKey })) as PortalAnswer<K>;
}

function tracked(view: PortalView): Extract<PortalView, { tracked: true }>['view'] {
  if (!view.tracked) throw new Error('not tracked');
  return view.view;
}

beforeEach(async () => {
  world = await createWorld('2026-03-02T09:00:00Z');
  key = world.ticket('Acme Tasks submission', 'Approved');
  data(
    await world.call(
      'importApproved',
      { csv: `${key},2025-03-10,Acme Tasks` },
      { accountId: ADMIN, moduleKey: MODULES.settings },
    ),
  );
  // Up to the notice day (11 March): the review is notified and the question is the partner's.
  for (let day = 0; day < 9; day++) {
    world.sb.clock.advance(24 * 3600 * 1000);
    await world.sb.runScheduledTrigger();
  }
  world.sb.jira.addComment(key, { author: AGENT, body: INTERNAL_NOTE, public: false });
  await world.sb.deliverPendingEvents();
});

afterEach(async () => {
  expect(world.sb.stats().contractViolations).toEqual([]);
  await world.sb.close();
});

test('the partner sees whose move it is and the review dates with the program time zone', async () => {
  const view = tracked(data(await portal('getPortalView', {}, PARTNER)));
  expect(view).toMatchObject({ appName: 'Acme Tasks', timezone: 'UTC', today: '2026-03-11' });
  expect(view.review).toMatchObject({
    id: '2026',
    state: 'notified',
    nextStep: 'partner',
    dates: { noticeOn: '2026-03-11', windowStart: '2026-03-25', windowEnd: '2026-03-31', remediationDue: '2026-04-28' },
    canAnswer: true,
    failed: [],
  });
});

test('a YES with a category is recorded as the review answer, and a later free-text reply does not replace it', async () => {
  const answered = tracked(
    data(
      await portal(
        'answerOnPortal',
        {
          cycleId: '2026',
          value: 'YES',
          categories: [
            {
              id: 'subprocessors',
              whatChanged: 'Brevo replaced SendGrid for e-mail',
              effect: 'Same data, EU hosting',
              listingUpdated: true,
            },
          ],
        },
        PARTNER,
      ),
    ),
  );
  expect(answered.review?.answer).toMatchObject({ value: 'YES', categories: ['subprocessors'], source: 'form' });
  expect(answered.review?.nextStep).toBe('atlassian');

  const agentView = await world.view(key);
  const answer = agentView.approved?.current?.answer;
  expect(answer).toMatchObject({
    value: 'YES',
    categories: ['subprocessors'],
    source: 'form',
    by: PARTNER,
    reason: 'answered on the portal',
  });
  expect(answer?.details).toEqual([
    {
      categoryId: 'subprocessors',
      whatChanged: 'Brevo replaced SendGrid for e-mail',
      effect: 'Same data, EU hosting',
      listingUpdated: true,
    },
  ]);
  expect(answer?.text).toContain('Brevo replaced SendGrid for e-mail');
  expect(
    agentView.history.some(
      (h) => h.kind === 'answer-recorded' && /Answered on the portal: YES \(subprocessors\)/.test(h.summary),
    ),
  ).toBe(true);

  world.sb.jira.addComment(key, { author: PARTNER, body: 'No', public: true });
  await world.sb.deliverPendingEvents();
  expect((await world.view(key)).approved?.current?.answer).toMatchObject({ value: 'YES', source: 'form' });
});

test('a NO passes the significant-change check; a NO with categories or a YES without what changed is refused', async () => {
  expect(
    refusalOf(
      await portal(
        'answerOnPortal',
        {
          cycleId: '2026',
          value: 'NO',
          categories: [{ id: 'data-stores', whatChanged: 'x', effect: '', listingUpdated: false }],
        },
        PARTNER,
      ),
    ).code,
  ).toBe('invalid');
  expect(
    refusalOf(
      await portal(
        'answerOnPortal',
        {
          cycleId: '2026',
          value: 'YES',
          categories: [{ id: 'data-stores', whatChanged: ' ', effect: '', listingUpdated: false }],
        },
        PARTNER,
      ),
    ).code,
  ).toBe('invalid');
  expect(
    refusalOf(
      await portal(
        'answerOnPortal',
        {
          cycleId: '2026',
          value: 'YES',
          categories: [{ id: 'quantum', whatChanged: 'x', effect: '', listingUpdated: false }],
        },
        PARTNER,
      ),
    ).code,
  ).toBe('invalid');
  expect(
    refusalOf(await portal('answerOnPortal', { cycleId: '2026', value: 'MAYBE', categories: [] }, PARTNER)).code,
  ).toBe('invalid');
  expect(
    refusalOf(await portal('answerOnPortal', { cycleId: '2027', value: 'NO', categories: [] }, PARTNER)).code,
  ).toBe('not-found');
  expect((await world.view(key)).approved?.current?.answer).toBeUndefined();

  data(await portal('answerOnPortal', { cycleId: '2026', value: 'NO', categories: [] }, PARTNER));
  const current = (await world.view(key)).approved?.current;
  expect(current?.answer).toMatchObject({ value: 'NO', source: 'form' });
  expect(current?.checks.find((c) => c.id === 'significant-changes')?.result).toBe('passed');
});

test('only the reporter or a participant who is not an agent is answered', async () => {
  expect(refusalOf(await portal('getPortalView', {}, STRANGER)).code).toBe('forbidden');
  world.sb.jira.addParticipant(key, STRANGER);
  expect(tracked(data(await portal('getPortalView', {}, STRANGER))).review?.id).toBe('2026');
  // An agent added as a participant is still no partner: agents use the issue panel.
  world.sb.jira.addParticipant(key, AGENT);
  expect(refusalOf(await portal('getPortalView', {}, AGENT)).code).toBe('forbidden');
  expect(refusalOf(await portal('answerOnPortal', { cycleId: '2026', value: 'NO', categories: [] }, AGENT)).code).toBe(
    'forbidden',
  );
  expect((await world.view(key)).approved?.current?.answer).toBeUndefined();
});

test('the portal resolver answers only its module, and the agents’ resolver never answers the portal calls', async () => {
  await expect(
    world.sb.invokeResolver('getPortalView', {}, { accountId: PARTNER, issueKey: key, moduleKey: MODULES.panel }),
  ).rejects.toThrow();
  await expect(
    world.sb.invokeResolver(
      'getTicketState',
      { issueKey: key },
      { accountId: PARTNER, issueKey: key, moduleKey: PORTAL_MODULE_KEY },
    ),
  ).rejects.toThrow();
  const anyone = async () => true;
  const fromPanel = {
    payload: {},
    context: { moduleKey: MODULES.panel, accountId: PARTNER, extension: { issue: { key } } },
  } as unknown as Request;
  expect(refusalOf(await callPortalResolver(forgePorts(), 'getPortalView', fromPanel, anyone)).code).toBe('forbidden');
  // The ticket is the panel's: a payload cannot name another one.
  const other = world.ticket('Another partner’s submission');
  const named = {
    payload: { issueKey: other },
    context: { moduleKey: PORTAL_MODULE_KEY, accountId: PARTNER, extension: { request: { key } } },
  } as unknown as Request;
  expect(refusalOf(await callPortalResolver(forgePorts(), 'getPortalView', named, anyone)).code).toBe('invalid');
  const portalContext = {
    payload: {},
    context: { moduleKey: PORTAL_MODULE_KEY, accountId: PARTNER, extension: { request: { key } } },
  } as unknown as Request;
  expect(tracked(data(await callPortalResolver(forgePorts(), 'getPortalView', portalContext, anyone))).review?.id).toBe(
    '2026',
  );
});

test('never shows internal notes, agents’ check notes, or who raised an escalation', async () => {
  world.sb.clock.set('2026-03-26T09:00:00Z');
  await world.sb.runScheduledTrigger();
  data(
    await world.call(
      'recordCheck',
      { issueKey: key, cycleId: '2026', checkId: 'bug-bounty', result: 'failed', note: CHECK_NOTE },
      { accountId: AGENT, issueKey: key },
    ),
  );
  world.sb.clock.set('2026-04-01T09:00:00Z');
  await world.sb.runScheduledTrigger();
  const view = tracked(data(await portal('getPortalView', {}, PARTNER)));
  expect(view.review).toMatchObject({
    state: 'remediation',
    remediationDue: '2026-04-28',
    failed: [{ id: 'bug-bounty', title: 'Bug Bounty' }],
  });
  data(
    await world.call(
      'raiseEscalation',
      { issueKey: key, text: 'A customer, Jane of Initech, reports leaks', source: 'customer' },
      { accountId: AGENT, issueKey: key },
    ),
  );
  const json = JSON.stringify(data(await portal('getPortalView', {}, PARTNER)));
  for (const secret of [CHECK_NOTE, INTERNAL_NOTE, 'Initech', AGENT]) expect(json).not.toContain(secret);
});
