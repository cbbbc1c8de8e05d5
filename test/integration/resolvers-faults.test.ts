import type { ResolverKey, ResolverPayload, ResolverResponse } from '../../src/contract';
import { AGENT, createWorld, type World } from './resolvers-world';

/**
 * Under injected faults (rate limits, server errors, writes whose answer is lost, crashed
 * invocations) an agent who simply tries again ends with every change made once.
 */
describe.each([3, 17, 42])('with faults (seed %i)', (seed) => {
  let world: World;

  beforeEach(async () => {
    world = await createWorld('2026-03-02T09:00:00Z', { rate: 0.15, seed });
  });

  afterEach(async () => {
    expect(world.sb.stats().contractViolations).toEqual([]);
    await world.sb.close();
  });

  /** The agent's retry: until the app answers, or refuses for a reason that is not the outage. */
  async function retried<K extends ResolverKey>(
    key: K,
    payload: ResolverPayload<K>,
    issueKey: string,
  ): Promise<ResolverResponse<K>> {
    let last: ResolverResponse<K> | undefined;
    for (let attempt = 0; attempt < 12; attempt++) {
      try {
        last = await world.call(key, payload, { accountId: AGENT, issueKey });
      } catch {
        continue; // the invocation crashed: the platform, not an answer
      }
      expect(last).toHaveProperty('ok');
      if (last.ok || !['internal', 'jira-unavailable', 'conflict'].includes(last.error.code)) return last;
    }
    throw new Error(`${key} never got through: ${JSON.stringify(last)}`);
  }

  test('a submission walked to approval records each change once', async () => {
    const key = world.ticket('Acme Tasks');
    const started = await retried('startTracking', { issueKey: key, appName: 'Acme Tasks' }, key);
    // A lost answer to the first try makes the retry find it tracked already.
    if (!started.ok) expect(started.error.code).toBe('conflict');
    for (const stage of ['triage', 'awaiting-partner', 'verifying'] as const) {
      expect((await retried('moveStage', { issueKey: key, stage }, key)).ok).toBe(true);
    }
    const ids = [
      'bug-bounty',
      'privacy-security-tab',
      'slis-slos',
      'synthetic-checks',
      'alert-address',
      'incident-management',
      'support-t1-response',
      'support-contact',
    ];
    for (const componentId of ids) {
      expect((await retried('setComponentStatus', { issueKey: key, componentId, status: 'met' }, key)).ok).toBe(true);
    }
    const approved = await retried('approve', { issueKey: key }, key);
    if (!approved.ok) expect(approved.error.message).toContain('already approved');

    world.sb.resetStats();
    const sb = world.sb;
    const view = await world.view(key);
    expect(view.submission.stage).toBe('approved');
    expect(sb.jira.issue(key)?.status).toBe('Approved');
    expect(view.approved?.current?.id).toBe('2027');
    const kinds = view.history.map((h) => h.kind);
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    expect([
      count('tracking-started'),
      count('stage-changed'),
      count('component-changed'),
      count('approved'),
      count('review-scheduled'),
    ]).toEqual([1, 3, 8, 1, 1]);
  });
});
