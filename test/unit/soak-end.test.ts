import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { agentNote } from '../../src/domain/messages';
import { adfToPlainText } from '../../src/domain/messages';
import type { DomainResult } from '../../src/domain/result';
import { appNextActionOn } from '../../src/domain/review-cycle';
import { endedSoaks, noteSoakEnd, soakEndMarkId } from '../../src/domain/soak-end';
import { moveStage, setComponentStatus, startSubmission } from '../../src/domain/submission';
import type { SubmissionState } from '../../src/domain/submission-types';
import type { TrackedApp } from '../../src/domain/tracked-app';

const program = CLOUD_FORTIFIED;
const AT = '2026-05-01T09:00:00.000Z';
const first = program.components[0]!;
const second = program.components[1]!;

function value<T>(result: DomainResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function soaking(...soaks: Array<[string, string]>): SubmissionState {
  let state = value(moveStage(startSubmission(program, 'agent', AT), 'verifying', 'agent', AT));
  for (const [componentId, soakUntil] of soaks) {
    state = value(setComponentStatus(state, program, { componentId, status: 'soaking', soakUntil }, 'agent', AT));
  }
  return state;
}

function app(submission: SubmissionState): TrackedApp {
  return {
    issueKey: 'CFP-1',
    issueId: '10001',
    appName: 'Timesheets',
    createdAt: AT,
    createdBy: 'agent',
    submission,
    reviews: [],
    nextActionOn: null,
    version: 1,
  };
}

describe('the end of a soak', () => {
  it('is due on the soak date, not before', () => {
    const state = soaking([first.id, '2026-05-20']);
    expect(endedSoaks(state, '2026-05-19', program)).toEqual([]);
    expect(endedSoaks(state, '2026-05-20', program)).toEqual([
      { componentId: first.id, title: first.title, soakUntil: '2026-05-20' },
    ]);
    expect(endedSoaks(state, '2026-06-30', program)).toHaveLength(1);
  });

  it('once noted, is no longer due and no longer keeps the app in the sweep', () => {
    const state = soaking([first.id, '2026-05-20'], [second.id, '2026-06-10']);
    expect(appNextActionOn(app(state), program)).toBe('2026-05-20');
    const noted = noteSoakEnd(state, { componentId: first.id, soakUntil: '2026-05-20' });
    if (!noted) throw new Error('not noted');
    expect(endedSoaks(noted, '2026-05-21', program)).toEqual([]);
    expect(appNextActionOn(app(noted), program)).toBe('2026-06-10');
    const both = noteSoakEnd(noted, { componentId: second.id, soakUntil: '2026-06-10' });
    if (!both) throw new Error('not noted');
    expect(appNextActionOn(app(both), program)).toBeNull();
  });

  it('is noted once: a second record, or one for a component changed meanwhile, changes nothing', () => {
    const state = soaking([first.id, '2026-05-20']);
    const noted = noteSoakEnd(state, { componentId: first.id, soakUntil: '2026-05-20' });
    if (!noted) throw new Error('not noted');
    expect(noteSoakEnd(noted, { componentId: first.id, soakUntil: '2026-05-20' })).toBeNull();
    expect(noteSoakEnd(state, { componentId: first.id, soakUntil: '2026-05-19' })).toBeNull();
    const met = value(setComponentStatus(state, program, { componentId: first.id, status: 'met' }, 'agent', AT));
    expect(noteSoakEnd(met, { componentId: first.id, soakUntil: '2026-05-20' })).toBeNull();
  });

  it('a new soak date set later is due again, with its own mark', () => {
    const noted = noteSoakEnd(soaking([first.id, '2026-05-20']), { componentId: first.id, soakUntil: '2026-05-20' });
    if (!noted) throw new Error('not noted');
    const again = value(
      setComponentStatus(
        noted,
        program,
        { componentId: first.id, status: 'soaking', soakUntil: '2026-07-01' },
        'agent',
        AT,
      ),
    );
    expect(appNextActionOn(app(again), program)).toBe('2026-07-01');
    expect(endedSoaks(again, '2026-07-01', program)).toEqual([
      { componentId: first.id, title: first.title, soakUntil: '2026-07-01' },
    ]);
    expect(soakEndMarkId({ componentId: first.id, soakUntil: '2026-07-01' })).not.toBe(
      soakEndMarkId({ componentId: first.id, soakUntil: '2026-05-20' }),
    );
  });

  it('is not due once the submission is closed', () => {
    const state = soaking([first.id, '2026-05-20']);
    const withdrawn = value(moveStage(state, 'withdrawn', 'agent', AT));
    expect(endedSoaks(withdrawn, '2026-05-21', program)).toEqual([]);
    expect(appNextActionOn(app(withdrawn), program)).toBeNull();
  });

  it('the agents are told which requirement to verify and since when', () => {
    const note = adfToPlainText(
      agentNote('soak-ended', {
        appName: 'Timesheets',
        cycleId: 'submission',
        requirement: first.title,
        soakUntil: '2026-05-20',
      }),
    );
    expect(note).toContain(`The soak period of ${first.title} ended on`);
    expect(note).toContain('verify it and mark it met');
    expect(note).toMatch(/20 May 2026|May 20, 2026|2026-05-20/);
  });
});
