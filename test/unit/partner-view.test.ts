import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { partnerView } from '../../src/domain/partner-view';
import { scheduleAnnualCycle } from '../../src/domain/review-cycle';
import type { ReviewCycle, ReviewState } from '../../src/domain/review-types';
import { startSubmission } from '../../src/domain/submission';
import type { TrackedApp } from '../../src/domain/tracked-app';

const AT = '2027-03-01T09:00:00.000Z';
const SECRET_NOTE = 'internal: partner looked shady on the call';
const SECRET_REASON = 'agent-only reasoning about the reply';
const CUSTOMER = 'customer-account-557058-jane';

function app(reviews: ReviewCycle[], approved = true): TrackedApp {
  const submission = startSubmission(CLOUD_FORTIFIED, 'agent-1', AT);
  return {
    issueKey: 'CFP-1',
    issueId: '10001',
    appName: 'Acme Timesheets',
    createdAt: AT,
    createdBy: 'agent-1',
    submission: {
      ...submission,
      stage: approved ? 'approved' : 'awaiting-partner',
      components: submission.components.map((c) => ({ ...c, note: SECRET_NOTE, by: 'agent-1', at: AT })),
    },
    ...(approved ? { approval: { approvedOn: '2025-03-10', by: 'agent-1', at: AT } } : {}),
    reviews,
    nextActionOn: null,
    version: 3,
  };
}

function cycle(state: ReviewState, extra: Partial<ReviewCycle> = {}): ReviewCycle {
  const scheduled = scheduleAnnualCycle('2025-03-10', 2027, CLOUD_FORTIFIED, AT);
  return {
    ...scheduled,
    state,
    checks: scheduled.checks.map((c) =>
      c.id === 'bug-bounty'
        ? { ...c, result: 'failed' as const, note: SECRET_NOTE, by: 'agent-1', at: AT }
        : { ...c, note: SECRET_NOTE },
    ),
    effects: {
      notice: { id: '901', at: AT },
      'window-note': { id: '902', at: AT },
      'remediation-note': { id: '903', at: AT },
    },
    answer: {
      value: 'NO',
      categories: [],
      source: 'reply',
      by: 'partner-1',
      at: AT,
      commentId: '900',
      text: 'No changes.',
      reason: SECRET_REASON,
    },
    ...extra,
  };
}

describe('what a partner may see', () => {
  it('shows the dates in the program time zone, whose move it is, what failed and the deadline', () => {
    const view = partnerView(
      app([cycle('remediation')]),
      { ...CLOUD_FORTIFIED, timezone: 'Europe/Berlin' },
      '2027-04-02',
    );
    expect(view.timezone).toBe('Europe/Berlin');
    expect(view.review).toMatchObject({
      id: '2027',
      state: 'remediation',
      nextStep: 'partner',
      dates: {
        noticeOn: '2027-03-11',
        windowStart: '2027-03-25',
        windowEnd: '2027-03-31',
        remediationDue: '2027-04-28',
      },
      failed: [
        {
          id: 'bug-bounty',
          title: 'Bug Bounty',
          description: 'The app still takes part in the Marketplace Bug Bounty program.',
        },
      ],
      remediationDue: '2027-04-28',
      answer: { value: 'NO', categories: [], source: 'reply' },
    });
    expect(view.review?.whoseMove).toMatch(/^Your move: resolve the failed requirements/);
  });

  it('never includes internal notes, check notes, reasons written for agents, or internal comment ids', () => {
    const views = [
      partnerView(app([cycle('remediation')]), CLOUD_FORTIFIED, '2027-04-02'),
      partnerView(app([cycle('in-review')]), CLOUD_FORTIFIED, '2027-03-26'),
      partnerView(app([], false), CLOUD_FORTIFIED, '2027-03-26'),
    ];
    for (const view of views) {
      const json = JSON.stringify(view);
      expect(json).not.toContain(SECRET_NOTE);
      expect(json).not.toContain(SECRET_REASON);
      expect(json).not.toContain('agent-1');
      expect(json).not.toMatch(/"90[0-3]"/);
    }
  });

  it('never names the customer who raised an escalation, nor quotes their concern', () => {
    const escalation = cycle('notified', {
      id: 'esc-1',
      kind: 'escalation',
      answer: undefined,
      concern: {
        text: `Jane from Initech (${CUSTOMER}) says the app leaks e-mails`,
        raisedBy: CUSTOMER,
        at: AT,
        source: 'customer',
      },
    });
    const view = partnerView(app([escalation]), CLOUD_FORTIFIED, '2027-03-12');
    expect(view.review).toMatchObject({
      kind: 'escalation',
      concern: { raisedBy: 'customer' },
      nextStep: 'partner',
      canAnswer: true,
    });
    expect(JSON.stringify(view)).not.toContain(CUSTOMER);
    expect(JSON.stringify(view)).not.toContain('Initech');
  });

  it('lets the partner answer while the question is open, not over an agent’s answer', () => {
    expect(
      partnerView(app([cycle('notified', { answer: undefined })]), CLOUD_FORTIFIED, '2027-03-12').review?.canAnswer,
    ).toBe(true);
    // A structured answer may replace one read from a reply.
    expect(partnerView(app([cycle('in-review')]), CLOUD_FORTIFIED, '2027-03-26').review?.canAnswer).toBe(true);
    const byAgent = cycle('in-review', {
      answer: { value: 'YES', categories: [], source: 'agent', by: 'agent-1', at: AT },
    });
    expect(partnerView(app([byAgent]), CLOUD_FORTIFIED, '2027-03-26').review?.canAnswer).toBe(false);
    expect(partnerView(app([cycle('passed')]), CLOUD_FORTIFIED, '2027-04-02').review?.canAnswer).toBe(false);
    expect(
      partnerView(app([cycle('scheduled', { answer: undefined })]), CLOUD_FORTIFIED, '2027-01-02').review,
    ).toMatchObject({
      canAnswer: false,
      nextStep: 'time',
    });
  });

  it('before approval shows only the stage and whose move it is', () => {
    const view = partnerView(app([], false), CLOUD_FORTIFIED, '2027-03-26');
    expect(view.review).toBeUndefined();
    expect(view.submission).toEqual({
      stage: 'awaiting-partner',
      nextStep: 'partner',
      whoseMove: expect.stringMatching(/^Your move/),
    });
    expect(view.changeCategories).toHaveLength(11);
  });
});
