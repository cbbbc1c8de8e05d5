import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import type { ProgramSettings } from '../../src/domain/program';
import {
  allowedStageMoves,
  approvalBlockers,
  approveSubmission,
  followJiraStatus,
  moveStage,
  nextStepOwner,
  setComponentStatus,
  stageForStatus,
  startSubmission,
  statusesForStage,
} from '../../src/domain/submission';
import type { DomainResult } from '../../src/domain/result';
import { STAGES, type Stage, type SubmissionState } from '../../src/domain/submission-types';

const program = CLOUD_FORTIFIED;
const AT = '2026-03-02T10:00:00.000Z';
const LATER = '2026-03-05T09:00:00.000Z';

function value<T>(result: DomainResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function inStage(stage: Stage): SubmissionState {
  return { ...startSubmission(program, 'agent-1', AT), stage };
}

function allMet(state: SubmissionState): SubmissionState {
  return program.components.reduce(
    (s, c) => value(setComponentStatus(s, program, { componentId: c.id, status: 'met' }, 'agent-1', LATER)),
    state,
  );
}

describe('starting a submission', () => {
  it('starts in submitted with every program component not started', () => {
    const state = startSubmission(program, 'agent-1', AT);
    expect(state.stage).toBe('submitted');
    expect(state.stageSince).toBe(AT);
    expect(state.components.map((c) => [c.id, c.status])).toEqual(program.components.map((c) => [c.id, 'not-started']));
  });
});

describe('who holds the next step', () => {
  it.each<[Stage, string]>([
    ['submitted', 'atlassian'],
    ['triage', 'atlassian'],
    ['awaiting-partner', 'partner'],
    ['verifying', 'atlassian'],
    ['soaking', 'time'],
    ['approved', 'none'],
    ['declined', 'none'],
    ['withdrawn', 'none'],
  ])('%s → %s', (stage, owner) => {
    expect(nextStepOwner(stage)).toBe(owner);
  });
});

describe('moving the stage', () => {
  it('moves along the documented path and records who and when', () => {
    let state = startSubmission(program, 'agent-1', AT);
    for (const to of ['triage', 'awaiting-partner', 'triage', 'verifying', 'soaking'] as Stage[]) {
      state = value(moveStage(state, to, 'agent-2', LATER));
      expect(state.stage).toBe(to);
    }
    expect(state.stageSince).toBe(LATER);
    expect(state.stageBy).toBe('agent-2');
  });

  it('never offers approved as a move, from any stage', () => {
    for (const stage of STAGES) expect(allowedStageMoves(stage)).not.toContain('approved');
    const refused = moveStage(inStage('soaking'), 'approved', 'agent-1', LATER);
    expect(refused).toEqual({ ok: false, error: { code: 'not-allowed', message: expect.stringMatching(/Approve/) } });
  });

  it('refuses an illegal move with a sentence, without changing the state', () => {
    const state = inStage('submitted');
    const result = moveStage(state, 'soaking', 'agent-1', LATER);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('not-allowed');
      expect(result.error.message).toMatch(/cannot move from submitted to soaking/);
    }
    expect(state.stage).toBe('submitted');
  });

  it('refuses a move to the current stage', () => {
    expect(moveStage(inStage('triage'), 'triage', 'a', LATER).ok).toBe(false);
  });

  it('keeps an approved submission closed and lets a declined or withdrawn one be reopened into triage', () => {
    expect(allowedStageMoves('approved')).toEqual([]);
    expect(moveStage(inStage('approved'), 'triage', 'a', LATER).ok).toBe(false);
    expect(allowedStageMoves('declined')).toEqual(['triage']);
    expect(value(moveStage(inStage('withdrawn'), 'triage', 'a', LATER)).stage).toBe('triage');
    expect(moveStage(inStage('declined'), 'verifying', 'a', LATER).ok).toBe(false);
  });

  it('lets an open submission be declined or withdrawn from any open stage', () => {
    for (const stage of ['submitted', 'triage', 'awaiting-partner', 'verifying', 'soaking'] as Stage[]) {
      expect(allowedStageMoves(stage)).toEqual(expect.arrayContaining(['declined', 'withdrawn']));
    }
  });
});

describe('JSM statuses and stages', () => {
  it('maps a status to its stage whatever the case', () => {
    expect(stageForStatus(program, 'Waiting for partner')).toBe('awaiting-partner');
    expect(stageForStatus(program, 'WAITING FOR CUSTOMER')).toBe('awaiting-partner');
    expect(stageForStatus(program, ' in verification ')).toBe('verifying');
    expect(stageForStatus(program, 'Resolved')).toBeUndefined();
  });

  it('lists the statuses of a stage in the program order', () => {
    expect(statusesForStage(program, 'awaiting-partner')).toEqual(['Waiting for customer', 'Waiting for partner']);
    expect(statusesForStage(program, 'soaking')).toEqual(['Soaking']);
  });

  it('follows a status changed in Jira, even where an agent could not move', () => {
    const moved = followJiraStatus(inStage('submitted'), program, 'soaking', 'user-9', LATER);
    expect(moved).toMatchObject({ stage: 'soaking', stageSince: LATER, stageBy: 'user-9' });
  });

  it('does nothing for an unmapped status or the current stage', () => {
    expect(followJiraStatus(inStage('triage'), program, 'Resolved', 'u', LATER)).toBeNull();
    expect(followJiraStatus(inStage('triage'), program, 'In triage', 'u', LATER)).toBeNull();
    expect(followJiraStatus(inStage('triage'), program, 'Waiting for support', 'u', LATER)).toBeNull();
  });

  it('stops following once approved: the annual review moves the same ticket through its statuses', () => {
    expect(followJiraStatus(inStage('approved'), program, 'Waiting for customer', 'u', LATER)).toBeNull();
    expect(followJiraStatus(inStage('approved'), program, 'Declined', 'u', LATER)).toBeNull();
  });

  it('follows a move to the approved status, and back out of declined', () => {
    expect(followJiraStatus(inStage('verifying'), program, 'Approved', 'u', LATER)?.stage).toBe('approved');
    expect(followJiraStatus(inStage('declined'), program, 'In triage', 'u', LATER)?.stage).toBe('triage');
  });

  it('uses the program’s own mapping', () => {
    const custom: ProgramSettings = {
      ...program,
      statusMapping: [{ status: 'Needs partner input', stage: 'awaiting-partner' }],
    };
    expect(followJiraStatus(inStage('triage'), custom, 'needs partner input', 'u', LATER)?.stage).toBe(
      'awaiting-partner',
    );
    expect(followJiraStatus(inStage('triage'), custom, 'Waiting for partner', 'u', LATER)).toBeNull();
  });
});

describe('requirement components', () => {
  const start = () => startSubmission(program, 'agent-1', AT);

  it('records the status, who, when and the note', () => {
    const state = value(
      setComponentStatus(
        start(),
        program,
        { componentId: 'alert-address', status: 'needs-info', note: '  Which address?  ' },
        'agent-2',
        LATER,
      ),
    );
    expect(state.components.find((c) => c.id === 'alert-address')).toEqual({
      id: 'alert-address',
      status: 'needs-info',
      note: 'Which address?',
      by: 'agent-2',
      at: LATER,
    });
    expect(state.components.filter((c) => c.status === 'not-started')).toHaveLength(program.components.length - 1);
  });

  it('needs an end date to soak, and keeps it', () => {
    const missing = setComponentStatus(start(), program, { componentId: 'bug-bounty', status: 'soaking' }, 'a', LATER);
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const impossible = setComponentStatus(
      start(),
      program,
      { componentId: 'bug-bounty', status: 'soaking', soakUntil: '2026-02-30' },
      'a',
      LATER,
    );
    expect(impossible).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const soaking = value(
      setComponentStatus(
        start(),
        program,
        { componentId: 'bug-bounty', status: 'soaking', soakUntil: '2026-04-04' },
        'a',
        LATER,
      ),
    );
    expect(soaking.components.find((c) => c.id === 'bug-bounty')).toMatchObject({
      status: 'soaking',
      soakUntil: '2026-04-04',
    });
  });

  it('needs a reason to waive', () => {
    expect(
      setComponentStatus(
        start(),
        program,
        { componentId: 'bug-bounty', status: 'waived', waiverReason: '   ' },
        'a',
        LATER,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringMatching(/reason/) },
    });
    const waived = value(
      setComponentStatus(
        start(),
        program,
        { componentId: 'bug-bounty', status: 'waived', waiverReason: 'Covered by the vendor’s own programme' },
        'a',
        LATER,
      ),
    );
    expect(waived.components.find((c) => c.id === 'bug-bounty')?.waiverReason).toBe(
      'Covered by the vendor’s own programme',
    );
  });

  it('drops the soak date and waiver reason once the status moves on', () => {
    const soaking = value(
      setComponentStatus(
        start(),
        program,
        { componentId: 'bug-bounty', status: 'soaking', soakUntil: '2026-04-04' },
        'a',
        LATER,
      ),
    );
    const met = value(setComponentStatus(soaking, program, { componentId: 'bug-bounty', status: 'met' }, 'a', LATER));
    expect(met.components.find((c) => c.id === 'bug-bounty')).toEqual({
      id: 'bug-bounty',
      status: 'met',
      by: 'a',
      at: LATER,
    });
  });

  it('answers not-found for a component the program does not have', () => {
    expect(setComponentStatus(start(), program, { componentId: 'uptime', status: 'met' }, 'a', LATER)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('refuses changes once the submission is closed', () => {
    expect(
      setComponentStatus(inStage('declined'), program, { componentId: 'bug-bounty', status: 'met' }, 'a', LATER),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
  });

  it('tracks a component the program gained after the submission started', () => {
    const grown: ProgramSettings = {
      ...program,
      components: [
        ...program.components,
        {
          id: 'data-residency',
          title: 'Data residency',
          area: 'security',
          description: 'Data stays in region.',
          soaks: false,
        },
      ],
    };
    const state = allMet(start());
    expect(approvalBlockers(state, grown)).toEqual(['Data residency']);
    const updated = value(
      setComponentStatus(state, grown, { componentId: 'data-residency', status: 'met' }, 'a', LATER),
    );
    expect(approvalBlockers(updated, grown)).toEqual([]);
  });
});

describe('approval', () => {
  it('lists every component that is neither met nor waived, by title', () => {
    expect(approvalBlockers(startSubmission(program, 'a', AT), program)).toEqual(
      program.components.map((c) => c.title),
    );
  });

  it('refuses with the blockers in the message', () => {
    let state = allMet(inStage('verifying'));
    state = value(
      setComponentStatus(
        state,
        program,
        { componentId: 'slis-slos', status: 'soaking', soakUntil: '2026-04-01' },
        'a',
        LATER,
      ),
    );
    state = value(
      setComponentStatus(state, program, { componentId: 'support-contact', status: 'not-met' }, 'a', LATER),
    );
    const result = approveSubmission(state, program, 'agent-1', LATER);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('not-allowed');
      expect(result.error.message).toContain('SLIs and SLOs defined');
      expect(result.error.message).toContain('Primary support contact');
      expect(result.error.message).not.toContain('Bug Bounty');
    }
  });

  it('approves when every component is met or waived', () => {
    let state = allMet(inStage('soaking'));
    state = value(
      setComponentStatus(
        state,
        program,
        { componentId: 'bug-bounty', status: 'waived', waiverReason: 'Private programme' },
        'a',
        LATER,
      ),
    );
    const approved = value(approveSubmission(state, program, 'agent-3', '2026-03-27T08:00:00.000Z'));
    expect(approved).toMatchObject({ stage: 'approved', stageSince: '2026-03-27T08:00:00.000Z', stageBy: 'agent-3' });
    expect(nextStepOwner(approved.stage)).toBe('none');
  });

  it('does not approve a declined, withdrawn or already approved submission', () => {
    for (const stage of ['declined', 'withdrawn', 'approved'] as Stage[]) {
      const result = approveSubmission({ ...allMet(inStage('verifying')), stage }, program, 'a', LATER);
      expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    }
  });
});
