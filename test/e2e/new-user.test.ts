import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { describeWithBrowser, launchBrowser, startSite, type Site } from './local-site';

jest.setTimeout(300_000);

/**
 * What a new user trips over, on the demo data (sandbox/demo-data.ts): CFP-1 Atlas Timesheets
 * (a NO with a signature), CFP-4 Delta Docs (checks recorded, answer YES), CFP-15 Orbit Sync
 * (soaking until 2027-04-02); the demo ends on 2027-03-20. The window is 350 px wide.
 */
describeWithBrowser('a new user on the local site, 350 px wide', () => {
  let site: Site;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let page: Page;
  let panel: FrameLocator;

  beforeAll(async () => {
    site = await startSite({ seed: 'demo' });
    browser = await launchBrowser();
    context = browser.context;
    page = await context.newPage();
    await page.setViewportSize({ width: 350, height: 800 });
    panel = page.frameLocator('[data-testid=panel-frame]');
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  const actAs = (accountId: string) => context.addCookies([{ name: 'cf_as', value: accountId, url: site.url }]);
  const sideways = (frame: Page | Frame) =>
    frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const panelFrame = async (): Promise<Frame> => {
    const frame = await (await page.getByTestId('panel-frame').elementHandle())?.contentFrame();
    if (!frame) throw new Error('no panel frame');
    return frame;
  };

  it('the ticket page holds at 350 px: no sideways scrolling, the panel under the ticket and within the window', async () => {
    await actAs('agent-ada');
    await page.goto(`${site.url}/browse/CFP-4`);
    const frame = await panelFrame();
    await frame.waitForSelector('[data-testid=issue-panel][aria-busy=false]');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await sideways(frame)).toBeLessThanOrEqual(0);
    const box = await page.getByTestId('panel-frame').boundingBox();
    const summary = await page.getByTestId('summary').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(350);
    expect(box!.y).toBeGreaterThan(summary!.y);
  });

  it('has a favicon, not a 404', async () => {
    await page.goto(`${site.url}/`);
    const href = await page.locator('link[rel=icon]').getAttribute('href');
    expect(href).toBeTruthy();
    for (const path of [href!, '/favicon.ico']) {
      const res = await fetch(new URL(path, site.url));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
    }
  });

  it('acting as the partner shows what the JSM portal shows a customer: public comments only, no internal notes, no issue panel', async () => {
    await actAs('agent-ada');
    await page.goto(`${site.url}/browse/CFP-1`);
    const agentSees = await page.getByTestId('comment').allInnerTexts();
    expect(await page.locator('.comment.internal').count()).toBeGreaterThan(0);

    await actAs('partner-1');
    await page.goto(`${site.url}/browse/CFP-1`);
    await page.getByTestId('portal-view').waitFor();
    expect(await page.locator('.comment.internal').count()).toBe(0);
    const partnerSees = await page.getByTestId('comment').allInnerTexts();
    expect(partnerSees.length).toBeGreaterThan(0);
    expect(partnerSees.length).toBeLessThan(agentSees.length);
    expect(partnerSees.join('\n')).not.toMatch(/internal note/i);
    expect(await page.getByTestId('panel-frame').count()).toBe(0);
    expect(await sideways(page)).toBeLessThanOrEqual(0);

    // Another partner's request is not theirs to read; their list holds their own requests only.
    await page.goto(`${site.url}/browse/CFP-2`);
    await page.getByTestId('portal-no-access').waitFor();
    await page.goto(`${site.url}/`);
    expect(await page.getByTestId('ticket-list').locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringContaining('CFP-1'),
    ]);
  });

  it("shows the partner's reply as written: its lines and blank line kept", async () => {
    await actAs('agent-ada');
    await page.goto(`${site.url}/browse/CFP-1`);
    await panel.getByTestId('answer-value').filter({ hasText: 'NO' }).waitFor();
    const shown = await panel.getByTestId('answer-text').innerText();
    expect(shown.trim()).toBe('No, nothing has changed this year.\n\nBest regards,\nThe Atlas team');
  });

  it('"Correct the answer" chooses nothing: neither YES nor NO, and nothing to save until the agent picks', async () => {
    await page.goto(`${site.url}/browse/CFP-4`);
    await panel.getByTestId('answer-value').filter({ hasText: 'YES' }).waitFor();
    await panel.getByTestId('correct-answer').click();
    expect(await panel.getByTestId('answer-YES').isChecked()).toBe(false);
    expect(await panel.getByTestId('answer-NO').isChecked()).toBe(false);
    expect(await panel.getByTestId('save-answer').isDisabled()).toBe(true);
    await panel.getByTestId('answer-NO').check();
    expect(await panel.getByTestId('save-answer').isDisabled()).toBe(false);
  });

  it('adds a note to a check that already has a result, keeping the result', async () => {
    await page.goto(`${site.url}/browse/CFP-4`);
    const check = panel.getByTestId('check-support-contact');
    await check.getByTestId('check-result').filter({ hasText: 'Passed' }).waitFor();
    await check.getByTestId('check-add-note').click();
    await check.getByTestId('check-note-input').fill('Support e-mail answered within the hour.');
    await check.getByTestId('check-save-note').click();
    await check.getByTestId('check-note').filter({ hasText: 'Support e-mail answered within the hour.' }).waitFor();
    expect(await check.getByTestId('check-result').innerText()).toBe('Passed');
    expect(await sideways(await panelFrame())).toBeLessThanOrEqual(0);
  });

  it('an ended soak is Atlassian\'s move to verify, not "Waiting for a date" with a past date', async () => {
    await page.goto(`${site.url}/browse/CFP-15`);
    await panel.getByTestId('next-step').filter({ hasText: 'Waiting for a date' }).waitFor();
    await site.advanceDays(14);
    await page.reload();
    await panel.getByTestId('stage').filter({ hasText: 'Soaking' }).waitFor();
    expect(await panel.getByTestId('next-step').innerText()).not.toContain('Waiting for a date');
    expect(await panel.getByTestId('next-step').innerText()).toContain("Atlassian's move");
    expect(await panel.getByTestId('soak-ends').innerText()).toMatch(
      /soak ended 2 Apr 2027 \((yesterday|\d+ days ago)\): ready to verify/,
    );
  });
});

describeWithBrowser('the settings page a new user can find their way in', () => {
  let site: Site;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const admin = (): FrameLocator => page.frameLocator('[data-testid=page-frame]');

  beforeAll(async () => {
    site = await startSite({ seed: 'demo' });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await browser.context.addCookies([{ name: 'cf_as', value: 'admin-max', url: site.url }]);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('is in sections a user can find, far shorter than the whole form, reached by keyboard too', async () => {
    await page.goto(`${site.url}/settings`);
    await admin().getByTestId('settings-form').waitFor();
    const height = await page
      .getByTestId('page-frame')
      .evaluate((f) => (f as HTMLIFrameElement).contentDocument!.documentElement.scrollHeight);
    expect(height).toBeLessThan(2000);
    for (const title of [
      'Program',
      'Timings',
      'Texts',
      'Status mapping',
      'Requirement components',
      'Review checks',
      'Significant-change categories',
    ]) {
      expect(await admin().getByRole('tab', { name: title, exact: true }).count()).toBe(1);
    }
    await admin().getByRole('tab', { name: 'Program', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await admin().getByRole('tab', { name: 'Timings', exact: true }).getAttribute('aria-selected')).toBe('true');
    expect(
      await admin()
        .getByRole('tab', { name: 'Timings', exact: true })
        .evaluate((t) => t === document.activeElement),
    ).toBe(true);
  });

  it("names a problem by the field's label, opens its section, and shows the result beside the save button", async () => {
    await page.goto(`${site.url}/settings`);
    await admin().getByTestId('section-checks').click();
    await admin().getByTestId('field-checks.2.title').fill('');
    await admin().getByTestId('section-program').click();
    await admin().getByTestId('save-settings').click();
    const problem = admin().getByTestId('settings-problem').first();
    await problem.waitFor();
    expect(await problem.innerText()).toBe('Review checks, check 3: Title: must not be empty');
    expect(await admin().getByTestId('settings-problems').innerText()).not.toContain('checks.2.title');
    // The section with the problem opened, its field marked.
    expect(await admin().getByTestId('section-checks').getAttribute('aria-selected')).toBe('true');
    expect(await admin().getByTestId('problem-checks.2.title').innerText()).toBe('must not be empty');
    // The problems sit in the bar with the save button, in view.
    await expectInView(page, 'settings-problems');

    await admin().getByTestId('field-checks.2.title').fill('Bug Bounty');
    await admin().getByTestId('save-settings').click();
    await admin().getByTestId('settings-saved').waitFor();
    await expectInView(page, 'settings-saved');
  });

  it("is usable by keyboard and screen reader: fields named by their labels, Enter saves, a problem's link puts the cursor in its field", async () => {
    await page.goto(`${site.url}/settings`);
    await admin().getByTestId('settings-form').waitFor();
    expect(await admin().getByLabel('Time zone', { exact: true }).getAttribute('data-testid')).toBe('field-timezone');
    expect(await admin().getByLabel('Program name').getAttribute('data-testid')).toBe('field-name');

    await admin().getByRole('tab', { name: 'Review checks', exact: true }).click();
    expect(await admin().getByRole('button', { name: 'Remove check 3' }).count()).toBe(1);
    await admin().getByLabel('Title').nth(2).fill('');

    // Save with the keyboard: the button shows where the focus is, Enter presses it.
    const save = admin().getByRole('button', { name: 'Save settings' });
    await save.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await save.evaluate((b) => ({
      visible: b.matches(':focus-visible'),
      outline: getComputedStyle(b).outlineStyle,
      shadow: getComputedStyle(b).boxShadow,
    }));
    expect(ring.visible).toBe(true);
    expect(ring.outline !== 'none' || ring.shadow !== 'none').toBe(true);
    await page.keyboard.press('Enter');

    // The problem's link is a button named by the field; Enter on it puts the cursor in the field, which says what is wrong.
    const link = admin().getByRole('button', { name: 'Review checks, check 3: Title' });
    await link.waitFor();
    await link.focus();
    await page.keyboard.press('Enter');
    const field = admin().getByTestId('field-checks.2.title');
    expect(await field.evaluate((f) => f === document.activeElement)).toBe(true);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).not.toBe('');
    const description = await Promise.all(
      describedBy.split(' ').map((id) => admin().locator(`[id="${id}"]`).innerText()),
    );
    expect(description.join(' ')).toContain('must not be empty');

    await page.keyboard.type('Bug Bounty');
    await save.focus();
    await page.keyboard.press('Enter');
    await admin().getByTestId('settings-saved').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBeNull();
  });
});

/** The element is inside the visible part of the window, not above or below it. */
async function expectInView(page: Page, testId: string): Promise<void> {
  // Scrolling into view is smooth in some browsers: give it a moment to settle.
  await page.waitForTimeout(300);
  const box = await page.frameLocator('[data-testid=page-frame]').getByTestId(testId).boundingBox();
  const viewport = page.viewportSize()!;
  expect(box).toBeTruthy();
  expect(box!.y).toBeGreaterThanOrEqual(-1);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 1);
}
