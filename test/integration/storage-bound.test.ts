import type { Sandbox } from '../../sandbox';
import { forgePorts } from '../../src/adapters/forge-ports';
import { addDays } from '../../src/domain/calendar';
import { loadInvocationContext } from '../../src/services/invocation-context';
import { processReviewWork } from '../../src/services/review-work';
import { approvedApp, memoryPorts } from './review-memory-ports';
import { AGENT, runDays, withApps } from './review-world';

const PARTNER = 'partner-0';
const CHECKS = ['privacy-security-tab', 'support-contact', 'bug-bounty'];

/** The largest value the app keeps in storage, in bytes of JSON. */
function largestValue(sandbox: Sandbox): number {
  const { kv, secret, entities } = sandbox.kvs.snapshot();
  return Math.max(
    ...[...kv, ...secret, ...Object.values(entities).flat()].map(([, stored]) =>
      Buffer.byteLength(JSON.stringify(stored.value)),
    ),
  );
}

describe('nothing the app stores grows with the years', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('ten annual reviews with long replies: the largest stored value stays bounded, past reviews stay visible', async () => {
    const made = await withApps(1, { seed: 5 });
    sandbox = made.sandbox;
    const key = made.keys[0] ?? '';
    const sizes: number[] = [];
    for (let year = 2027; year <= 2036; year++) {
      // The notice (11 March), a long reply, the window (last week of March), every check passed, the close.
      await runDays(sandbox, `${year}-03-11`, `${year}-03-11`);
      sandbox.clock.set(`${year}-03-12T10:00:00Z`);
      sandbox.jira.addComment(key, {
        author: PARTNER,
        body: `NO, nothing significant changed in ${year}.\n\n${'Our release notes follow, line by line. '.repeat(600)}`,
      });
      await sandbox.deliverPendingEvents();
      const windowOpens = `${year}-03-${String(new Date(Date.UTC(year, 3, 0)).getUTCDate() - 6).padStart(2, '0')}`;
      await runDays(sandbox, windowOpens, windowOpens);
      for (const checkId of CHECKS) {
        const answer = (await sandbox.invokeResolver(
          'recordCheck',
          { issueKey: key, cycleId: String(year), checkId, result: 'passed' },
          { accountId: AGENT, issueKey: key, moduleKey: 'cf-tracker-panel' },
        )) as { ok: boolean };
        expect(answer.ok).toBe(true);
      }
      await runDays(sandbox, `${year}-04-01`, addDays(`${year}-04-01`, 1));
      sizes.push(largestValue(sandbox));
    }
    const ports = forgePorts();
    const app = await ports.apps.get(key);
    // The live record keeps the latest finished review and the next one; the others are archived.
    expect(app?.reviews.map((c) => `${c.id}:${c.state}`)).toEqual(['2036:passed', '2037:scheduled']);
    expect(app?.reviews[0]?.answer).toMatchObject({ value: 'NO', source: 'reply' });
    expect(Array.from(app?.reviews[0]?.answer?.text ?? '').length).toBeLessThanOrEqual(2000);
    expect((await ports.apps.archivedCycles?.(key))?.map((c) => c.id)).toEqual([
      '2027',
      '2028',
      '2029',
      '2030',
      '2031',
      '2032',
      '2033',
      '2034',
      '2035',
    ]);
    const view = (await sandbox.invokeResolver(
      'getTicketState',
      { issueKey: key },
      { accountId: AGENT, issueKey: key, moduleKey: 'cf-tracker-panel' },
    )) as { ok: boolean; data: { approved?: { past: { id: string }[] } } };
    expect(view.data.approved?.past.map((c) => c.id)).toHaveLength(10);
    // The largest value of the last year is no larger than that of the third: it does not grow with the years.
    expect(sizes[9]).toBeLessThanOrEqual((sizes[2] ?? 0) + 200);
    expect(sizes[9]).toBeLessThan(24 * 1024);
  }, 120_000);
});

describe('a storage refusal for good', () => {
  it('"value too large" (400) is reported as a failure, not retried, and the other tickets’ work goes on', async () => {
    const mem = memoryPorts('2027-03-11T00:05:00Z');
    mem.apps.set('CF-7', approvedApp('CF-7', '2026-03-04', '2027-02-01'));
    mem.apps.set('CF-8', approvedApp('CF-8', '2026-03-04', '2027-02-01'));
    mem.failNext.save = Object.assign(new Error('The provided value has exceeded the maximum size limit.'), {
      code: 'MAX_SIZE',
      responseDetails: { status: 400 },
    });
    const outcomes = await processReviewWork(await loadInvocationContext(mem.ports), ['CF-7', 'CF-8']);
    expect(outcomes.map((o) => `${o.issueKey}:${o.outcome}`)).toEqual(['CF-7:failed', 'CF-8:done']);
    expect(mem.apps.get('CF-8')?.reviews[0]?.state).toBe('notified');
  });
});
