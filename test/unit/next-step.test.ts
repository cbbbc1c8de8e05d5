import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { appNextStep, currentReview, reviewNextStep, submissionNextStep } from '../../src/domain/next-step';
import { scheduleAnnualCycle } from '../../src/domain/review-cycle';
import type { PartnerAnswer, ReviewCycle, ReviewState } from '../../src/domain/review-types';
import { startSubmission } from '../../src/domain/submission';
import type { TrackedApp } from '../../src/domain/tracked-app';

const AT = '2027-03-01T09:00:00.000Z';
const TODAY = '2027-03-01';
const cycle = (year: number, state: ReviewState, answer?: PartnerAnswer['value']): ReviewCycle => ({
  ...scheduleAnnualCycle('2025-03-10', year, CLOUD_FORTIFIED, AT),
  state,
  ...(answer ? { answer: { value: answer, categories: [], source: 'reply' as const, by: 'partner', at: AT } } : {}),
});

const app = (reviews: ReviewCycle[], approved = true): TrackedApp => ({
  issueKey: 'CFP-1',
  issueId: '10001',
  appName: 'Acme',
  createdAt: AT,
  createdBy: 'agent',
  submission: { ...startSubmission(CLOUD_FORTIFIED, 'agent', AT), stage: approved ? 'approved' : 'verifying' },
  ...(approved ? { approval: { approvedOn: '2025-03-10', by: 'agent', at: AT } } : {}),
  reviews,
  nextActionOn: null,
  version: 1,
});

describe('whose move it is in a review', () => {
  it.each<[ReviewState, PartnerAnswer['value'] | undefined, string]>([
    ['scheduled', undefined, 'time'],
    ['notified', undefined, 'partner'],
    ['notified', 'UNCLEAR', 'partner'],
    ['notified', 'NO', 'atlassian'],
    ['in-review', undefined, 'partner'],
    ['in-review', 'YES', 'atlassian'],
    ['remediation', 'NO', 'partner'],
    ['overdue', 'NO', 'atlassian'],
    ['passed', 'NO', 'none'],
    ['cancelled', undefined, 'none'],
  ])('%s with answer %s → %s', (state, answer, owner) => {
    expect(reviewNextStep(cycle(2027, state, answer))).toBe(owner);
  });
});

describe('the current review', () => {
  it('prefers an open review, then an overdue one, then the next scheduled one', () => {
    const overdue2026 = cycle(2026, 'overdue');
    const scheduled2027 = cycle(2027, 'scheduled');
    expect(currentReview([overdue2026, scheduled2027])).toBe(overdue2026);
    const notified2027 = cycle(2027, 'notified');
    expect(currentReview([overdue2026, notified2027])).toBe(notified2027);
    expect(currentReview([cycle(2026, 'passed'), scheduled2027])).toBe(scheduled2027);
    expect(currentReview([cycle(2026, 'passed')])).toBeUndefined();
  });
});

describe('whose move it is for an app', () => {
  it('follows the current review once approved, and the stage before', () => {
    expect(appNextStep(app([cycle(2027, 'notified')]), TODAY)).toBe('partner');
    expect(appNextStep(app([cycle(2026, 'overdue'), cycle(2027, 'scheduled')]), TODAY)).toBe('atlassian');
    expect(appNextStep(app([cycle(2026, 'passed')]), TODAY)).toBe('none');
    expect(appNextStep(app([], false), TODAY)).toBe('atlassian');
  });
});

describe('whose move it is in a soak', () => {
  const soaking = (...until: string[]) => {
    const submission = startSubmission(CLOUD_FORTIFIED, 'agent', AT);
    return {
      ...submission,
      stage: 'soaking' as const,
      components: submission.components.map((c, i) =>
        i < until.length ? { ...c, status: 'soaking' as const, soakUntil: until[i]! } : c,
      ),
    };
  };

  it('time waits while a soak runs, up to its last day', () => {
    expect(submissionNextStep(soaking('2027-03-05'), '2027-03-04')).toBe('time');
    expect(submissionNextStep(soaking('2027-02-20', '2027-03-05'), '2027-03-04')).toBe('time');
  });

  it('once every soak has ended, Atlassian verifies: no "waiting for a date" with a date in the past', () => {
    expect(submissionNextStep(soaking('2027-03-05'), '2027-03-05')).toBe('atlassian');
    expect(submissionNextStep(soaking('2027-02-20', '2027-03-01'), '2027-03-04')).toBe('atlassian');
    expect(appNextStep({ ...app([], false), submission: soaking('2027-02-20') }, '2027-03-04')).toBe('atlassian');
  });

  it('other stages keep their owner', () => {
    expect(submissionNextStep({ ...soaking('2027-02-20'), stage: 'awaiting-partner' }, '2027-03-04')).toBe('partner');
  });
});
