import { forgePorts } from '../../src/adapters/forge-ports';
import { EFFECT_PROPERTY } from '../../src/adapters/jira/comments';
import { agentNote } from '../../src/domain/messages';
import { ADMIN, AGENT, createWorld, data, type World } from './resolvers-world';

let world: World;

beforeEach(async () => {
  world = await createWorld('2026-03-02T09:00:00Z');
});

afterEach(async () => {
  expect(world.sb.stats().contractViolations).toEqual([]);
  await world.sb.close();
});

const asAgent = (issueKey: string) => ({ accountId: AGENT, issueKey });

function marks(key: string): string[] {
  return world.sb.jira
    .comments(key)
    .map((c) => c.properties[EFFECT_PROPERTY] as { cycleId?: string; effect?: string } | undefined)
    .filter((m): m is { cycleId?: string; effect?: string } => !!m)
    .map((m) => `${m.cycleId}:${m.effect}`);
}

async function tracked(status = 'In verification'): Promise<string> {
  const key = world.ticket('[Cloud Fortified] Submission: Acme Tasks', status);
  data(await world.call('startTracking', { issueKey: key, appName: 'Acme Tasks' }, asAgent(key)));
  return key;
}

async function setAll(key: string, except: string[] = []): Promise<void> {
  const view = await world.view(key);
  for (const c of view.submission.components) {
    if (except.includes(c.id)) continue;
    data(await world.call('setComponentStatus', { issueKey: key, componentId: c.id, status: 'met' }, asAgent(key)));
  }
}

async function sweepAt(iso: string): Promise<void> {
  world.sb.clock.set(iso);
  await world.sb.runScheduledTrigger();
  await world.sb.deliverPendingEvents();
}

describe('the end of a soak', () => {
  it('is told to agents once, on its day, and the app then leaves the sweep', async () => {
    const key = await tracked();
    data(
      await world.call(
        'setComponentStatus',
        { issueKey: key, componentId: 'bug-bounty', status: 'soaking', soakUntil: '2026-03-10' },
        asAgent(key),
      ),
    );
    expect((await forgePorts().apps.get(key))?.nextActionOn).toBe('2026-03-10');

    await sweepAt('2026-03-09T12:00:00Z');
    expect(marks(key)).toEqual([]);

    world.sb.clock.set('2026-03-10T00:05:00Z');
    await Promise.all([world.sb.runScheduledTrigger(), world.sb.runScheduledTrigger()]);
    await world.sb.deliverPendingEvents();
    await sweepAt('2026-03-10T09:00:00Z');
    await sweepAt('2026-03-11T00:05:00Z');

    expect(marks(key)).toEqual(['submission/soak-bug-bounty-2026-03-10:soak-end-note']);
    const note = world.sb.jira.comments(key)[0];
    expect(note?.public).toBe(false);
    expect(note?.text).toMatch(
      /The soak period of Marketplace Bug Bounty participation ended on .*: verify it and mark it met/,
    );
    const app = await forgePorts().apps.get(key);
    expect(app?.submission.components.find((c) => c.id === 'bug-bounty')?.soakEndNotedFor).toBe('2026-03-10');
    expect(app?.nextActionOn).toBeNull();
    const view = await world.view(key);
    expect(
      view.history.filter((h) => h.summary.includes('soak period of Marketplace Bug Bounty participation ended')),
    ).toHaveLength(1);

    // A new soak date set later gets its own note.
    data(
      await world.call(
        'setComponentStatus',
        { issueKey: key, componentId: 'bug-bounty', status: 'soaking', soakUntil: '2026-03-20' },
        asAgent(key),
      ),
    );
    await sweepAt('2026-03-20T00:05:00Z');
    await sweepAt('2026-03-21T00:05:00Z');
    expect(marks(key)).toEqual([
      'submission/soak-bug-bounty-2026-03-10:soak-end-note',
      'submission/soak-bug-bounty-2026-03-20:soak-end-note',
    ]);
  });

  it('a note posted by an attempt that died before recording it is not posted again', async () => {
    const key = await tracked();
    data(
      await world.call(
        'setComponentStatus',
        { issueKey: key, componentId: 'bug-bounty', status: 'soaking', soakUntil: '2026-03-10' },
        asAgent(key),
      ),
    );
    world.sb.clock.set('2026-03-10T00:05:00Z');
    const ports = forgePorts();
    const body = agentNote('soak-ended', {
      appName: 'Acme Tasks',
      cycleId: 'submission',
      requirement: 'Marketplace Bug Bounty participation',
      soakUntil: '2026-03-10',
    });
    await ports.jira.postCommentOnce(
      { issueKey: key, cycleId: 'submission/soak-bug-bounty-2026-03-10', effect: 'soak-end-note' },
      body,
      'internal',
    );

    await sweepAt('2026-03-10T00:10:00Z');
    expect(marks(key)).toHaveLength(1);
    const app = await ports.apps.get(key);
    expect(app?.submission.components.find((c) => c.id === 'bug-bounty')?.soakEndNotedFor).toBe('2026-03-10');
    expect(app?.nextActionOn).toBeNull();
  });
});

describe('a status change made in Jira to an approved status', () => {
  it('with every requirement met is the approval, by whoever changed it, and the first review is scheduled', async () => {
    const key = await tracked();
    await setAll(key);
    world.sb.clock.set('2026-03-13T10:00:00Z');
    world.sb.jira.setStatus(key, 'Approved', AGENT);
    const event = world.sb.jira.outbox.map((e) => JSON.parse(JSON.stringify(e)) as typeof e);
    await world.sb.deliverPendingEvents();
    // Events come at least once: the same change delivered again records nothing twice.
    world.sb.jira.outbox.push(...event);
    await world.sb.deliverPendingEvents();

    const view = await world.view(key);
    expect(view.submission.stage).toBe('approved');
    const app = await forgePorts().apps.get(key);
    expect(app?.approval).toMatchObject({ approvedOn: '2026-03-13', by: AGENT });
    expect(app?.reviews.map((c) => [c.id, c.windowStart, c.windowEnd])).toEqual([['2027', '2027-03-25', '2027-03-31']]);
    expect(app?.nextActionOn).toBe('2027-03-11');
    const approvals = view.history.filter((h) => h.kind === 'approved');
    expect(approvals).toHaveLength(1);
    expect(approvals[0]?.summary).toContain(`Approved in Jira by ${AGENT}`);
    expect(view.history.filter((h) => h.kind === 'review-scheduled')).toHaveLength(1);
    expect(marks(key)).toEqual([]);
  });

  it('with requirements open records no approval, keeps the stage, and tells agents once per change', async () => {
    const key = await tracked();
    await setAll(key, ['bug-bounty', 'support-contact']);
    world.sb.jira.setStatus(key, 'Approved', AGENT);
    const event = world.sb.jira.outbox.map((e) => JSON.parse(JSON.stringify(e)) as typeof e);
    await world.sb.deliverPendingEvents();
    world.sb.jira.outbox.push(...event);
    await world.sb.deliverPendingEvents();

    const app = await forgePorts().apps.get(key);
    expect(app?.approval).toBeUndefined();
    expect(app?.reviews).toEqual([]);
    expect(app?.submission.stage).toBe('verifying');
    expect(marks(key)).toHaveLength(1);
    const note = world.sb.jira.comments(key)[0];
    expect(note?.public).toBe(false);
    expect(note?.text).toContain('moved to “Approved” in Jira, but 2 requirements are not met or waived');
    expect(note?.text).toContain('Marketplace Bug Bounty participation');

    // Moved away and back again: a new change, a new note.
    world.sb.jira.setStatus(key, 'In verification', AGENT);
    world.sb.jira.setStatus(key, 'Approved', AGENT);
    await world.sb.deliverPendingEvents();
    expect(marks(key)).toHaveLength(2);
    expect((await forgePorts().apps.get(key))?.approval).toBeUndefined();
  });
});

describe('a ticket that keeps failing for a permanent reason', () => {
  it('has the failure recorded and is retried daily, not on every sweep', async () => {
    const key = await tracked();
    data(
      await world.call(
        'setComponentStatus',
        { issueKey: key, componentId: 'bug-bounty', status: 'soaking', soakUntil: '2026-03-10' },
        asAgent(key),
      ),
    );
    // The ticket is deleted from Jira: every request about it answers 404.
    const issue = world.sb.jira.issues.get(key);
    if (!issue) throw new Error('no issue');
    world.sb.jira.issues.delete(key);
    const realKey = key;

    await sweepAt('2026-03-10T00:05:00Z');
    let app = await forgePorts().apps.get(realKey);
    expect(app?.lastFailure).toMatchObject({ on: '2026-03-10', since: '2026-03-10' });
    expect(app?.lastFailure?.reason.length).toBeGreaterThan(0);
    expect(app?.nextActionOn).toBe('2026-03-11');
    const version = app?.version;
    await sweepAt('2026-03-10T12:00:00Z');
    expect((await forgePorts().apps.get(realKey))?.version).toBe(version);

    await sweepAt('2026-03-11T00:05:00Z');
    app = await forgePorts().apps.get(realKey);
    expect(app?.lastFailure).toMatchObject({ on: '2026-03-11', since: '2026-03-10' });
    expect(app?.nextActionOn).toBe('2026-03-12');

    // Access back: agents see the failure on the ticket and in the list until the next daily run.
    world.sb.jira.issues.set(key, issue);
    const view = await world.view(key);
    expect(view.failure).toMatchObject({ since: '2026-03-10', lastOn: '2026-03-11' });
    const list = data(await world.call('listApps', {}, { accountId: ADMIN }));
    expect(list.rows.find((r) => r.issueKey === key)?.failing).toBe(true);

    // The next daily run does the work and forgets the failure.
    await sweepAt('2026-03-12T00:05:00Z');
    app = await forgePorts().apps.get(realKey);
    expect(app?.lastFailure).toBeUndefined();
    expect(app?.nextActionOn).toBeNull();
    expect(marks(realKey)).toEqual(['submission/soak-bug-bounty-2026-03-10:soak-end-note']);
    expect((await world.view(key)).failure).toBeUndefined();
  });
});
