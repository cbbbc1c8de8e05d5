import { readFileSync } from 'fs';
import { join } from 'path';
import { EFFECT_PROPERTY } from '../../src/adapters/jira/comments';
import type { Fixture, FixtureAction } from '../../cli/simulate-fixture';
import { parseFixture } from '../../cli/simulate-fixture';
import { eventLine } from '../../cli/simulate-events';
import { runSimulation } from '../../cli/simulate-run';

/** 36 apps approved over 2026, three a month, each with one of six kinds of review behaviour. */
function yearFixture(): Fixture {
  const apps: Fixture['apps'] = [];
  for (let i = 0; i < 36; i++) {
    const month = (i % 12) + 1;
    const mm = String(month).padStart(2, '0');
    const lastDay = new Date(Date.UTC(2027, month, 0)).getUTCDate();
    const windowStart = lastDay - 6;
    const on = (day: number, monthOffset = 0) => {
      const d = new Date(Date.UTC(2027, month - 1 + monthOffset, day));
      return d.toISOString().slice(0, 10);
    };
    const checks = (day: string, failed?: string): FixtureAction[] =>
      ['privacy-security-tab', 'support-contact', 'bug-bounty'].map((check) => ({
        on: day,
        by: 'agent' as const,
        check,
        result: check === failed ? ('failed' as const) : ('passed' as const),
      }));
    const kind = Math.floor(i / 12) * 2 + (i % 2); // 0..5, spread over the months
    const inWindow = on(windowStart + 1);
    let actions: FixtureAction[] = [];
    if (kind === 0)
      actions = [
        { on: on(windowStart - 13), by: 'partner', reply: 'No significant changes this year.' },
        ...checks(inWindow),
      ];
    if (kind === 1)
      actions = [
        {
          on: on(windowStart - 12),
          by: 'partner',
          reply: 'Yes - see below. We added a new subprocessor and moved data stores.',
        },
        { on: inWindow, by: 'agent', check: 'significant-changes', result: 'passed' },
        ...checks(inWindow),
      ];
    if (kind === 2)
      actions = [
        { on: on(windowStart - 12), by: 'partner', reply: 'Thanks, we will check with the team.' },
        { on: on(windowStart - 10), by: 'partner', reply: 'no' },
        ...checks(inWindow),
      ];
    if (kind === 3) actions = checks(inWindow);
    if (kind === 4)
      actions = [
        { on: on(windowStart - 13), by: 'partner', reply: 'NO.' },
        ...checks(inWindow, 'privacy-security-tab'),
        { on: on(10, 1), by: 'agent', check: 'privacy-security-tab', result: 'passed' },
      ];
    if (kind === 5)
      actions = [{ on: on(windowStart - 13), by: 'partner', reply: 'No' }, ...checks(inWindow, 'support-contact')];
    apps.push({
      ticket: `CFP-${i + 1}`,
      app: `Year App ${i + 1}`,
      approvedOn: `2026-${mm}-${String(3 + (i % 20)).padStart(2, '0')}`,
      actions,
    });
  }
  return { apps };
}

/** The app's marks on the emulator's comments, counted per ticket, cycle and effect. */
function markCounts(sandbox: NonNullable<Awaited<ReturnType<typeof runSimulation>>['sandbox']>, keys: string[]) {
  const counts = new Map<string, number>();
  for (const key of keys) {
    for (const comment of sandbox.jira.comments(key)) {
      const mark = comment.properties[EFFECT_PROPERTY] as { cycleId?: string; effect?: string } | undefined;
      if (!mark) continue;
      const id = `${key}:${mark.cycleId}:${mark.effect}`;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

describe('a year of reviews', () => {
  jest.setTimeout(900_000);

  it('runs 36 apps with every kind of reply: each message once, no contract violation', async () => {
    const fixture = yearFixture();
    const result = await runSimulation(fixture, { from: '2027-01-01', to: '2028-01-31', faults: 0, seed: 1 }, true);
    const sandbox = result.sandbox;
    if (!sandbox) throw new Error('the sandbox was not kept open');
    try {
      expect(result.contractViolations).toBe(0);
      expect(result.skipped).toEqual([]);
      const keys = sandbox.jira.issueKeys();
      expect(keys).toHaveLength(36);
      const counts = markCounts(sandbox, keys);
      for (const [id, n] of counts) expect(`${id} x${n}`).toBe(`${id} x1`);
      for (const key of keys) {
        expect(counts.get(`${key}:2027:notice`)).toBe(1);
        expect(counts.get(`${key}:2027:window-note`)).toBe(1);
      }
      const byEvent = (event: string) => result.events.filter((e) => e.event === event && e.cycle === 2027);
      expect(byEvent('notice-posted')).toHaveLength(36);
      expect(byEvent('form-attached')).toHaveLength(36);
      expect(byEvent('window-opened')).toHaveLength(36);
      // Kinds 0, 1, 2 and 4 pass (4 after remediation); 3 (no answer) and 5 (failed check) end overdue.
      expect(byEvent('passed')).toHaveLength(24);
      expect(byEvent('remediation-started')).toHaveLength(18);
      expect(byEvent('overdue')).toHaveLength(12);
      // The unclear reply, then its correction.
      expect(byEvent('answer-recorded').filter((e) => e.answer === 'UNCLEAR')).toHaveLength(6);
      expect(byEvent('answer-recorded').filter((e) => e.answer === 'YES')).toHaveLength(6);
    } finally {
      await sandbox.close();
    }
  });
});

describe('simulate with faults', () => {
  jest.setTimeout(900_000);

  it('produces the same events with 20% of requests failing as without', async () => {
    const fixture = parseFixture(readFileSync(join(__dirname, '../fixtures/simulate/example.json'), 'utf8'));
    const options = { from: '2027-03-01', to: '2027-06-15', seed: 7 };
    const clean = await runSimulation(fixture, { ...options, faults: 0 });
    const faulty = await runSimulation(fixture, { ...options, faults: 0.2 });
    const lines = (r: typeof clean) => new Set(r.events.map(eventLine));
    expect([...lines(faulty)].sort()).toEqual([...lines(clean)].sort());
    expect(clean.events.length).toBeGreaterThan(30);
    expect(faulty.contractViolations).toBe(0);
  });
});
