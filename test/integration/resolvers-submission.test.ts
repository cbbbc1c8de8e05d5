import { AGENT, createWorld, data, refusalOf, type World } from './resolvers-world';

let world: World;

beforeEach(async () => {
  world = await createWorld('2026-03-02T09:00:00Z');
});

afterEach(async () => {
  expect(world.sb.stats().contractViolations).toEqual([]);
  await world.sb.close();
});

const asAgent = (issueKey: string) => ({ accountId: AGENT, issueKey });

async function setAll(issueKey: string, except: string[] = []) {
  const view = await world.view(issueKey);
  for (const c of view.submission.components) {
    if (except.includes(c.id)) continue;
    data(await world.call('setComponentStatus', { issueKey, componentId: c.id, status: 'met' }, asAgent(issueKey)));
  }
}

test('an agent walks a submission from tracking to approval, and the ticket follows', async () => {
  const key = world.ticket('[Cloud Fortified] Submission: Acme Tasks');

  const untracked = data(await world.call('getTicketState', { issueKey: key }, asAgent(key)));
  expect(untracked).toMatchObject({
    tracked: false,
    eligible: true,
    suggestedAppName: 'Acme Tasks',
    viewer: { canEdit: true },
  });

  const started = data(await world.call('startTracking', { issueKey: key, appName: 'Acme Tasks' }, asAgent(key)));
  if (!started.tracked) throw new Error('not tracked');
  expect(started.submission).toMatchObject({
    appName: 'Acme Tasks',
    stage: 'submitted',
    nextStep: 'atlassian',
    canApprove: false,
  });
  expect(started.submission.components).toHaveLength(8);
  expect(started.submission.components.every((c) => c.status === 'not-started' && c.title.length > 0)).toBe(true);
  expect(started.history.map((h) => h.kind)).toEqual(['tracking-started']);

  data(await world.call('moveStage', { issueKey: key, stage: 'triage' }, asAgent(key)));
  expect(['Waiting for support', 'In triage']).toContain(world.sb.jira.issue(key)?.status);

  const waiting = data(
    await world.call(
      'moveStage',
      { issueKey: key, stage: 'awaiting-partner', note: 'Asked for the SLO dashboard' },
      asAgent(key),
    ),
  );
  if (!waiting.tracked) throw new Error('not tracked');
  expect(waiting.submission).toMatchObject({
    stage: 'awaiting-partner',
    nextStep: 'partner',
    jiraStatus: 'Waiting for partner',
  });
  expect(world.sb.jira.issue(key)?.status).toBe('Waiting for partner');
  expect(waiting.history.find((h) => h.kind === 'stage-changed')?.summary).toContain('Asked for the SLO dashboard');

  data(await world.call('moveStage', { issueKey: key, stage: 'verifying' }, asAgent(key)));
  expect(world.sb.jira.issue(key)?.status).toBe('In verification');

  // Approval is refused while requirements are open, naming them.
  const early = refusalOf(await world.call('approve', { issueKey: key }, asAgent(key)));
  expect(early.code).toBe('not-allowed');
  expect(early.message).toContain('Marketplace Bug Bounty participation');
  expect(world.sb.jira.issue(key)?.status).toBe('In verification');

  // A soaking requirement without a date soaks for the program's soak time from today.
  const soaking = data(
    await world.call(
      'setComponentStatus',
      { issueKey: key, componentId: 'bug-bounty', status: 'soaking' },
      asAgent(key),
    ),
  );
  if (!soaking.tracked) throw new Error('not tracked');
  const bounty = soaking.submission.components.find((c) => c.id === 'bug-bounty');
  expect(bounty).toMatchObject({ status: 'soaking', soakUntil: '2026-04-01', soakDaysLeft: 30, by: AGENT });

  const noReason = refusalOf(
    await world.call(
      'setComponentStatus',
      { issueKey: key, componentId: 'incident-management', status: 'waived' },
      asAgent(key),
    ),
  );
  expect(noReason.code).toBe('invalid');
  expect(noReason.message).toMatch(/reason/);

  data(
    await world.call(
      'setComponentStatus',
      {
        issueKey: key,
        componentId: 'incident-management',
        status: 'waived',
        waiverReason: 'Covered by the vendor’s ISO 27001 process',
      },
      asAgent(key),
    ),
  );
  await setAll(key, ['incident-management']);
  const ready = await world.view(key);
  expect(ready.submission.canApprove).toBe(true);
  expect(ready.submission.approveBlockedBy).toBeUndefined();

  const approved = data(await world.call('approve', { issueKey: key }, asAgent(key)));
  if (!approved.tracked) throw new Error('not tracked');
  expect(approved.submission.stage).toBe('approved');
  expect(world.sb.jira.issue(key)?.status).toBe('Approved');
  expect(approved.approved?.approvedOn).toBe('2026-03-02');
  // The first review: the last week of March 2027, notice two weeks before, four weeks to fix issues.
  expect(approved.approved?.current).toMatchObject({
    id: '2027',
    state: 'scheduled',
    noticeOn: '2027-03-11',
    windowStart: '2027-03-25',
    windowEnd: '2027-03-31',
    remediationDue: '2027-04-28',
    countdowns: { noticeOn: 374, windowStart: 388 },
    next: { on: '2027-03-11' },
  });
  expect(approved.approved?.current?.next?.what).toMatch(/notice/i);
  expect(approved.approved?.current?.checks.map((c) => c.title)).toEqual([
    'Privacy & Security tab',
    'Support contact',
    'Bug Bounty',
    'Significant changes',
  ]);
  expect(
    approved.history
      .slice(0, 2)
      .map((h) => h.kind)
      .sort(),
  ).toEqual(['approved', 'review-scheduled']);
  expect(approved.history.every((h, i, all) => i === 0 || all[i - 1]!.at >= h.at)).toBe(true);

  // The JQL summary follows the record.
  expect(world.sb.jira.property(key, 'cf-tracker-summary')).toMatchObject({
    stage: 'approved',
    approvedOn: '2026-03-02',
  });

  // Approving twice does nothing more.
  expect(refusalOf(await world.call('approve', { issueKey: key }, asAgent(key))).code).toBe('not-allowed');
});

test('a transition the workflow refuses leaves the ticket and the record as they were', async () => {
  const key = world.ticket('Acme Tasks');
  data(await world.call('startTracking', { issueKey: key, appName: 'Acme Tasks' }, asAgent(key)));

  // The sandbox's workflow has no way from Open straight to In verification.
  const refused = refusalOf(await world.call('moveStage', { issueKey: key, stage: 'verifying' }, asAgent(key)));
  expect(refused.code).toBe('transition-refused');
  expect(refused.message).toContain('In verification');
  expect(refused.message).toContain('Nothing was changed');

  expect(world.sb.jira.issue(key)?.status).toBe('Open');
  const view = await world.view(key);
  expect(view.submission.stage).toBe('submitted');
  expect(view.history.map((h) => h.kind)).toEqual(['tracking-started']);
});

test('a stage move the program does not allow is refused before Jira is asked', async () => {
  const key = world.ticket('Acme Tasks');
  data(await world.call('startTracking', { issueKey: key, appName: 'Acme Tasks' }, asAgent(key)));
  world.sb.resetStats();
  const refused = refusalOf(await world.call('moveStage', { issueKey: key, stage: 'soaking' }, asAgent(key)));
  expect(refused.code).toBe('not-allowed');
  expect(refused.message).toContain('cannot move from submitted to soaking');
  expect(world.sb.jira.issue(key)?.status).toBe('Open');
  expect(world.sb.stats().jiraRequestsByRoute).not.toHaveProperty([
    'POST /rest/api/3/issue/{issueIdOrKey}/transitions',
  ]);
});

test('tracking a ticket already in a mapped status starts at that stage; tracking twice is refused', async () => {
  const key = world.ticket('Acme Tasks', 'Waiting for partner');
  const view = data(await world.call('startTracking', { issueKey: key, appName: 'Acme Tasks' }, asAgent(key)));
  expect(view).toMatchObject({ tracked: true, submission: { stage: 'awaiting-partner', nextStep: 'partner' } });
  const again = refusalOf(await world.call('startTracking', { issueKey: key, appName: 'Other' }, asAgent(key)));
  expect(again.code).toBe('conflict');
  expect((await world.view(key)).submission.appName).toBe('Acme Tasks');
});

test('an approval date in the past schedules the current review, a future one is refused', async () => {
  const key = world.ticket('Acme Tasks', 'In verification');
  data(await world.call('startTracking', { issueKey: key, appName: 'Acme Tasks' }, asAgent(key)));
  await setAll(key);

  const future = refusalOf(await world.call('approve', { issueKey: key, approvedOn: '2026-03-03' }, asAgent(key)));
  expect(future.code).toBe('invalid');
  expect(future.message).toContain('future');
  expect((await world.view(key)).submission.stage).toBe('verifying');

  // Approved in March 2025: the 2026 review (window 25–31 March 2026) is the current one.
  const approved = data(await world.call('approve', { issueKey: key, approvedOn: '2025-03-10' }, asAgent(key)));
  if (!approved.tracked) throw new Error('not tracked');
  expect(approved.approved).toMatchObject({
    approvedOn: '2025-03-10',
    imported: false,
    current: { id: '2026', windowStart: '2026-03-25' },
  });
});

test('an agent records checks and the answer, and raises an escalation once', async () => {
  const key = world.ticket('Acme Tasks', 'In verification');
  data(await world.call('startTracking', { issueKey: key, appName: 'Acme Tasks' }, asAgent(key)));
  await setAll(key);
  data(await world.call('approve', { issueKey: key, approvedOn: '2025-03-10' }, asAgent(key)));

  const answered = data(
    await world.call(
      'setAnswer',
      { issueKey: key, cycleId: '2026', value: 'NO', note: 'Partner confirmed by phone' },
      asAgent(key),
    ),
  );
  if (!answered.tracked) throw new Error('not tracked');
  const cycle = answered.approved?.current;
  expect(cycle?.answer).toMatchObject({ value: 'NO', source: 'agent', by: AGENT });
  expect(cycle?.checks.find((c) => c.id === 'significant-changes')?.result).toBe('passed');

  const checked = data(
    await world.call(
      'recordCheck',
      { issueKey: key, cycleId: '2026', checkId: 'bug-bounty', result: 'failed', note: 'Left the program' },
      asAgent(key),
    ),
  );
  if (!checked.tracked) throw new Error('not tracked');
  expect(checked.approved?.current?.checks.find((c) => c.id === 'bug-bounty')).toMatchObject({
    result: 'failed',
    note: 'Left the program',
    by: AGENT,
  });
  expect(checked.history[0]).toMatchObject({ kind: 'check-recorded', cycleId: '2026' });

  const badCategory = refusalOf(
    await world.call(
      'setAnswer',
      { issueKey: key, cycleId: '2026', value: 'YES', categories: ['teleportation'] },
      asAgent(key),
    ),
  );
  expect(badCategory).toMatchObject({ code: 'invalid' });
  expect(badCategory.message).toContain('teleportation');

  const noCycle = refusalOf(
    await world.call(
      'recordCheck',
      { issueKey: key, cycleId: '1999', checkId: 'bug-bounty', result: 'passed' },
      asAgent(key),
    ),
  );
  expect(noCycle.code).toBe('not-found');
  expect(noCycle.message).toContain('2026');

  const escalated = data(
    await world.call(
      'raiseEscalation',
      { issueKey: key, text: 'A customer reports data in an unlisted region', source: 'customer' },
      asAgent(key),
    ),
  );
  if (!escalated.tracked) throw new Error('not tracked');
  const escalation = [
    escalated.approved?.current,
    ...(escalated.approved?.upcoming ?? []),
    ...(escalated.approved?.past ?? []),
  ].find((c) => c?.kind === 'escalation');
  expect(escalation).toMatchObject({
    id: 'esc-1',
    state: 'in-review',
    windowStart: '2026-03-02',
    windowEnd: '2026-03-08',
    remediationDue: '2026-04-05',
  });
  // The open escalation is the current review; next year's annual review waits under the upcoming ones.
  expect(escalated.approved?.current?.id).toBe('esc-1');
  expect(escalated.approved?.upcoming.map((c) => `${c.id}:${c.state}`)).toEqual(['2026:scheduled']);
  expect(escalated.approved?.past).toEqual([]);

  // The same concern again (a double click) opens nothing more; a second concern waits for the first.
  const again = data(
    await world.call(
      'raiseEscalation',
      { issueKey: key, text: 'A customer reports data in an unlisted region', source: 'customer' },
      asAgent(key),
    ),
  );
  if (!again.tracked) throw new Error('not tracked');
  expect(
    [again.approved?.current, ...(again.approved?.upcoming ?? []), ...(again.approved?.past ?? [])].filter(
      (c) => c?.kind === 'escalation',
    ),
  ).toHaveLength(1);
  expect(
    refusalOf(
      await world.call(
        'raiseEscalation',
        { issueKey: key, text: 'Another concern', source: 'atlassian' },
        asAgent(key),
      ),
    ).code,
  ).toBe('not-allowed');
});

test('actions on a ticket that is not tracked say so', async () => {
  const key = world.ticket('Acme Tasks');
  const refused = refusalOf(await world.call('moveStage', { issueKey: key, stage: 'triage' }, asAgent(key)));
  expect(refused.code).toBe('not-tracked');
  expect(refused.message).toContain('start tracking');
  expect(world.sb.jira.issue(key)?.status).toBe('Open');
});
