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

  it("saves an edited setting, and shows a bad value's problem next to its field without saving it", async () => {
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
      .fill(
        [
          'ticket,approved on,app',
          'CFP-1,2026-03-05,Atlas Timesheets',
          'CFP-2,the fifth of March,Beacon Backup',
          'CFP-404,2026-04-01,Nowhere App',
          'CFP-3,2026-09-14,Comet Charts',
        ].join('\n'),
      );
    await admin.getByTestId('import-button').click();
    await admin.getByTestId('import-report').waitFor();

    expect(await admin.getByTestId('import-report').innerText()).toMatch(/2 imported, 2 rejected/);
    const ok = await admin.getByTestId('import-ok').allInnerTexts();
    expect(ok).toEqual([
      expect.stringMatching(/^Line 2: CFP-1 imported, approved 5 Mar 2026/),
      expect.stringMatching(/^Line 5: CFP-3 imported, approved 14 Sep 2026/),
    ]);
    const rejected = await admin.getByTestId('import-rejected').allInnerTexts();
    expect(rejected).toHaveLength(2);
    expect(rejected[0]).toMatch(/^Line 3 rejected: .*date/i);
    expect(rejected[0]).toContain('the fifth of March');
    expect(rejected[1]).toMatch(/^Line 4 rejected: .*CFP-404/);

    await page.goto(`${site.url}/apps`);
    const apps = frame();
    await apps
      .getByTestId('row-count')
      .filter({ hasText: /^2 apps ·/ })
      .waitFor();
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
    await apps
      .getByTestId('row-count')
      .filter({ hasText: /^3 apps ·/ })
      .waitFor();
    const order = async () =>
      (await apps.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')))).join(' ');
    const header = (title: string) => apps.getByRole('columnheader', { name: title, exact: true });
    const sortState = (title: string) => header(title).getAttribute('aria-sort');

    await header('App').getByRole('button').click();
    expect(await sortState('App')).toBe('ascending');
    expect(await order()).toBe('row-CFP-1 row-CFP-2 row-CFP-3');
    await header('App').getByRole('button').click();
    expect(await sortState('App')).toBe('descending');
    expect(await order()).toBe('row-CFP-3 row-CFP-2 row-CFP-1');

    // By next date: CFP-1's review (March 2027) before CFP-3's (September 2027); the submission has none and goes last.
    await header('Next date').getByRole('button').click();
    expect(await sortState('Next date')).toBe('ascending');
    expect(await sortState('App')).toBeNull();
    expect(await order()).toBe('row-CFP-1 row-CFP-3 row-CFP-2');

    // By stage or review: "Review: …" after "Submitted".
    await header('Stage or review').getByRole('button').click();
    expect((await order()).split(' ')[0]).toBe('row-CFP-1');
    await header('Stage or review').getByRole('button').click();
    expect((await order()).split(' ')[0]).toBe('row-CFP-2');
  });

  it('is usable by keyboard and screen reader: named filters and table, a sort button reached with Tab and pressed with Enter, focus visible', async () => {
    await page.goto(`${site.url}/apps`);
    const apps = frame();
    await apps
      .getByTestId('row-count')
      .filter({ hasText: /^3 apps ·/ })
      .waitFor();
    const order = async () =>
      (await apps.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')))).join(' ');

    // Every filter is named by its visible label; the table by its purpose.
    expect(await apps.getByLabel('Stage', { exact: true }).getAttribute('data-testid')).toBe('filter-stage');
    expect(await apps.getByLabel('Due within, days').getAttribute('data-testid')).toBe('filter-due');
    expect(await apps.getByLabel('Search app or ticket').getAttribute('data-testid')).toBe('filter-text');
    expect(await apps.getByRole('table', { name: 'Tracked apps' }).count()).toBe(1);
    expect(await apps.getByRole('button', { name: 'Export CSV' }).count()).toBe(1);

    // A bad number is said at the field and read out with it.
    await apps.getByLabel('Due within, days').fill('soon');
    const describedBy = (await apps.getByLabel('Due within, days').getAttribute('aria-describedby')) ?? '';
    expect(describedBy).not.toBe('');
    expect(await apps.locator(`[id="${describedBy}"]`).innerText()).toContain('whole number of days');
    await apps.getByLabel('Due within, days').fill('');

    // From the search field, Tab reaches the sort button of the first column.
    await apps.getByLabel('Search app or ticket').focus();
    const inner = await (await page.getByTestId('page-frame').elementHandle()).contentFrame();
    const focused = () => inner!.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    let presses = 0;
    while ((await focused()) !== 'App' && presses < 15) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focused()).toBe('App');
    const sortButton = apps.getByRole('columnheader', { name: 'App', exact: true }).getByRole('button');
    const ring = await sortButton.evaluate((b) => ({
      visible: b.matches(':focus-visible'),
      outline: getComputedStyle(b).outlineStyle,
      shadow: getComputedStyle(b).boxShadow,
    }));
    expect(ring.visible).toBe(true);
    expect(ring.outline !== 'none' || ring.shadow !== 'none').toBe(true);

    await page.keyboard.press('Enter');
    expect(await apps.getByRole('columnheader', { name: 'App', exact: true }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(await order()).toBe('row-CFP-1 row-CFP-2 row-CFP-3');
    await page.keyboard.press('Enter');
    expect(await apps.getByRole('columnheader', { name: 'App', exact: true }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect(await order()).toBe('row-CFP-3 row-CFP-2 row-CFP-1');
  });

  it('an admin adds a new check announced ahead of time; too short a notice is refused at its field', async () => {
    await page.goto(`${site.url}/settings`);
    const admin = frame();
    await admin.getByTestId('settings-form').waitFor();
    await admin.getByTestId('section-programUpdates').click();
    await admin.getByTestId('add-programUpdates').click();
    await admin.getByTestId('field-programUpdates.0.id').fill('sbom-2028');
    await admin.getByTestId('field-programUpdates.0.announcedOn').fill('2027-04-01');
    await admin.getByTestId('field-programUpdates.0.effectiveFrom').fill('2027-04-15');
    await admin.getByTestId('field-programUpdates.0.addCheck.id').fill('sbom');
    await admin.getByTestId('field-programUpdates.0.addCheck.title').fill('Software bill of materials');
    await admin.getByTestId('save-settings').click();

    const problem = admin
      .locator('[data-field="programUpdates.0.effectiveFrom"]')
      .getByTestId('problem-programUpdates.0.effectiveFrom');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('at least 30 days after the announcement day (2027-04-01)');
    expect(await admin.getByTestId('section-programUpdates').innerText()).toContain('(1 to fix)');

    await admin.getByTestId('field-programUpdates.0.effectiveFrom').fill('2028-01-01');
    await admin.getByTestId('save-settings').click();
    await admin.getByTestId('settings-saved').waitFor();

    await page.reload();
    await frame().getByTestId('settings-form').waitFor();
    await frame().getByTestId('section-programUpdates').click();
    expect(await frame().getByTestId('field-programUpdates.0.addCheck.title').inputValue()).toBe(
      'Software bill of materials',
    );
    expect(await frame().getByTestId('field-programUpdates.0.effectiveFrom').inputValue()).toBe('2028-01-01');
    expect(await frame().getByTestId('update-status-sbom-2028').innerText()).toMatch(/pending announcement/i);
  });

  it('a general update has a text and no check', async () => {
    await page.goto(`${site.url}/settings`);
    const admin = frame();
    await admin.getByTestId('settings-form').waitFor();
    await admin.getByTestId('section-programUpdates').click();
    await admin.getByTestId('add-programUpdates').click();
    await admin.getByTestId('field-programUpdates.1.id').fill('portal-move');
    await admin.getByTestId('field-programUpdates.1.announcedOn').fill('2027-05-01');
    await admin.getByTestId('field-programUpdates.1.effectiveFrom').fill('2027-06-15');
    await admin.getByTestId('field-programUpdates.1.kind').selectOption('general');
    expect(await admin.getByTestId('field-programUpdates.1.addCheck.id').count()).toBe(0);
    await admin.getByTestId('save-settings').click();
    const problem = admin.getByTestId('problem-programUpdates.1.text');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('say what changes');
    await admin.getByTestId('field-programUpdates.1.text').fill('Reviews move to the new partner portal.');
    await admin.getByTestId('save-settings').click();
    await admin.getByTestId('settings-saved').waitFor();
  });
});
