import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { adfToPlainText, agentNote } from '../../src/domain/messages';
import { jiraStatusChange } from '../../src/domain/jira-status';
import type { DomainResult } from '../../src/domain/result';
import { moveStage, setComponentStatus, startSubmission } from '../../src/domain/submission';
import type { SubmissionState } from '../../src/domain/submission-types';
import type { TrackedApp } from '../../src/domain/tracked-app';

const program = CLOUD_FORTIFIED;
const AT = '2026-03-10T09:00:00.000Z';
const CHANGE = { by: 'lead-1', at: '2026-03-12T23:30:00.000Z', on: '2026-03-13' };

function value<T>(result: DomainResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function app(submission: SubmissionState): TrackedApp {
  return {
    issueKey: 'CFP-2',
    issueId: '10002',
    appName: 'Timesheets',
    createdAt: AT,
    createdBy: 'agent',
    submission,
    reviews: [],
    nextActionOn: null,
    version: 3,
  };
}

function verifying(openIds: string[] = []): SubmissionState {
  let state = value(moveStage(startSubmission(program, 'agent', AT), 'verifying', 'agent', AT));
  for (const c of program.components) {
    if (openIds.includes(c.id)) continue;
    state = value(setComponentStatus(state, program, { componentId: c.id, status: 'met' }, 'agent', AT));
  }
  return state;
}

describe('a status change made in Jira', () => {
  it('to an approved status with every requirement met or waived is the approval, and schedules the first review', () => {
    const change = jiraStatusChange(app(verifying()), program, 'approved', CHANGE, '2026-03-13');
    if (change.kind !== 'approved') throw new Error(`expected approved, got ${change.kind}`);
    expect(change.from).toBe('verifying');
    expect(change.app.approval).toEqual({ approvedOn: '2026-03-13', by: 'lead-1', at: CHANGE.at });
    expect(change.app.submission).toMatchObject({ stage: 'approved', stageBy: 'lead-1', stageSince: CHANGE.at });
    expect(change.scheduled.map((c) => [c.id, c.windowStart, c.windowEnd])).toEqual([
      ['2027', '2027-03-25', '2027-03-31'],
    ]);
    expect(change.app.reviews).toEqual(change.scheduled);
  });

  it('to an approved status with requirements open records nothing and names them', () => {
    const open = program.components.slice(0, 2);
    const change = jiraStatusChange(app(verifying(open.map((c) => c.id))), program, 'Approved', CHANGE, '2026-03-13');
    expect(change).toEqual({
      kind: 'approval-blocked',
      stage: 'verifying',
      openRequirements: open.map((c) => c.title),
    });
  });

  it('to another mapped status moves the stage; to an unmapped or the same one, nothing', () => {
    const change = jiraStatusChange(app(verifying()), program, 'Waiting for partner', CHANGE, '2026-03-13');
    if (change.kind !== 'moved') throw new Error(`expected moved, got ${change.kind}`);
    expect([change.from, change.to, change.app.approval]).toEqual(['verifying', 'awaiting-partner', undefined]);
    expect(jiraStatusChange(app(verifying()), program, 'Somewhere else', CHANGE, '2026-03-13')).toEqual({
      kind: 'unchanged',
    });
    expect(jiraStatusChange(app(verifying()), program, 'In verification', CHANGE, '2026-03-13')).toEqual({
      kind: 'unchanged',
    });
  });

  it('on an approved app changes nothing: the reviews run on the same ticket', () => {
    const approved = jiraStatusChange(app(verifying()), program, 'Approved', CHANGE, '2026-03-13');
    if (approved.kind !== 'approved') throw new Error('not approved');
    expect(jiraStatusChange(approved.app, program, 'Approved', CHANGE, '2026-03-14')).toEqual({ kind: 'unchanged' });
    expect(jiraStatusChange(approved.app, program, 'Waiting for partner', CHANGE, '2026-03-14')).toEqual({
      kind: 'unchanged',
    });
  });

  it('the note to agents counts and lists what is open, and says how the approval is recorded', () => {
    const text = adfToPlainText(
      agentNote('approval-blocked', {
        appName: 'Timesheets',
        cycleId: 'submission',
        status: 'Approved',
        openRequirements: ['Support contact', 'SLOs'],
      }),
    );
    expect(text).toContain('moved to “Approved” in Jira, but 2 requirements are not met or waived');
    expect(text).toContain('Support contact');
    expect(text).toContain('SLOs');
    expect(text).toContain('once they are met or waived and the status is set again, or with Approve in the panel');
  });
});
