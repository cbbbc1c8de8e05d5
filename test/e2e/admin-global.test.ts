import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { describeWithBrowser, launchBrowser, startSite, type Site } from './local-site';

jest.setTimeout(240_000);

/** The "people" seed: the program's staff and three untracked tickets, CFP-1 to CFP-3. */
describeWithBrowser('the settings page and the apps page', () => {
  let site: Site;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    site = await startSite({ seed: 'people', now: '2027-03-01T09:00:00.000Z' });
    browser = await launchBrowser();
    context = browser.context;
    page = await context.newPage();
    await context.addCookies([{ name: 'cf_as', value: 'admin-max', url: site.url }]);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  const frame = (): FrameLocator => page.frameLocator('[data-testid=page-frame]');

  it('saves an edited setting, and shows a bad value\'s problem next to its field without saving it', async () => {
    await page.goto(`${site.url}/settings`);
    const admin = frame();
    await admin.getByTestId('settings-form').waitFor();

    await admin.getByTestId('field-timezone').fill('Not/A_Zone');
    await admin.getByTestId('save-settings').click();
    const problem = admin.locator('[data-field=timezone]').getByTestId('problem-timezone');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/time zone/i);

    await page.reload();
    await frame().getByTestId('settings-form').waitFor();
    expect(await frame().getByTestId('field-timezone').inputValue()).not.toBe('Not/A_Zone');

    await frame().getByTestId('field-timezone').fill('Europe/Amsterdam');
    await frame().getByTestId('save-settings').click();
    await frame().getByTestId('settings-saved').waitFor();
    expect(await frame().getByTestId('problem-timezone').count()).toBe(0);

    await page.reload();
    await frame().getByTestId('settings-form').waitFor();
    expect(await frame().getByTestId('field-timezone').inputValue()).toBe('Europe/Amsterdam');
  });

  it('imports the good lines of a CSV, reports each bad line, and lists the imported apps', async () => {
    await page.goto(`${site.url}/settings`);
    const admin = frame();
    await admin.getByTestId('tab-import').click();
    await admin
      .getByTestId('import-csv')
      .fill(['ticket,approved on,app', 'CFP-1,2026-03-05,Atlas Timesheets', 'CFP-2,the fifth of March,Beacon Backup', 'CFP-404,2026-04-01,Nowhere App', 'CFP-3,2026-09-14,Comet Charts'].join('\n'));
    await admin.getByTestId('import-button').click();
    await admin.getByTestId('import-report').waitFor();

    expect(await admin.getByTestId('import-report').innerText()).toMatch(/2 imported, 2 rejected/);
    const ok = await admin.getByTestId('import-ok').allInnerTexts();
    expect(ok).toEqual([expect.stringMatching(/^Line 2: CFP-1 imported, approved 5 Mar 2026/), expect.stringMatching(/^Line 5: CFP-3 imported, approved 14 Sep 2026/)]);
    const rejected = await admin.getByTestId('import-rejected').allInnerTexts();
    expect(rejected).toHaveLength(2);
    expect(rejected[0]).toMatch(/^Line 3 rejected: .*date/i);
    expect(rejected[0]).toContain('the fifth of March');
    expect(rejected[1]).toMatch(/^Line 4 rejected: .*CFP-404/);

    await page.goto(`${site.url}/apps`);
    const apps = frame();
    await apps.getByTestId('row-count').filter({ hasText: /^2 apps ·/ }).waitFor();
    expect(await apps.getByTestId('row-CFP-1').innerText()).toContain('Atlas Timesheets');
    expect(await apps.getByTestId('row-CFP-3').innerText()).toContain('Comet Charts');
    expect(await apps.getByTestId('row-CFP-2').count()).toBe(0);
  });

  it('sorts the apps by the column clicked, and reverses on a second click', async () => {
    // A third app, tracked from its panel, so that the orders differ by column.
    await page.goto(`${site.url}/browse/CFP-2`);
    const panel = page.frameLocator('[data-testid=panel-frame]');
    await panel.getByTestId('app-name').fill('Beacon Backup');
    await panel.getByTestId('start-tracking-button').click();
    await panel.getByTestId('stage').filter({ hasText: 'Submitted' }).waitFor();

    await page.goto(`${site.url}/apps`);
    const apps = frame();
    await apps.getByTestId('row-count').filter({ hasText: /^3 apps ·/ }).waitFor();
    const order = async () => (await apps.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')))).join(' ');
    const sortState = (key: string) => apps.locator('th', { has: apps.getByTestId(`sort-${key}`) }).getAttribute('aria-sort');

    await apps.getByTestId('sort-app').click();
    expect(await sortState('app')).toBe('ascending');
    expect(await order()).toBe('row-CFP-1 row-CFP-2 row-CFP-3');
    await apps.getByTestId('sort-app').click();
    expect(await sortState('app')).toBe('descending');
    expect(await order()).toBe('row-CFP-3 row-CFP-2 row-CFP-1');

    // By next date: CFP-1's review (March 2027) before CFP-3's (September 2027); the submission has none and goes last.
    await apps.getByTestId('sort-next').click();
    expect(await sortState('next')).toBe('ascending');
    expect(await sortState('app')).toBe('none');
    expect(await order()).toBe('row-CFP-1 row-CFP-3 row-CFP-2');

    // By stage or review: "Review: …" after "Submitted".
    await apps.getByTestId('sort-state').click();
    expect((await order()).split(' ')[0]).toBe('row-CFP-1');
    await apps.getByTestId('sort-state').click();
    expect((await order()).split(' ')[0]).toBe('row-CFP-2');
  });
});
