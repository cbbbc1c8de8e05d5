import { createSandbox, type Sandbox } from '../../sandbox';
import type { TicketView } from '../../src/contract';
import { adfToPlainText } from '../../src/domain/messages';
import { ADMIN, AGENT, marks, runDays, withApps } from './review-world';

/** One app approved on 2026-03-04 (its 2027 notice day is 11 March, its window 25–31 March), imported on `today`. */
async function importedOn(today: string): Promise<{ sandbox: Sandbox; key: string }> {
  const sandbox = await createSandbox({ now: `${today}T00:01:00Z`, seed: 1 });
  sandbox.jira.addUser({ accountId: AGENT, displayName: 'Agent', kind: 'agent' });
  sandbox.jira.addUser({ accountId: ADMIN, displayName: 'Admin', kind: 'admin' });
  sandbox.jira.addUser({ accountId: 'partner-0', displayName: 'Partner', kind: 'partner' });
  const key = sandbox.jira.addIssue({
    summary: 'App 0',
    status: 'Approved',
    reporter: 'partner-0',
    requestType: 'App submission',
  });
  const answer = (await sandbox.invokeResolver(
    'importApproved',
    { csv: `${key},2026-03-04,App 0` },
    { accountId: ADMIN, moduleKey: 'cf-tracker-settings' },
  )) as { ok: boolean };
  expect(answer.ok).toBe(true);
  return { sandbox, key };
}

async function panel(
  sandbox: Sandbox,
  key: string,
  action?: { name: 'startReviewNow' | 'recordCheck' | 'setAnswer'; payload: Record<string, unknown> },
) {
  const answer = (await sandbox.invokeResolver(action?.name ?? 'getTicketState', action?.payload ?? { issueKey: key }, {
    accountId: AGENT,
    issueKey: key,
    moduleKey: 'cf-tracker-panel',
  })) as { ok: true; data: TicketView } | { ok: false; error: { code: string; message: string } };
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  if (!answer.data.tracked) throw new Error('not tracked');
  return answer.data;
}

const publicText = (sandbox: Sandbox, key: string, effect: string) => {
  const comment = sandbox.jira
    .comments(key)
    .find((c) => (c.properties['cf-tracker.effect'] as { effect?: string } | undefined)?.effect === effect);
  return comment ? { public: comment.public, text: adfToPlainText(comment.body) } : undefined;
};

describe('late starts, through the sandbox', () => {
  test('imported after the notice day, before the window ends: the notice and the form go out that day', async () => {
    const { sandbox, key } = await importedOn('2027-03-20');
    await runDays(sandbox, '2027-03-20', '2027-03-20');
    expect(marks(sandbox, key)).toEqual(['2027:notice']);
    expect(sandbox.jira.attachments(key)).toHaveLength(1);
    const view = await panel(sandbox, key);
    expect(view.approved?.current).toMatchObject({ id: '2027', state: 'notified' });
  });

  test('imported after the window ended: the review is not opened, the panel says so, and an agent starts it now', async () => {
    const { sandbox, key } = await importedOn('2027-04-05');
    await runDays(sandbox, '2027-04-05', '2027-05-20');
    expect(marks(sandbox, key)).toEqual([]);
    const view = await panel(sandbox, key);
    expect(view.approved?.past.map((c) => `${c.id}:${c.state}`)).toEqual(['2027:not-opened']);
    expect(view.approved?.current).toMatchObject({ id: '2028', state: 'scheduled' });

    const started = await panel(sandbox, key, { name: 'startReviewNow', payload: { issueKey: key, cycleId: '2027' } });
    expect(started.approved?.current).toMatchObject({
      id: '2027',
      state: 'in-review',
      noticeOn: '2027-05-20',
      remediationDue: '2027-06-17',
    });
    await runDays(sandbox, '2027-05-20', '2027-05-20', ['12:00']);
    expect(marks(sandbox, key)).toEqual(['2027:notice']);
    expect(publicText(sandbox, key, 'notice')?.text).toContain('Issues resolved by: 17 June 2027 (UTC)');
  });
});

describe('whose failure it is, through the sandbox', () => {
  test('checks never run wait for the agents; a failure found later gets four weeks from the day the partner is told', async () => {
    const { sandbox, keys } = await withApps(1);
    const key = keys[0]!;
    await runDays(sandbox, '2027-03-01', '2027-03-11');
    await panel(sandbox, key, { name: 'setAnswer', payload: { issueKey: key, cycleId: '2027', value: 'NO' } });
    await runDays(sandbox, '2027-03-12', '2027-05-09');
    expect(marks(sandbox, key)).toEqual(['2027:notice', '2027:window-note', '2027:checks-not-run-note']);
    expect(publicText(sandbox, key, 'checks-not-run-note')?.public).toBe(false);
    expect((await panel(sandbox, key)).approved?.current).toMatchObject({ state: 'in-review', nextStep: 'atlassian' });

    sandbox.clock.set('2027-05-10T09:00:00Z');
    await panel(sandbox, key, {
      name: 'recordCheck',
      payload: { issueKey: key, cycleId: '2027', checkId: 'bug-bounty', result: 'failed' },
    });
    await runDays(sandbox, '2027-05-10', '2027-05-10', ['10:00']);
    const told = publicText(sandbox, key, 'remediation-comment');
    expect(told?.public).toBe(true);
    expect(told?.text).toContain('Bug Bounty: The app still takes part in the Marketplace Bug Bounty program.');
    expect(told?.text).toContain('7 June 2027 (UTC)');
    expect((await panel(sandbox, key)).approved?.current).toMatchObject({
      state: 'remediation',
      remediationDue: '2027-06-07',
    });
  });
});
