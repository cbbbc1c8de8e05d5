import { doc, p } from '@atlaskit/adf-utils/builders';
import { textToAdf, type Sandbox } from '../../sandbox';
import { postCommentOnce, type PostLog } from '../../src/adapters/jira/comments';
import { JiraClient, retryWaits } from '../../src/adapters/jira/jira-client';
import { JiraApiError } from '../../src/adapters/jira/jira-errors';
import { createJiraPort } from '../../src/adapters/jira/jira-port';
import { forgePorts } from '../../src/adapters/forge-ports';
import type { EffectMark } from '../../src/ports';
import { adapterSandbox, AGENT, inInvocation, PARTNER, QUICK_RETRY, untilDone } from './adapters-helpers';

const body = (text: string) => doc(p(text));

function appComments(sb: Sandbox, key: string) {
  return sb.jira.comments(key).filter((c) => c.author === sb.appAccountId);
}

describe('Jira client', () => {
  let sb: Sandbox;
  afterEach(async () => sb?.close());

  it('retries rate limits and server errors (honouring Retry-After) until Jira answers', async () => {
    const made = await adapterSandbox({ rate: 0.3, seed: 11 });
    sb = made.sb;
    const jira = createJiraPort({ app: JiraClient.asApp(QUICK_RETRY), user: JiraClient.asUser(QUICK_RETRY) });
    const statuses = await inInvocation(async () => {
      const seen: string[] = [];
      for (let i = 0; i < 12; i++) seen.push((await jira.getIssue(made.key))?.status ?? 'missing');
      return seen;
    });
    expect(statuses).toEqual(Array(12).fill('Open'));
    const faults = sb.faultLog().filter((f) => f.fault === 'request-fault');
    expect(faults.length).toBeGreaterThan(0);
    expect(sb.stats().jiraRequests).toBe(12 + faults.length);
    expect(sb.stats().contractViolations).toEqual([]);
  });

  it('gives up after its attempts with a typed error naming the status and Jira’s message', async () => {
    sb = (await adapterSandbox({ rate: 1, seed: 3 })).sb;
    const client = JiraClient.asApp({ attempts: 2, baseDelayMs: 1, maxDelayMs: 1500 });
    const jira = createJiraPort({ app: client, user: client });
    const error = await inInvocation(() => jira.getIssue('CFP-1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraApiError);
    const apiError = error as JiraApiError;
    expect([429, 500, 503]).toContain(apiError.status);
    expect(apiError.message).toMatch(/^Jira answered (429|500|503) to GET \/rest\/api\/3\/issue\/CFP-1/);
    expect(apiError.message).toMatch(/Rate limit exceeded|Internal server error/);
    expect(sb.stats().jiraRequests).toBe(2);
  });

  it('waits what Retry-After asks after a rate limit, and backs off after a server error, before it asks again', async () => {
    const answers = [
      { status: 429, text: '{"errorMessages":["Rate limit exceeded."]}', retryAfter: '2' },
      { status: 503, text: '{"errorMessages":["Service unavailable."]}', retryAfter: null },
      {
        status: 200,
        text: '{"id":"1","key":"CFP-1","fields":{"status":{"name":"Open"},"project":{"key":"CFP"}}}',
        retryAfter: null,
      },
    ];
    let asked = 0;
    const fake = new JiraClient(
      () => {
        const answer = answers[asked++]!;
        return Promise.resolve({
          status: answer.status,
          text: () => Promise.resolve(answer.text),
          headers: { get: () => answer.retryAfter },
        });
      },
      { attempts: 3, baseDelayMs: 100, maxDelayMs: 10_000 },
    );
    const waits: number[] = [];
    const realSleep = retryWaits.sleep;
    retryWaits.sleep = (ms) => {
      waits.push(ms);
      return Promise.resolve();
    };
    try {
      const jira = createJiraPort({ app: fake, user: fake });
      expect((await jira.getIssue('CFP-1'))?.status).toBe('Open');
    } finally {
      retryWaits.sleep = realSleep;
    }
    expect(asked).toBe(3);
    expect(waits[0]).toBe(2000);
    // The second back-off is jittered between half and all of 200 ms.
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it('reports a malformed answer as a typed error instead of crashing', async () => {
    const fake = new JiraClient(async () => ({
      status: 200,
      text: async () => '{"id":"1","key":"CFP-1","fields":{}}',
      headers: { get: () => null },
    }));
    const jira = createJiraPort({ app: fake, user: fake });
    await expect(jira.getIssue('CFP-1')).rejects.toThrow(
      /Jira's answer to GET .*not understood: fields.status: Required/,
    );
  });
});

describe('marked comments', () => {
  let sb: Sandbox;
  afterEach(async () => sb?.close());

  it('finds its own comment on a retry after a crash between posting and noting it', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    const notes = new Map<string, unknown>();
    // A log whose "posted" note is lost, as when the function dies right after the POST.
    const crashingLog: PostLog = {
      read: async (k) => notes.get(k) as never,
      write: async (k, v) => {
        if (v.state === 'posted') throw new Error('killed');
        notes.set(k, v);
      },
    };
    const app = JiraClient.asApp(QUICK_RETRY);
    const mark: EffectMark = { issueKey: made.key, cycleId: '2027', effect: 'notice' };
    const first = await postCommentOnce(
      app,
      crashingLog,
      mark,
      body('Your annual review starts on 25 March.'),
      'public',
    );
    const again = await postCommentOnce(
      app,
      crashingLog,
      mark,
      body('Your annual review starts on 25 March.'),
      'public',
    );
    expect(first.alreadyThere).toBe(false);
    expect(again).toEqual({ id: first.id, alreadyThere: true });
    const posted = appComments(sb, made.key);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.public).toBe(true);
    expect(sb.stats().contractViolations).toEqual([]);
  });

  it('trusts its mark only on its own comments: a partner’s comment carrying it changes nothing', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    const mark: EffectMark = { issueKey: made.key, cycleId: '2027', effect: 'notice' };
    // Anyone may set properties on their own comment (PUT /comment/{id}/properties/...).
    const issue = sb.jira.issue(made.key)!;
    const forged = sb.jira.createComment(issue, PARTNER, textToAdf('not the app'), true, { 'cf-tracker.effect': mark });
    const app = JiraClient.asApp(QUICK_RETRY);
    const posted = await postCommentOnce(
      app,
      undefined,
      mark,
      body('Your annual review starts on 25 March.'),
      'public',
    );
    expect(posted.alreadyThere).toBe(false);
    expect(posted.id).not.toBe(forged.id);
    expect(appComments(sb, made.key)).toHaveLength(1);
    expect(sb.stats().contractViolations).toEqual([]);
  });

  it('does not search the ticket on a first post, and answers from its note afterwards', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    const { jira } = forgePorts({ retry: QUICK_RETRY });
    const mark: EffectMark = { issueKey: made.key, cycleId: '2027', effect: 'window-note' };
    await jira.postCommentOnce(mark, body('The review window is open.'), 'internal');
    await jira.postCommentOnce(mark, body('The review window is open.'), 'internal');
    const routes = sb.stats().jiraRequestsByRoute;
    expect(routes['POST /rest/api/3/issue/{issueIdOrKey}/comment']).toBe(1);
    expect(routes['GET /rest/api/3/issue/{issueIdOrKey}/comment'] ?? 0).toBe(0);
    const posted = appComments(sb, made.key);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.public).toBe(false);
  });

  it('posts each marked comment exactly once through faults, drops and crashes', async () => {
    const made = await adapterSandbox({ rate: 0.4, seed: 5 });
    sb = made.sb;
    const effects = [
      'notice',
      'answer-reminder',
      'window-note',
      'remediation-note',
      'remediation-reminder',
      'overdue-note',
    ] as const;
    for (const effect of effects) {
      const mark: EffectMark = { issueKey: made.key, cycleId: '2027', effect };
      await untilDone(() =>
        forgePorts({ retry: QUICK_RETRY }).jira.postCommentOnce(mark, body(`Message: ${effect}`), 'public'),
      );
    }
    const texts = appComments(sb, made.key)
      .map((c) => c.text)
      .sort();
    expect(texts).toEqual(effects.map((e) => `Message: ${e}`).sort());
    expect(sb.faultLog().length).toBeGreaterThan(0);
    expect(sb.stats().contractViolations).toEqual([]);
  });

  it('reads a partner’s reply back as plain text with its author and visibility', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    const id = sb.jira.addComment(made.key, {
      author: PARTNER,
      body: 'No significant changes this year.\nThanks, Pat',
    });
    const comment = await forgePorts({ retry: QUICK_RETRY }).jira.getComment(made.key, id);
    expect(comment).toMatchObject({ id, authorAccountId: PARTNER, authorAccountType: 'customer', public: true });
    expect(comment?.text).toContain('No significant changes this year.');
    expect(comment?.mark).toBeUndefined();
    expect(await forgePorts().jira.getComment(made.key, '999999')).toBeNull();
  });
});

describe('attachments, forms, properties, transitions, people', () => {
  let sb: Sandbox;
  afterEach(async () => sb?.close());

  it('attaches the form document once, as a multipart upload Jira accepts', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    const { jira } = forgePorts({ retry: QUICK_RETRY });
    const content = '# Significant-change form — 2027\n\nDid anything change? YES / NO\n';
    const first = await jira.attachFileOnce(made.key, 'significant-change-form-2027.md', content, 'text/markdown');
    const second = await jira.attachFileOnce(made.key, 'significant-change-form-2027.md', content, 'text/markdown');
    expect(first.alreadyThere).toBe(false);
    expect(second).toEqual({ id: first.id, alreadyThere: true });
    const files = sb.jira.attachments(made.key);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ filename: 'significant-change-form-2027.md', mimeType: 'text/markdown' });
    expect(files[0]!.text).toBe(content);
    expect(sb.stats().contractViolations).toEqual([]);
  });

  it('adds a JSM form once, shows it to the customer, and reads its answers', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    sb.jira.addFormTemplate({
      id: 'tpl-1',
      name: 'Significant changes',
      questions: [{ id: '1', label: 'Any significant change?' }],
    });
    const { jira } = forgePorts({ retry: QUICK_RETRY });
    const added = await jira.addFormOnce(made.key, 'tpl-1');
    const again = await jira.addFormOnce(made.key, 'tpl-1');
    expect(again).toEqual({ formId: added.formId, alreadyThere: true });
    const forms = sb.jira.forms(made.key);
    expect(forms).toHaveLength(1);
    expect(forms[0]!.visibility).toBe('external');
    sb.jira.submitForm(made.key, added.formId, { '1': 'NO' }, PARTNER);
    const answers = await jira.readFormAnswers(made.key, added.formId);
    expect(Object.values(answers ?? {})).toContain('NO');
  });

  it('mirrors the summary into the issue property', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    await forgePorts().jira.writeSummaryProperty(made.key, { stage: 'triage', overdue: false, nextActionOn: null });
    expect(sb.jira.property(made.key, 'cf-tracker-summary')).toEqual({
      stage: 'triage',
      overdue: false,
      nextActionOn: null,
    });
  });

  it('transitions through the workflow, and says why when the workflow offers no way there', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    const { jira } = forgePorts();
    const refused = await jira.transitionTo(made.key, ['Approved']);
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining('is in "Open"') });
    const moved = await jira.transitionTo(made.key, ['in triage', 'Waiting for support']);
    expect(moved.ok).toBe(true);
    expect(['In triage', 'Waiting for support']).toContain(sb.jira.issue(made.key)?.status);
    expect(sb.stats().contractViolations).toEqual([]);
  });

  it('asks about the caller as the calling user, and the request’s people as the app', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    const asCaller = <T>(accountId: string, ask: (jira: ReturnType<typeof forgePorts>['jira']) => Promise<T>) =>
      inInvocation(() => ask(forgePorts().jira), accountId);
    expect(await asCaller(AGENT, (j) => j.callerOnTicket(made.key, AGENT))).toEqual({
      canEdit: true,
      isAdmin: false,
      isPartner: false,
    });
    expect(await asCaller(PARTNER, (j) => j.callerOnTicket(made.key, PARTNER))).toEqual({
      canEdit: false,
      isAdmin: false,
      isPartner: true,
    });
    expect(await asCaller(AGENT, (j) => j.callerOnProgram(AGENT, ['CFP']))).toEqual({ isAdmin: false, isAgent: true });
    expect(await asCaller(AGENT, (j) => j.callerOnProgram(AGENT, ['OTHER']))).toEqual({
      isAdmin: false,
      isAgent: false,
    });
    expect(await asCaller(PARTNER, (j) => j.callerOnProgram(PARTNER, []))).toEqual({ isAdmin: false, isAgent: false });
    expect(sb.stats().jiraRequestsByRoute['GET /rest/api/3/user/permission/search']).toBeUndefined();
    expect(sb.stats().contractViolations).toEqual([]);
  });

  it('never takes a portal customer for an agent', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    expect(await forgePorts().jira.isAgent(made.key, PARTNER)).toBe(false);
  });

  it('tells a comment’s author from the ticket: reporter and participants are the partner, other people the service desk', async () => {
    const made = await adapterSandbox();
    sb = made.sb;
    sb.jira.addUser({ accountId: 'agent-new', displayName: 'New Agent', kind: 'agent' });
    sb.jira.addUser({ accountId: 'licensed-partner', displayName: 'Licensed Partner', kind: 'partner' });
    // A partner with a full Atlassian account, taking part in the request.
    sb.jira.addUser({ accountId: 'vendor-dev', displayName: 'Vendor Developer', kind: 'agent' });
    sb.jira.addParticipant(made.key, 'vendor-dev');
    expect(await inInvocation(() => forgePorts().jira.isAgent(made.key, 'agent-new'))).toBe(true);
    expect(await inInvocation(() => forgePorts().jira.isAgent(made.key, 'licensed-partner'))).toBe(false);
    expect(await inInvocation(() => forgePorts().jira.isAgent(made.key, 'vendor-dev'))).toBe(false);
    expect(sb.stats().jiraRequestsByRoute['GET /rest/api/3/user/permission/search']).toBeUndefined();
    expect(sb.stats().contractViolations).toEqual([]);
  });
});
