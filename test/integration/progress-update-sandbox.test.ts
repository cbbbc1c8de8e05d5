import { forgePorts } from '../../src/adapters/forge-ports';
import { EFFECT_PROPERTY } from '../../src/adapters/jira/comments';
import { AGENT, createWorld, data, type World } from './resolvers-world';

let world: World;

beforeEach(async () => {
  world = await createWorld('2026-03-02T09:00:00Z');
});

afterEach(async () => {
  expect(world.sb.stats().contractViolations).toEqual([]);
  await world.sb.close();
});

const asAgent = (issueKey: string) => ({ accountId: AGENT, issueKey });

/** The progress updates on the ticket, as the partner sees them. */
function updates(key: string) {
  return world.sb.jira
    .comments(key)
    .filter((c) => (c.properties[EFFECT_PROPERTY] as { effect?: string } | undefined)?.effect === 'progress-update');
}

async function tracked(status: string): Promise<string> {
  const key = world.ticket('[Cloud Fortified] Submission: Acme Tasks', status);
  data(await world.call('startTracking', { issueKey: key, appName: 'Acme Tasks' }, asAgent(key)));
  return key;
}

describe('progress updates to the partner', () => {
  it('a panel move that hands the next step to the partner, and back, posts one public update each', async () => {
    const key = await tracked('In triage');
    data(await world.call('moveStage', { issueKey: key, stage: 'awaiting-partner' }, asAgent(key)));
    // A doubled click changes nothing and posts nothing.
    data(await world.call('moveStage', { issueKey: key, stage: 'awaiting-partner' }, asAgent(key)));
    expect(updates(key)).toHaveLength(1);
    expect(updates(key)[0]?.public).toBe(true);
    expect(updates(key)[0]?.text).toContain('The next step is yours');
    expect(updates(key)[0]?.text).toContain('We’ll update you on your progress.');

    data(await world.call('moveStage', { issueKey: key, stage: 'verifying' }, asAgent(key)));
    expect(updates(key)).toHaveLength(2);
    expect(updates(key)[1]?.text).toContain('the next step is ours');

    // Verifying to soaking hands it to time, not to the partner: nothing more.
    data(await world.call('moveStage', { issueKey: key, stage: 'soaking' }, asAgent(key)));
    expect(updates(key)).toHaveLength(2);

    const view = await world.view(key);
    expect(
      view.history.filter((h) => h.summary.startsWith('Public comment posted: the partner was told')),
    ).toHaveLength(2);
  });

  it('a Jira status change mapped to a stage posts it once, whatever the redeliveries', async () => {
    const key = await tracked('In triage');
    world.sb.jira.setStatus(key, 'Waiting for partner', AGENT);
    const event = world.sb.jira.outbox.map((e) => JSON.parse(JSON.stringify(e)) as typeof e);
    await world.sb.deliverPendingEvents();
    world.sb.jira.outbox.push(...event);
    await world.sb.deliverPendingEvents();

    expect((await forgePorts().apps.get(key))?.submission.stage).toBe('awaiting-partner');
    expect(updates(key)).toHaveLength(1);
    expect(updates(key)[0]?.public).toBe(true);
    const view = await world.view(key);
    expect(
      view.history.filter((h) =>
        h.summary.includes('moved from triage to awaiting-partner and the next step is theirs'),
      ),
    ).toHaveLength(1);

    // Back to Atlassian posts one more; between Atlassian's own stages, nothing.
    world.sb.jira.setStatus(key, 'In verification', AGENT);
    world.sb.jira.setStatus(key, 'Waiting for support', AGENT);
    await world.sb.deliverPendingEvents();
    expect(updates(key)).toHaveLength(2);
  });
});
