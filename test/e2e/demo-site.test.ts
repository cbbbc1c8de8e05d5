import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { ARTIFACTS, describeWithBrowser, launchBrowser, startSite, type Site } from './local-site';

jest.setTimeout(240_000);

/** The demo data (sandbox/demo-data.ts): CFP-5 Echo Forms has an UNCLEAR reply holding a <script> tag. */
const UNCLEAR_APP = 'CFP-5';

describeWithBrowser('the local site with the demo data', () => {
  let site: Site;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    site = await startSite({ seed: 'demo' });
    browser = await launchBrowser();
    context = browser.context;
    page = await context.newPage();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  const actAs = async (accountId: string) => {
    await context.addCookies([{ name: 'cf_as', value: accountId, url: site.url }]);
  };

  const frameOf = async (testId: string): Promise<Frame> => {
    const handle = await page.getByTestId(testId).elementHandle();
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error(`no frame ${testId}`);
    return frame;
  };

  it('shows a partner reply holding markup as text, with the unclear answer highlighted', async () => {
    await actAs('agent-ada');
    await page.goto(`${site.url}/browse/${UNCLEAR_APP}`);
    const panel: FrameLocator = page.frameLocator('[data-testid=panel-frame]');
    await panel.getByTestId('answer-value').filter({ hasText: 'UNCLEAR' }).waitFor();
    // An unclear answer leaves the move with the partner.
    expect(await panel.getByTestId('cycle-next-step').innerText()).toBe("Partner's move");
    const reply = panel.getByTestId('answer-text');
    expect(await reply.innerText()).toContain('<script>alert("hi")</script>');
    expect(await reply.innerText()).toContain('Unclear reply');
    expect(await reply.locator('script').count()).toBe(0);
    expect(await page.locator('.comment .body script').count()).toBe(0);
    expect(
      (await page.getByTestId('comment').allInnerTexts()).some((c) => c.includes('<script>alert("hi")</script>')),
    ).toBe(true);

    // Screenshots of the panel, light and dark.
    await page.getByTestId('panel-frame').screenshot({ path: path.join(ARTIFACTS, 'panel-light.png') });
    await page.getByTestId('theme-switch').click();
    const frame = await frameOf('panel-frame');
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
    const background = await frame.evaluate(
      () => getComputedStyle(document.querySelector('[data-testid=issue-panel]') as Element).backgroundColor,
    );
    expect(background).not.toBe('rgb(255, 255, 255)');
    await page.getByTestId('panel-frame').screenshot({ path: path.join(ARTIFACTS, 'panel-dark.png') });
    await page.getByTestId('theme-switch').click();
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'light');
  });

  it('shows a partner the portal, without the issue panel, and refuses an invoke forced through the bridge', async () => {
    await actAs('partner-5');
    await page.goto(`${site.url}/browse/${UNCLEAR_APP}`);
    await page.getByTestId('portal-view').waitFor();
    expect(await page.getByTestId('panel-frame').count()).toBe(0);

    // The panel's page opened by hand as the partner: it offers nothing, and the resolvers refuse.
    const params = new URLSearchParams({
      module: 'cf-tracker-panel',
      type: 'jira:issuePanel',
      issueKey: UNCLEAR_APP,
      as: 'partner-5',
    });
    await page.goto(`${site.url}/frame/issue-panel/?${params.toString()}`);
    await page.getByTestId('issue-panel').waitFor();
    for (const action of ['correct-answer', 'check-pass', 'check-fail', 'raise-escalation', 'approve']) {
      expect(await page.getByTestId(action).count()).toBe(0);
    }
    const forced = (await page.evaluate(() =>
      (window as unknown as { __bridge: { callBridge(n: string, p: unknown): Promise<unknown> } }).__bridge.callBridge(
        'invoke',
        {
          functionKey: 'setAnswer',
          payload: { issueKey: 'CFP-5', cycleId: '2027', value: 'NO' },
        },
      ),
    )) as { ok: boolean; error?: { code: string } };
    expect(forced.ok).toBe(false);
    expect(forced.error?.code).toBe('forbidden');

    await actAs('agent-ada');
    await page.goto(`${site.url}/browse/${UNCLEAR_APP}`);
    const panel = page.frameLocator('[data-testid=panel-frame]');
    await panel.getByTestId('answer-value').filter({ hasText: 'UNCLEAR' }).waitFor();
  });

  it("shows an overdue review as current, next year's review under the next reviews, and none as past", async () => {
    await actAs('agent-ada');
    await page.goto(`${site.url}/browse/CFP-2`);
    const panel = page.frameLocator('[data-testid=panel-frame]');
    await panel.getByTestId('current-cycle').filter({ hasText: 'Overdue' }).waitFor();
    expect(await panel.getByTestId('cycle-next-step').innerText()).toBe("Atlassian's move");
    const upcoming = panel.getByTestId('upcoming-cycles');
    await upcoming.locator('summary').click();
    expect(await upcoming.innerText()).toMatch(/Next reviews \(1\)[\s\S]*Scheduled[\s\S]*Review 2028/);
    expect(await panel.getByTestId('past-cycles').count()).toBe(0);
  });

  it('lists every tracked app, filters them, and exports the current view as CSV', async () => {
    await actAs('agent-ada');
    await page.goto(`${site.url}/apps`);
    const apps = page.frameLocator('[data-testid=page-frame]');
    await apps.getByTestId('row-count').waitFor();
    expect(await apps.getByTestId('row-count').innerText()).toMatch(/^16 apps ·/);

    await apps.getByTestId('filter-unclear').check();
    await apps
      .getByTestId('row-count')
      .filter({ hasText: /^16 apps, 1 shown ·/ })
      .waitFor();
    expect(await apps.locator('table').first().innerText()).toContain('Echo Forms');

    const [download] = await Promise.all([page.waitForEvent('download'), apps.getByTestId('export-csv').click()]);
    const file = await download.path();
    const csv = fs.readFileSync(file, 'utf8');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe(
      'Ticket,App,Stage,Review state,Whose move,Next date,Days until next,Next step,Approved on,Overdue,Unclear answer,App cannot work on it',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^CFP-5,Echo Forms,Approved,Notified,Partner's move,/);
    expect(lines[1]).toMatch(/,yes,no$/);

    await apps.getByTestId('filter-unclear').uncheck();
    await apps.getByTestId('filter-stage').selectOption('soaking');
    await apps
      .getByTestId('row-count')
      .filter({ hasText: /^16 apps, 1 shown ·/ })
      .waitFor();
    expect(await apps.locator('table').first().innerText()).toContain('Orbit Sync');

    await apps.getByTestId('filter-stage').selectOption('');
    await apps.getByTestId('filter-text').fill('delta');
    await apps
      .getByTestId('row-count')
      .filter({ hasText: /^16 apps, 1 shown ·/ })
      .waitFor();
    expect(await apps.locator('table').first().innerText()).toContain('Delta Docs');
  });

  it('shows the settings to an admin and puts a save problem next to its field', async () => {
    await actAs('admin-max');
    await page.goto(`${site.url}/settings`);
    const admin = page.frameLocator('[data-testid=page-frame]');
    await admin.getByTestId('settings-form').waitFor();
    await admin.getByTestId('field-timezone').fill('Mars/Olympus_Mons');
    await admin.getByTestId('save-settings').click();
    await admin.getByTestId('problem-timezone').waitFor();
    expect(await admin.getByTestId('problem-timezone').innerText()).toMatch(/time zone/i);
    await admin.getByTestId('field-timezone').fill('Europe/Amsterdam');
    await admin.getByTestId('save-settings').click();
    await admin.getByTestId('settings-saved').waitFor();
  });
});
