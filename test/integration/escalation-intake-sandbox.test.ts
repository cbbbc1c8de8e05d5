import type { Sandbox } from '../../sandbox';
import { forgePorts } from '../../src/adapters/forge-ports';
import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { ADMIN, marks, withApps } from './review-world';

const CONCERN = 'Report a concern about an app';
const CUSTOMER = 'customer-cora';

describe('a customer raises a concern about an app on the program’s portal', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  async function world() {
    const made = await withApps(2);
    sandbox = made.sandbox;
    sandbox.jira.addUser({
      accountId: CUSTOMER,
      displayName: 'Cora Customer',
      kind: 'partner',
      email: 'cora@customer.example',
    });
    return { sb: made.sandbox, approval: made.keys[1] ?? '', other: made.keys[0] ?? '' };
  }

  it('naming the app opens one escalation review on its approval ticket, links the request and tells the customer, even when the event comes twice', async () => {
    const { sb, approval, other } = await world();
    sb.clock.set('2027-03-05T10:00:00Z');
    const request = sb.jira.createRequest({
      summary: 'Concern about App 1',
      description: 'It sends our data to a host we do not know.',
      requestType: CONCERN,
      reporter: CUSTOMER,
    });
    // The platform delivers the same event twice.
    const event = sb.jira.outbox[0];
    if (event) sb.jira.outbox.push(JSON.parse(JSON.stringify(event)) as typeof event);
    await sb.deliverPendingEvents();

    const app = await forgePorts().apps.get(approval);
    const escalations = app?.reviews.filter((c) => c.kind === 'escalation') ?? [];
    expect(escalations).toHaveLength(1);
    expect(escalations[0]?.concern).toMatchObject({
      source: 'customer',
      raisedBy: 'app',
      text: `Customer concern (${request}): Concern about App 1`,
    });
    expect((await forgePorts().apps.get(other))?.reviews.some((c) => c.kind === 'escalation')).toBe(false);

    expect(sb.jira.links(request)).toEqual([{ type: 'Relates', inwardKey: request, outwardKey: approval }]);
    const told = sb.jira.comments(request);
    expect(told).toHaveLength(1);
    expect(told[0]?.public).toBe(true);
    expect(told[0]?.text).toContain('We have opened a review of App 1');
    expect(told[0]?.text).not.toContain(approval);

    // The escalation's notice goes to the partner on the approval ticket, without the customer.
    sb.clock.set('2027-03-05T11:00:00Z');
    await sb.runScheduledTrigger();
    expect(marks(sb, approval)).toContain('esc-1:notice');
    for (const comment of sb.jira.comments(approval).filter((c) => c.public)) {
      expect(comment.text).not.toMatch(/cora|customer-cora|customer\.example/i);
    }
    expect(sb.stats().contractViolations).toEqual([]);
  });

  it('naming no app leaves an internal note for agents, links nothing and opens nothing', async () => {
    const { sb, approval } = await world();
    const request = sb.jira.createRequest({
      summary: 'Something is wrong with an app',
      description: 'The one with the charts.',
      requestType: CONCERN,
      reporter: CUSTOMER,
    });
    await sb.deliverPendingEvents();
    const notes = sb.jira.comments(request);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.public).toBe(false);
    expect(notes[0]?.text).toContain(
      'could not tell which app this concern is about (it names no approved app by its approval ticket or its exact name)',
    );
    expect(sb.jira.links(request)).toEqual([]);
    expect((await forgePorts().apps.get(approval))?.reviews.some((c) => c.kind === 'escalation')).toBe(false);
  });

  it('a request of another type is left alone', async () => {
    const { sb } = await world();
    const request = sb.jira.createRequest({
      summary: 'App 1 submission',
      requestType: 'App submission',
      reporter: CUSTOMER,
    });
    await sb.deliverPendingEvents();
    expect(sb.jira.comments(request)).toEqual([]);
    expect(sb.jira.links(request)).toEqual([]);
  });
});

describe('program updates are announced ahead of time on every approved app’s ticket', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('once per app on the announcement day, with a history line, and no Jira request on a day with nothing to announce', async () => {
    const made = await withApps(3);
    const sb = (sandbox = made.sandbox);
    const update = {
      id: 'sbom-2028',
      announcedOn: '2027-03-06',
      effectiveFrom: '2028-01-01',
      addCheck: { id: 'sbom', title: 'Software bill of materials' },
    };
    const saved = (await sb.invokeResolver(
      'saveSettings',
      { settings: { ...CLOUD_FORTIFIED, programUpdates: [update] } },
      { accountId: ADMIN, moduleKey: 'cf-tracker-settings' },
    )) as { ok: boolean };
    expect(saved.ok).toBe(true);

    sb.clock.set('2027-03-05T09:00:00Z');
    sb.resetStats();
    await sb.runScheduledTrigger();
    expect(sb.stats().jiraRequests).toBe(0);

    sb.clock.set('2027-03-06T00:05:00Z');
    await Promise.all([sb.runScheduledTrigger(), sb.runScheduledTrigger()]);
    await sb.runScheduledTrigger();
    for (const key of made.keys) {
      expect(marks(sb, key)).toEqual(['update-sbom-2028:program-update']);
      const comment = sb.jira.comments(key)[0];
      expect(comment?.public).toBe(true);
      expect(comment?.text).toContain(
        'Software bill of materials, applies to every annual review whose window starts on or after 1 January 2028 (UTC time)',
      );
      const app = await forgePorts().apps.get(key);
      expect(app?.announcements?.['sbom-2028']).toEqual({ commentId: comment?.id, on: '2027-03-06' });
      const history = await forgePorts().audit.forIssue(key);
      expect(history.filter((e) => e.kind === 'program-update-announced')).toHaveLength(1);
    }

    sb.clock.set('2027-03-07T09:00:00Z');
    sb.resetStats();
    await sb.runScheduledTrigger();
    expect(sb.stats().jiraRequests).toBe(0);
    expect(sb.stats().contractViolations).toEqual([]);
  });
});
