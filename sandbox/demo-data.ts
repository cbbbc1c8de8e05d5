/**
 * Demo data for `npm start`: a Cloud Fortified project with submissions at every stage and
 * approved apps with reviews in every state. Reached by driving the real resolvers and the real
 * scheduled sweep while the sandbox clock moves day by day, so every state is genuine.
 */
import { CLOUD_FORTIFIED } from '../src/domain/cloud-fortified';
import type { ResolverKey, ResolverPayload } from '../src/contract';
import type { Sandbox } from './index';

export const AGENT = 'agent-ada';
export const ADMIN = 'admin-max';

export interface DemoUser {
  accountId: string;
  displayName: string;
  kind: 'agent' | 'admin' | 'partner';
}

export const STAFF: DemoUser[] = [
  { accountId: AGENT, displayName: 'Ada Agent', kind: 'agent' },
  { accountId: ADMIN, displayName: 'Max Admin', kind: 'admin' },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The program's staff, and a partner for each ticket: who the local site lets one act as. */
export function demoUsers(sandbox: Sandbox): DemoUser[] {
  const partners = [...sandbox.jira.users.values()]
    .filter((u) => u.kind === 'partner')
    .map((u) => ({ accountId: u.accountId, displayName: u.displayName, kind: 'partner' as const }));
  return [...STAFF, ...partners];
}

/** Calls a resolver as someone; a refusal stops the seeding with the resolver's own words. */
export async function act<K extends ResolverKey>(
  sandbox: Sandbox,
  accountId: string,
  key: K,
  payload: ResolverPayload<K>,
  issueKey?: string,
): Promise<unknown> {
  const moduleKey =
    key === 'listApps'
      ? 'cf-tracker-apps'
      : key === 'getSettings' || key === 'saveSettings' || key === 'importApproved'
        ? 'cf-tracker-settings'
        : 'cf-tracker-panel';
  const answer = (await sandbox.invokeResolver(key, payload, {
    accountId,
    moduleKey,
    ...(issueKey ? { issueKey } : {}),
  })) as { ok: true; data: unknown } | { ok: false; error: { message: string } };
  if (!answer || answer.ok !== true) {
    throw new Error(
      `demo data: ${key} on ${issueKey ?? 'the site'} was refused: ${answer ? answer.error.message : 'no answer'}`,
    );
  }
  await sandbox.deliverPendingEvents();
  return answer.data;
}

/** People and tickets only: the starting point of a newcomer's walk-through and of the browser tests. */
export function seedPeople(sandbox: Sandbox): void {
  for (const u of STAFF) if (!sandbox.jira.users.has(u.accountId)) sandbox.jira.addUser(u);
}

export function addPartnerTicket(
  sandbox: Sandbox,
  summary: string,
  status = 'Open',
): { issueKey: string; partner: string } {
  const n = sandbox.jira.issueKeys().length + 1;
  const partner = `partner-${n}`;
  sandbox.jira.addUser({
    accountId: partner,
    displayName: `${summary.split(' ')[0]} partner`,
    kind: 'partner',
    email: `${partner}@example.com`,
  });
  const issueKey = sandbox.jira.addIssue({
    summary: `Cloud Fortified: ${summary}`,
    status,
    requestType: 'App submission',
    reporter: partner,
  });
  return { issueKey, partner };
}

interface Demo {
  sandbox: Sandbox;
  keys: Record<string, { issueKey: string; partner: string }>;
}

const reply = async (d: Demo, app: string, text: string) => {
  const t = d.keys[app];
  if (!t) throw new Error(`demo data: no ticket for ${app}`);
  d.sandbox.jira.addComment(t.issueKey, { author: t.partner, body: text, public: true });
  await d.sandbox.deliverPendingEvents();
};

const checks = async (
  d: Demo,
  app: string,
  results: Record<string, 'passed' | 'failed'>,
  notes: Record<string, string> = {},
) => {
  const t = d.keys[app];
  if (!t) throw new Error(`demo data: no ticket for ${app}`);
  for (const [checkId, result] of Object.entries(results)) {
    await act(
      d.sandbox,
      AGENT,
      'recordCheck',
      { issueKey: t.issueKey, cycleId: '2027', checkId, result, ...(notes[checkId] ? { note: notes[checkId] } : {}) },
      t.issueKey,
    );
  }
};

const components = async (
  d: Demo,
  app: string,
  statuses: Record<
    string,
    {
      status: 'met' | 'needs-info' | 'verifying' | 'soaking' | 'submitted' | 'not-met';
      note?: string;
      soakUntil?: string;
    }
  >,
) => {
  const t = d.keys[app];
  if (!t) throw new Error(`demo data: no ticket for ${app}`);
  for (const [componentId, s] of Object.entries(statuses)) {
    await act(d.sandbox, AGENT, 'setComponentStatus', { issueKey: t.issueKey, componentId, ...s }, t.issueKey);
  }
};

const move = (
  d: Demo,
  app: string,
  ...stages: ('triage' | 'awaiting-partner' | 'verifying' | 'soaking' | 'declined')[]
) =>
  stages.reduce(async (prev, stage) => {
    await prev;
    const t = d.keys[app];
    if (!t) throw new Error(`demo data: no ticket for ${app}`);
    await act(d.sandbox, AGENT, 'moveStage', { issueKey: t.issueKey, stage }, t.issueKey);
  }, Promise.resolve());

const allMet = Object.fromEntries(CLOUD_FORTIFIED.components.map((c) => [c.id, { status: 'met' as const }]));

const APPROVED = {
  'Atlas Timesheets': '2026-01-14',
  'Beacon Backup': '2026-01-20',
  'Comet Charts': '2026-02-03',
  'Delta Docs': '2026-02-17',
  'Echo Forms': '2026-03-05',
  'Flux Planner': '2026-03-12',
  'Glide CRM': '2026-03-23',
  'Harbor Assets': '2026-06-09',
  'Iris Insights': '2026-09-30',
};
const SUBMISSIONS = [
  'Juno Roadmaps',
  'Kite Reports',
  'Lumen Tests',
  'Mosaic Wiki',
  'Nova Metrics',
  'Orbit Sync',
  'Pulse Alerts',
  'Quartz Audit',
];

/** What happens on which day of the demo's two and a half months. */
const TIMELINE: Record<string, (d: Demo) => Promise<void>> = {
  '2027-01-06': async (d) => {
    for (const app of SUBMISSIONS.slice(1)) {
      const t = d.keys[app]!;
      await act(d.sandbox, AGENT, 'startTracking', { issueKey: t.issueKey, appName: app }, t.issueKey);
    }
    await move(d, 'Lumen Tests', 'triage');
    await move(d, 'Mosaic Wiki', 'triage', 'awaiting-partner');
    await components(d, 'Mosaic Wiki', {
      'slis-slos': { status: 'needs-info', note: 'Which 28-day window do the SLOs use?' },
    });
    await move(d, 'Nova Metrics', 'triage', 'verifying');
    await components(d, 'Nova Metrics', {
      'privacy-security-tab': { status: 'met' },
      'support-contact': { status: 'met' },
      'alert-address': { status: 'verifying' },
    });
    await move(d, 'Pulse Alerts', 'triage', 'declined');
    await move(d, 'Orbit Sync', 'triage', 'verifying');
    await move(d, 'Quartz Audit', 'triage', 'verifying');
  },
  '2027-01-15': (d) =>
    reply(d, 'Atlas Timesheets', 'No, nothing has changed this year.\n\nBest regards,\nThe Atlas team'),
  '2027-01-26': (d) =>
    checks(
      d,
      'Atlas Timesheets',
      {
        'privacy-security-tab': 'passed',
        'support-contact': 'passed',
        'significant-changes': 'passed',
        'bug-bounty': 'failed',
      },
      { 'bug-bounty': 'The app left the Marketplace Bug Bounty in December.' },
    ),
  '2027-02-10': (d) => reply(d, 'Comet Charts', 'No significant changes this year.'),
  '2027-02-12': (d) =>
    reply(
      d,
      'Delta Docs',
      'Yes - see below.\nWe moved our hosting to AWS eu-west-1 and added Sentry as a subprocessor.',
    ),
  '2027-02-23': async (d) => {
    await checks(d, 'Comet Charts', {
      'privacy-security-tab': 'passed',
      'support-contact': 'passed',
      'bug-bounty': 'passed',
      'significant-changes': 'passed',
    });
    await checks(
      d,
      'Delta Docs',
      {
        'support-contact': 'passed',
        'bug-bounty': 'passed',
        'significant-changes': 'passed',
        'privacy-security-tab': 'failed',
      },
      { 'privacy-security-tab': 'The tab does not list Sentry as a subprocessor.' },
    );
  },
  '2027-03-01': async (d) => {
    const { 'bug-bounty': _bugBounty, ...rest } = allMet;
    await components(d, 'Orbit Sync', {
      ...rest,
      'bug-bounty': { status: 'soaking', soakUntil: '2027-04-02', note: 'Joined the Bug Bounty on 3 March.' },
    });
    await move(d, 'Orbit Sync', 'soaking');
  },
  '2027-03-13': (d) =>
    reply(d, 'Echo Forms', 'Maybe? <script>alert("hi")</script> We need to check with our security team first.'),
  '2027-03-14': (d) => reply(d, 'Flux Planner', 'no'),
  '2027-03-18': async (d) => {
    const t = d.keys['Harbor Assets']!;
    await act(
      d.sandbox,
      AGENT,
      'raiseEscalation',
      {
        issueKey: t.issueKey,
        text: 'A customer reports that the app sends data to an undisclosed subprocessor.',
        source: 'customer',
      },
      t.issueKey,
    );
  },
  '2027-03-19': async (d) => {
    await components(d, 'Quartz Audit', allMet);
    const t = d.keys['Quartz Audit']!;
    await act(d.sandbox, AGENT, 'approve', { issueKey: t.issueKey }, t.issueKey);
  },
};

export const DEMO_START = '2027-01-05T09:00:00.000Z';
export const DEMO_END = '2027-03-20';

/** Seeds the demo into a fresh sandbox; `log` reports progress (it takes a few seconds). */
export async function seedDemoData(sandbox: Sandbox, log: (line: string) => void = () => undefined): Promise<void> {
  sandbox.clock.set(DEMO_START);
  seedPeople(sandbox);
  const d: Demo = { sandbox, keys: {} };
  for (const app of Object.keys(APPROVED)) d.keys[app] = addPartnerTicket(sandbox, app, 'Approved');
  for (const app of SUBMISSIONS) d.keys[app] = addPartnerTicket(sandbox, app);
  const csv = [
    'ticket,approved on,app',
    ...Object.entries(APPROVED).map(([app, on]) => `${d.keys[app]!.issueKey},${on},${app}`),
  ].join('\n');
  await act(sandbox, ADMIN, 'importApproved', { csv });
  await sandbox.runScheduledTrigger();
  await sandbox.deliverPendingEvents();

  for (;;) {
    const today = sandbox.clock.today();
    const step = TIMELINE[today];
    if (step) {
      log(`demo data: ${today}`);
      await step(d);
    }
    if (today >= DEMO_END) break;
    sandbox.clock.advance(DAY_MS);
    await sandbox.runScheduledTrigger();
    await sandbox.deliverPendingEvents();
  }
}
