import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { decide, type DecideContext, type Decision } from '../../src/domain/decide';
import { historyOf } from '../../src/domain/history';
import { adfToPlainText } from '../../src/domain/messages';
import type { Stage, TrackedApp } from '../../src/domain/model';
import { startSubmission } from '../../src/domain/submission';

const program = CLOUD_FORTIFIED;
const at = (day: string) => `${day}T06:00:00.000Z`;
const context = (by = 'agent-1', p = program): DecideContext => ({
  today: '2026-03-10',
  at: at('2026-03-10'),
  program: p,
  by,
});

function submittedApp(stage: Stage): TrackedApp {
  return {
    issueKey: 'CFP-9',
    issueId: '10009',
    appName: 'Timesheets for Jira',
    createdAt: at('2026-03-01'),
    createdBy: 'agent-1',
    submission: { ...startSubmission(program, 'agent-1', at('2026-03-01')), stage, stageSince: at('2026-03-02') },
    reviews: [],
    nextActionOn: null,
    version: 1,
  };
}

function decided(result: ReturnType<typeof decide>): Decision {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const move = (from: Stage, to: Stage, p = program) =>
  decided(decide(submittedApp(from), { kind: 'agent', action: { type: 'move-stage', to } }, context('agent-1', p)));
const jiraMove = (from: Stage, status: string) =>
  decided(
    decide(
      submittedApp(from),
      { kind: 'jira-status', status, on: '2026-03-10', changeId: 'changelog-5' },
      context('jira'),
    ),
  );
const updates = (d: Decision) => d.effects.filter((e) => e.post.effect === 'progress-update');
const text = (d: Decision) => {
  const post = updates(d)[0]?.post;
  return post?.target === 'comment' ? adfToPlainText(post.body) : '';
};

describe('progress updates to the partner', () => {
  test('a move that hands the next step to the partner posts one public update saying so', () => {
    const d = move('triage', 'awaiting-partner');
    expect(updates(d)).toHaveLength(1);
    expect(updates(d)[0]!.post).toMatchObject({ target: 'comment', visibility: 'public' });
    expect(text(d)).toContain('Timesheets for Jira');
    expect(text(d)).toContain('awaiting partner');
    expect(text(d)).toContain('The next step is yours');
    expect(text(d)).toContain('We’ll update you on your progress.');
  });

  test('a move that hands the next step back to Atlassian tells the partner there is nothing to do', () => {
    const d = move('awaiting-partner', 'verifying');
    expect(updates(d)).toHaveLength(1);
    expect(text(d)).toContain('the next step is ours');
  });

  test('moves that keep the same side, or end with time or nobody, post nothing', () => {
    expect(updates(move('triage', 'verifying'))).toEqual([]);
    expect(updates(move('submitted', 'triage'))).toEqual([]);
    expect(updates(move('verifying', 'soaking'))).toEqual([]);
    expect(updates(move('awaiting-partner', 'withdrawn'))).toEqual([]);
    // The stage changed all the same.
    expect(move('triage', 'verifying').state.submission.stage).toBe('verifying');
  });

  test('a Jira status mapped to a stage posts the same update, marked by the stage left and since when', () => {
    const byJira = jiraMove('triage', 'Waiting for partner');
    const byPanel = move('triage', 'awaiting-partner');
    expect(byJira.state.submission.stage).toBe('awaiting-partner');
    expect(updates(byJira)).toHaveLength(1);
    expect(updates(byJira)[0]!.markId).toBe(updates(byPanel)[0]!.markId);
    expect(updates(byJira)[0]!.markId).toBe('submission/progress-triage-20260302T060000000Z-awaiting-partner');
    // The same status again (a redelivered event) changes nothing and posts nothing.
    const again = decided(
      decide(
        byJira.state,
        { kind: 'jira-status', status: 'Waiting for partner', on: '2026-03-10', changeId: 'changelog-5' },
        context('jira'),
      ),
    );
    expect(again.events).toEqual([]);
    expect(updates(again)).toEqual([]);
  });

  test('the program’s own text is used, with its placeholders filled', () => {
    const own = { ...program, texts: { ...program.texts, progressUpdate: '{app} is now at {stage}. {nextStep}' } };
    expect(text(move('triage', 'awaiting-partner', own))).toMatch(
      /^Timesheets for Jira is now at awaiting partner\. The next step is yours/,
    );
    const { progressUpdate: _dropped, ...older } = program.texts;
    expect(text(move('triage', 'awaiting-partner', { ...program, texts: older }))).toContain(
      'We’ll update you on your progress.',
    );
  });

  test('its history line says what the partner was told', () => {
    const effect = updates(move('verifying', 'awaiting-partner'))[0]!;
    const line = historyOf({
      type: 'posted',
      by: 'app',
      at: at('2026-03-10'),
      effect: 'progress-update',
      target: 'comment',
      id: '501',
      visibility: 'public',
      alreadyThere: false,
      about: effect.about!,
    });
    expect(line.kind).toBe('message-posted');
    expect(line.summary).toBe(
      'Public comment posted: the partner was told that the submission moved from verifying to awaiting-partner and the next step is theirs.',
    );
    expect(line.detail).toMatchObject({ event: 'progress-update-posted', from: 'verifying', to: 'awaiting-partner' });
  });
});
