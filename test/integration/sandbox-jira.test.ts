import type { Sandbox } from '../../sandbox';
import { AGENT, fixtureSandbox, jiraCall, OTHER_PARTNER, PARTNER } from './sandbox-helpers';

const doc = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

function multipart(boundary: string, field: string, filename: string, content: string): string {
  return [
    `--${boundary}`,
    `Content-Disposition: form-data; name="${field}"; filename="${filename}"`,
    'Content-Type: text/markdown',
    '',
    content,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

describe('sandbox Jira: requests checked against the published specs', () => {
  let sb: Sandbox;
  let key: string;
  beforeEach(async () => {
    ({ sb, key } = await fixtureSandbox());
  });
  afterEach(() => sb.close());

  it('accepts a well-formed comment POST and answers with Jira shapes', async () => {
    const r = await jiraCall(sb, {
      path: `/rest/api/3/issue/${key}/comment`,
      method: 'POST',
      body: { body: doc('Notice'), properties: [{ key: 'cf-tracker', value: { cycle: 'c1' } }] },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      id: expect.any(String),
      author: { accountId: sb.appAccountId, accountType: 'app' },
      jsdPublic: true,
      body: doc('Notice'),
    });
    expect(sb.stats().contractViolations).toEqual([]);
    const prop = await jiraCall(sb, { path: `/rest/api/3/comment/${r.json.id}/properties/cf-tracker` });
    expect(prop.json).toEqual({ key: 'cf-tracker', value: { cycle: 'c1' } });
    expect(sb.jira.comments(key)).toEqual([
      expect.objectContaining({ text: 'Notice', public: true, author: sb.appAccountId }),
    ]);
  });

  it('records a violation and answers 400 for a bad query parameter; 404 for an unknown path', async () => {
    const lots = await jiraCall(sb, { path: `/rest/api/3/issue/${key}/comment?maxResults=lots` });
    expect(lots.status).toBe(400);
    const unknown = await jiraCall(sb, { path: `/rest/api/3/issue/${key}/nonsense` });
    expect(unknown.status).toBe(404);
    const badBody = await jiraCall(sb, {
      path: `/rest/api/3/issue/${key}/transitions`,
      method: 'POST',
      body: { transition: 5 },
    });
    expect(badBody.status).toBe(400);
    expect(sb.stats().contractViolations).toEqual([
      expect.objectContaining({ method: 'GET', reason: expect.stringContaining('maxResults') }),
      expect.objectContaining({ method: 'GET', path: `/rest/api/3/issue/${key}/nonsense` }),
      expect.objectContaining({ method: 'POST', reason: expect.stringContaining('transition') }),
    ]);
  });

  it('makes a comment internal with the sd.public.comment property and hides it from the partner', async () => {
    await jiraCall(sb, {
      path: `/rest/api/3/issue/${key}/comment`,
      method: 'POST',
      body: { body: doc('for agents'), properties: [{ key: 'sd.public.comment', value: { internal: true } }] },
    });
    sb.jira.addComment(key, { author: PARTNER, body: 'YES - see below' });
    const asPartner = await jiraCall(
      sb,
      { path: `/rest/api/3/issue/${key}/comment?orderBy=-created`, asUser: true },
      PARTNER,
    );
    expect(asPartner.json.comments.map((c: { body: unknown }) => c.body)).toEqual([doc('YES - see below')]);
    const asAgent = await jiraCall(sb, {
      path: `/rest/api/3/issue/${key}/comment?startAt=0&maxResults=1`,
      asUser: true,
    });
    expect(asAgent.json).toMatchObject({ startAt: 0, maxResults: 1, total: 2 });
    expect(asAgent.json.comments[0].jsdPublic).toBe(false);
  });

  it('reads comment properties only the documented way, and answers bulk property writes with a task', async () => {
    const posted = await jiraCall(sb, {
      path: `/rest/api/3/issue/${key}/comment`,
      method: 'POST',
      body: { body: doc('marked'), properties: [{ key: 'cf-tracker.effect', value: { effect: 'notice' } }] },
    });
    const undocumented = await jiraCall(sb, {
      path: `/rest/api/3/issue/${key}/comment?expand=properties`,
      asUser: true,
    });
    expect(undocumented.status).toBe(400);
    expect(sb.stats().contractViolations).toEqual([
      expect.objectContaining({ reason: expect.stringContaining('comment/list') }),
    ]);
    const listed = await jiraCall(sb, {
      path: '/rest/api/3/comment/list?expand=properties',
      method: 'POST',
      body: { ids: [Number(posted.json.id)] },
    });
    expect(listed.json.values[0].properties).toEqual([{ key: 'cf-tracker.effect', value: { effect: 'notice' } }]);
    const issueId = sb.jira.issue(key)?.id;
    const bulk = await jiraCall(sb, {
      path: '/rest/api/3/issue/properties/multi',
      method: 'POST',
      redirect: 'manual',
      body: { issues: [{ issueID: Number(issueId), properties: { 'cf-x': { a: 1 } } }] },
    });
    expect(bulk.status).toBe(303);
    expect(bulk.location).toMatch(/\/rest\/api\/3\/task\/\d+$/);
    const task = await jiraCall(sb, { path: new URL(bulk.location as string).pathname });
    expect(task.json).toMatchObject({ status: 'COMPLETE', progress: 100 });
    expect(sb.jira.property(key, 'cf-x')).toEqual({ a: 1 });
  });

  it('parses a multipart attachment for real, and refuses one without the token header or the file field', async () => {
    const boundary = 'cf-boundary-42';
    const ok = await jiraCall(sb, {
      path: `/rest/api/3/issue/${key}/attachments`,
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'X-Atlassian-Token': 'no-check' },
      rawBody: multipart(boundary, 'file', 'significant-change-form.md', '# Significant changes\r\nAnswer YES or NO.'),
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual([
      expect.objectContaining({ filename: 'significant-change-form.md', mimeType: 'text/markdown', size: 40 }),
    ]);
    expect(sb.jira.attachments(key)).toEqual([
      expect.objectContaining({
        filename: 'significant-change-form.md',
        text: '# Significant changes\r\nAnswer YES or NO.',
      }),
    ]);

    const noToken = await jiraCall(sb, {
      path: `/rest/api/3/issue/${key}/attachments`,
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      rawBody: multipart(boundary, 'file', 'a.md', 'x'),
    });
    expect(noToken.status).toBe(403);
    const wrongField = await jiraCall(sb, {
      path: `/rest/api/3/issue/${key}/attachments`,
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'X-Atlassian-Token': 'no-check' },
      rawBody: multipart(boundary, 'upload', 'a.md', 'x'),
    });
    expect(wrongField.status).toBe(400);
    expect(sb.jira.attachments(key)).toHaveLength(1);
    expect(sb.stats().contractViolations.map((v) => v.reason)).toEqual([
      expect.stringContaining('X-Atlassian-Token'),
      expect.stringContaining('no part named "file"'),
    ]);
  });

  it('answers permissions per caller: the user for asUser, the app otherwise', async () => {
    const path = `/rest/api/3/mypermissions?issueKey=${key}&permissions=EDIT_ISSUES,BROWSE_PROJECTS`;
    const agent = await jiraCall(sb, { path, asUser: true }, AGENT);
    expect(agent.json.permissions.EDIT_ISSUES.havePermission).toBe(true);
    const partner = await jiraCall(sb, { path, asUser: true }, PARTNER);
    expect(partner.json.permissions).toMatchObject({
      EDIT_ISSUES: { havePermission: false },
      BROWSE_PROJECTS: { havePermission: true },
    });
    const stranger = await jiraCall(sb, { path, asUser: true }, OTHER_PARTNER);
    // A ticket the caller may not see is one Jira says does not exist.
    expect(stranger.status).toBe(404);
    const app = await jiraCall(sb, { path }, PARTNER);
    expect(app.json.permissions.EDIT_ISSUES.havePermission).toBe(true);
    expect((await jiraCall(sb, { path: '/rest/api/3/myself', asUser: true }, PARTNER)).json).toMatchObject({
      accountId: PARTNER,
      accountType: 'customer',
    });
  });

  it('transitions along the workflow only, and queues the status change as a product event', async () => {
    const t = await jiraCall(sb, { path: `/rest/api/3/issue/${key}/transitions` });
    const names = t.json.transitions.map((x: { to: { name: string } }) => x.to.name);
    expect(names).toContain('In triage');
    expect(names).not.toContain('Approved');
    const triage = t.json.transitions.find((x: { to: { name: string } }) => x.to.name === 'In triage');
    expect(
      (
        await jiraCall(sb, {
          path: `/rest/api/3/issue/${key}/transitions`,
          method: 'POST',
          body: { transition: { id: triage.id } },
        })
      ).status,
    ).toBe(204);
    expect(sb.jira.issue(key)?.status).toBe('In triage');
    expect(
      (
        await jiraCall(sb, {
          path: `/rest/api/3/issue/${key}/transitions`,
          method: 'POST',
          body: { transition: { id: '999' } },
        })
      ).status,
    ).toBe(400);
    expect(sb.jira.outbox).toEqual([
      expect.objectContaining({ eventType: 'avi:jira:updated:issue', selfCaused: true }),
    ]);
  });

  it('searches with JQL on properties and search aliases, in order, page by page', async () => {
    for (let i = 0; i < 5; i++)
      sb.jira.addIssue({ summary: `App ${i}`, reporter: PARTNER, requestType: 'App submission' });
    const keys = sb.jira.issueKeys();
    keys.forEach((k, i) =>
      sb.jira.setProperty(k, 'fixture-summary', {
        stage: i % 2 === 0 ? 'approved' : 'triage',
        due: `2026-0${i + 1}-01`,
      }),
    );
    const jql = encodeURIComponent(
      'project = CFP AND fixtureStage = "approved" ORDER BY issue.property[fixture-summary].due DESC',
    );
    const page1 = await jiraCall(sb, {
      path: `/rest/api/3/search/jql?jql=${jql}&maxResults=2&fields=summary,status&properties=fixture-summary`,
    });
    expect(page1.status).toBe(200);
    expect(page1.json.issues.map((i: { key: string }) => i.key)).toEqual([keys[4], keys[2]]);
    expect(page1.json.issues[0].properties['fixture-summary'].stage).toBe('approved');
    const page2 = await jiraCall(sb, {
      path: `/rest/api/3/search/jql?jql=${jql}&maxResults=2&fields=summary&nextPageToken=${page1.json.nextPageToken}`,
    });
    expect(page2.json).toMatchObject({ isLast: true, issues: [expect.objectContaining({ key: keys[0] })] });
    const byKey = await jiraCall(sb, {
      path: `/rest/api/3/search/jql?jql=${encodeURIComponent(`key in (${keys[1]}, ${keys[3]}) ORDER BY key ASC`)}`,
    });
    expect(byKey.json.issues).toEqual([
      { id: sb.jira.issue(keys[1] as string)?.id },
      { id: sb.jira.issue(keys[3] as string)?.id },
    ]);
    const bad = await jiraCall(sb, { path: `/rest/api/3/search/jql?jql=${encodeURIComponent('nosuchfield = 1')}` });
    expect(bad.status).toBe(400);
  });

  it('adds a JSM form from a template, shows it to the customer and reads the answers back', async () => {
    sb.jira.addFormTemplate({
      id: 'tpl-significant-change',
      name: 'Significant change form',
      questions: [{ id: 'answer', label: 'Any significant change?' }],
    });
    const added = await jiraCall(sb, {
      path: `/forms/issue/${key}/form`,
      method: 'POST',
      body: { formTemplate: { id: 'tpl-significant-change' } },
    });
    expect(added.status).toBe(200);
    const formId = added.json.id as string;
    expect(formId).not.toBe('tpl-significant-change');
    expect(
      (await jiraCall(sb, { path: `/forms/issue/${key}/form/${formId}/action/external`, method: 'PUT' })).json,
    ).toMatchObject({ internal: false });
    sb.jira.submitForm(key, formId, { answer: 'NO' }, PARTNER);
    expect((await jiraCall(sb, { path: `/forms/issue/${key}/form/${formId}/format/answers` })).json).toEqual([
      { label: 'Any significant change?', fieldKey: 'answer', answer: 'NO' },
    ]);
    expect((await jiraCall(sb, { path: `/forms/issue/${key}/form` })).json).toEqual([
      expect.objectContaining({ id: formId, formTemplate: { id: 'tpl-significant-change' }, submitted: true }),
    ]);
    expect(sb.stats().contractViolations).toEqual([]);
    expect(sb.stats().unchecked).toBe(4);
  });

  it('serves the same Jira over HTTP for the local pages', async () => {
    const server = await sb.serveJira(0);
    try {
      const res = await fetch(`${server.url}/rest/api/3/issue/${key}?fields=summary,status`, {
        headers: { 'X-Sandbox-Account': AGENT },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        key,
        fields: { summary: 'Acme Timesheets for Jira', status: { name: 'Open' } },
      });
    } finally {
      await server.close();
    }
  });
});
