import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { appNextStep, currentReview, reviewNextStep } from '../../src/domain/next-step';
import { scheduleAnnualCycle } from '../../src/domain/review-cycle';
import type { PartnerAnswer, ReviewCycle, ReviewState } from '../../src/domain/review-types';
import { startSubmission } from '../../src/domain/submission';
import type { TrackedApp } from '../../src/domain/tracked-app';

const AT = '2027-03-01T09:00:00.000Z';
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
    expect(appNextStep(app([cycle(2027, 'notified')]))).toBe('partner');
    expect(appNextStep(app([cycle(2026, 'overdue'), cycle(2027, 'scheduled')]))).toBe('atlassian');
    expect(appNextStep(app([cycle(2026, 'passed')]))).toBe('none');
    expect(appNextStep(app([], false))).toBe('atlassian');
  });
});
