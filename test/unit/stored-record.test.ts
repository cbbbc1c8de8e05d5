import fc from 'fast-check';
import { parseStoredApp } from '../../src/adapters/storage/tracked-app-schema';
import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import {
  ANSWER_VALUES,
  AUDIT_KINDS,
  CHECK_RESULTS,
  COMPONENT_STATUSES,
  CONCERN_SOURCES,
  REVIEW_EFFECTS,
  REVIEW_STATES,
  STAGES,
  STORED_TEXT_MAX,
  auditEntrySchema,
  type TrackedApp,
} from '../../src/domain/model';
import { nextReviewAction, scheduleAnnualCycle } from '../../src/domain/review-cycle';

/** What storage does to a record: JSON on the way in, the domain's schema on the way out. */
function roundTrip(app: TrackedApp): TrackedApp {
  const parsed = parseStoredApp(JSON.parse(JSON.stringify(app)) as unknown, app.issueKey);
  if (!parsed.ok) throw new Error(parsed.problem.problems.join('; '));
  return parsed.app;
}

describe('a record read back from storage is the record that was written', () => {
  test('Sydney, a late notice: no answer reminder after a storage round trip', () => {
    const program = { ...CLOUD_FORTIFIED, timezone: 'Australia/Sydney' };
    const scheduled = scheduleAnnualCycle('2026-03-27', 2027, program, '2027-01-01T00:00:00.000Z');
    // The notice went out late, on the window's first day at 09:00 in Sydney: still the day before in UTC.
    const noticeAt = '2027-03-24T22:00:00.000Z';
    expect(scheduled.windowStart).toBe('2027-03-25');
    const cycle = {
      ...scheduled,
      state: 'in-review' as const,
      stateSince: noticeAt,
      effects: { notice: { id: '501', at: noticeAt, on: '2027-03-25' } },
    };
    const app: TrackedApp = {
      issueKey: 'CFP-9',
      issueId: '10009',
      appName: 'Sydney Sheets',
      createdAt: '2026-01-05T00:00:00.000Z',
      createdBy: 'agent-1',
      submission: { stage: 'approved', stageSince: '2026-03-27T00:00:00.000Z', stageBy: 'agent-1', components: [] },
      approval: { approvedOn: '2026-03-27', by: 'agent-1', at: '2026-03-27T00:00:00.000Z' },
      reviews: [cycle],
      nextActionOn: '2027-03-25',
      version: 3,
    };
    // A notice posted on the window's first day already asks for the answer: no reminder.
    expect(nextReviewAction(cycle, '2027-03-26', program)?.kind).not.toBe('send-answer-reminder');
    const stored = roundTrip(app).reviews[0]!;
    expect(nextReviewAction(stored, '2027-03-26', program)?.kind).not.toBe('send-answer-reminder');
    expect(stored.effects.notice?.on).toBe('2027-03-25');
  });

  test('every valid record survives a storage round trip unchanged', () => {
    const day = fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const instant = fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
    const text = fc.string({ maxLength: 40 });
    const longText = fc.string({ maxLength: STORED_TEXT_MAX });
    const component = fc.record(
      {
        id: text,
        status: fc.constantFrom(...COMPONENT_STATUSES),
        by: text,
        at: instant,
        note: longText,
        soakUntil: day,
        soakEndNotedFor: day,
        waiverReason: text,
      },
      { requiredKeys: ['id', 'status'] },
    );
    const answer = fc.record(
      {
        by: text,
        at: instant,
        value: fc.constantFrom(...ANSWER_VALUES),
        categories: fc.array(text, { maxLength: 3 }),
        source: fc.constantFrom('reply' as const, 'form' as const, 'agent' as const),
        commentId: text,
        text: longText,
        reason: text,
      },
      { requiredKeys: ['by', 'at', 'value', 'categories', 'source'] },
    );
    const check = fc.record(
      { id: text, result: fc.constantFrom(...CHECK_RESULTS), note: text, by: text, at: instant },
      { requiredKeys: ['id', 'result'] },
    );
    const effect = fc.record({ id: text, at: instant, on: day }, { requiredKeys: ['at'] });
    const effects = fc
      .subarray([...REVIEW_EFFECTS])
      .chain((names) => fc.tuple(...names.map((n) => effect.map((e) => [n, e] as const))))
      .map((pairs) => Object.fromEntries(pairs));
    const cycle = fc.record(
      {
        id: text,
        kind: fc.constantFrom('annual' as const, 'escalation' as const),
        year: fc.integer({ min: 2020, max: 2040 }),
        state: fc.constantFrom(...REVIEW_STATES),
        stateSince: instant,
        noticeOn: day,
        windowStart: day,
        windowEnd: day,
        remediationDue: day,
        answer,
        checks: fc.array(check, { maxLength: 5 }),
        effects,
        concern: fc.record({ text, raisedBy: text, at: instant, source: fc.constantFrom(...CONCERN_SOURCES) }),
      },
      {
        requiredKeys: [
          'id',
          'kind',
          'year',
          'state',
          'stateSince',
          'noticeOn',
          'windowStart',
          'windowEnd',
          'remediationDue',
          'checks',
          'effects',
        ],
      },
    );
    const app = fc.record(
      {
        issueKey: fc.string({ minLength: 1, maxLength: 12 }),
        issueId: text,
        appName: text,
        createdAt: instant,
        createdBy: text,
        submission: fc.record(
          {
            stage: fc.constantFrom(...STAGES),
            stageSince: instant,
            stageBy: text,
            components: fc.array(component, { maxLength: 4 }),
          },
          { requiredKeys: ['stage', 'stageSince', 'components'] },
        ),
        approval: fc.record(
          { approvedOn: day, by: text, at: instant, imported: fc.boolean() },
          { requiredKeys: ['approvedOn', 'by', 'at'] },
        ),
        reviews: fc.array(cycle, { maxLength: 3 }),
        archivedReviews: fc.integer({ min: 1, max: 100 }),
        nextActionOn: fc.option(day, { nil: null }),
        lastFailure: fc.record({ on: day, at: instant, reason: text, since: day }),
        version: fc.integer({ min: 1, max: 1_000_000 }),
      },
      {
        requiredKeys: [
          'issueKey',
          'issueId',
          'appName',
          'createdAt',
          'createdBy',
          'submission',
          'reviews',
          'nextActionOn',
          'version',
        ],
      },
    );
    fc.assert(
      fc.property(app, (record) => {
        expect(roundTrip(record)).toEqual(record);
      }),
      { numRuns: 300 },
    );
  });

  test('a history line of every kind survives the history schema', () => {
    for (const kind of AUDIT_KINDS) {
      const entry = {
        issueKey: 'CFP-1',
        at: '2027-01-01T00:00:00.000Z',
        by: 'app',
        kind,
        summary: 'Said.',
        detail: { n: 1, s: 'x', b: true, z: null },
      };
      expect(auditEntrySchema.parse(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
    }
  });
});
