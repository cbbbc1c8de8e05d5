import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { appNextActionOn, scheduleAnnualCycle } from '../../src/domain/review-cycle';
import { startSubmission } from '../../src/domain/submission';
import type { TrackedApp } from '../../src/domain/tracked-app';
import { clearWorkFailure, recordWorkFailure } from '../../src/domain/work-failure';

const program = CLOUD_FORTIFIED;
const AT = '2027-03-11T01:00:00.000Z';

function approved(): TrackedApp {
  const submission = { ...startSubmission(program, 'agent', AT), stage: 'approved' as const };
  return {
    issueKey: 'CFP-3',
    issueId: '10003',
    appName: 'Timesheets',
    createdAt: AT,
    createdBy: 'agent',
    submission,
    approval: { approvedOn: '2026-03-04', by: 'agent', at: AT },
    reviews: [scheduleAnnualCycle('2026-03-04', 2027, program, AT)],
    nextActionOn: null,
    version: 1,
  };
}

describe('a permanent failure of the scheduled work', () => {
  it('is recorded and pushes the due day to the day after, so the app is retried daily', () => {
    const app = approved();
    expect(appNextActionOn(app, program)).toBe('2027-03-11');
    const failed = recordWorkFailure(app, 'Jira answered 404: Issue does not exist', '2027-03-11', AT);
    expect(failed.lastFailure).toEqual({
      on: '2027-03-11',
      at: AT,
      reason: 'Jira answered 404: Issue does not exist',
      since: '2027-03-11',
    });
    expect(appNextActionOn(failed, program)).toBe('2027-03-12');
  });

  it('keeps the first day of a run of failures, and a later due day is left alone', () => {
    const again = recordWorkFailure(
      recordWorkFailure(approved(), 'gone', '2027-03-11', AT),
      'still gone',
      '2027-03-12',
      AT,
    );
    expect(again.lastFailure).toMatchObject({ on: '2027-03-12', since: '2027-03-11', reason: 'still gone' });
    expect(appNextActionOn(again, program)).toBe('2027-03-13');
    const early = recordWorkFailure(approved(), 'gone', '2027-02-01', AT);
    expect(appNextActionOn(early, program)).toBe('2027-03-11');
  });

  it('cut to a readable length, and cleared after a successful run', () => {
    const failed = recordWorkFailure(approved(), 'x'.repeat(2000), '2027-03-11', AT);
    expect(failed.lastFailure?.reason.length).toBeLessThanOrEqual(501);
    const cleared = clearWorkFailure(failed);
    expect(cleared.lastFailure).toBeUndefined();
    expect(appNextActionOn(cleared, program)).toBe('2027-03-11');
  });
});
