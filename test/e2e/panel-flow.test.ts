import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { describeWithBrowser, launchBrowser, startSite, type Site } from './local-site';

jest.setTimeout(240_000);

describeWithBrowser('issue panel: from an untracked ticket to a review in remediation', () => {
  let site: Site;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let page: Page;
  let panel: FrameLocator;

  beforeAll(async () => {
    site = await startSite({ seed: 'people', now: '2027-03-01T09:00:00.000Z' });
    browser = await launchBrowser();
    context = browser.context;
    page = await context.newPage();
    panel = page.frameLocator('[data-testid=panel-frame]');
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  const text = async (testId: string) =>
    (await panel.getByTestId(testId).first().innerText()).replace(/\s+/g, ' ').trim();
  const waitForText = (testId: string, wanted: string) =>
    panel.getByTestId(testId).filter({ hasText: wanted }).first().waitFor();

  it('tracks the ticket, walks it to approval, and shows the review the sweep opens', async () => {
    await page.goto(`${site.url}/browse/CFP-1`);
    await panel.getByTestId('start-tracking').waitFor();
    expect(await panel.getByTestId('app-name').inputValue()).toContain('Atlas Timesheets');
    await panel.getByTestId('app-name').fill('Atlas Timesheets');
    await panel.getByTestId('start-tracking-button').click();
    await waitForText('stage', 'Submitted');
    expect(await text('next-step')).toContain("Atlassian's move");
    expect(await text('approve-blocked')).toMatch(/not met or waived|components?/i);
    expect(await panel.getByTestId('approve').count()).toBe(0);

    await panel.getByTestId('move-triage').click();
    await waitForText('stage', 'Triage');
    await panel.getByTestId('move-verifying').click();
    await waitForText('stage', 'Verifying');

    for (const component of CLOUD_FORTIFIED.components) {
      await panel.getByTestId(`edit-${component.id}`).click();
      await panel.getByTestId('component-status-select').selectOption('met');
      await panel.getByTestId('component-note-input').fill(`Checked ${component.title}`);
      await panel.getByTestId('save-component').click();
      await panel
        .getByTestId(`component-${component.id}`)
        .getByTestId('component-status')
        .filter({ hasText: 'Met' })
        .waitFor();
    }
    expect(await text(`component-${CLOUD_FORTIFIED.components[0]!.id}`)).toContain(
      `Checked ${CLOUD_FORTIFIED.components[0]!.title}`,
    );

    await panel.getByTestId('approve').click();
    await waitForText('cycle-state', 'Scheduled');
    expect(await text('approved-on')).toBe('on 1 Mar 2027');
    expect(await text('notice-date')).toContain('11 Mar 2028');
    expect(await text('remediation-due')).toContain('28 Apr 2028');
    await page.reload();
    expect(await page.getByTestId('status').innerText()).toBe('Approved');
    const history = await panel.getByTestId('history-entry').allInnerTexts();
    expect(history.some((h) => /approved/i.test(h))).toBe(true);
    expect(history.length).toBeGreaterThan(CLOUD_FORTIFIED.components.length);

    // The day before the notice nothing is posted; on the day, the notice and the form arrive.
    await site.advanceDays(375);
    await page.reload();
    await waitForText('cycle-state', 'Scheduled');
    expect(await text('notice-date')).toContain('tomorrow');
    expect(await page.getByTestId('comment').count()).toBe(0);
    await site.advanceDays(1);
    await page.reload();
    await waitForText('cycle-state', 'Notified');
    expect(await page.getByTestId('today').innerText()).toContain('2028-03-11');
    const notices = await page.getByTestId('comment').allInnerTexts();
    expect(notices.some((c) => /reply to customer/i.test(c) && c.includes('Atlas Timesheets'))).toBe(true);
    expect(await page.getByTestId('attachment').count()).toBeGreaterThan(0);
    expect(await text('answer')).toContain('No answer from the partner yet');

    // The partner answers by replying to the ticket.
    await page
      .getByTestId('partner-comment')
      .fill('Yes - see below.\nWe moved our hosting to a new region (infrastructure).');
    await page.getByTestId('post-partner-comment').click();
    await page.waitForLoadState('load');
    await waitForText('answer-value', 'YES');
    const evidence = await panel.getByTestId('evidence-link').getAttribute('href');
    expect(evidence).toMatch(/^\/browse\/CFP-1\?focusedCommentId=\d+$/);
    expect(await text('answer-text')).toContain('We moved our hosting to a new region');

    // The window opens; an agent fails a check.
    await site.advanceDays(14);
    await page.reload();
    await waitForText('cycle-state', 'In review');
    const bugBounty = panel.getByTestId('check-bug-bounty');
    await bugBounty.getByTestId('check-add-note').click();
    await bugBounty.getByTestId('check-note-input').fill('Left the Bug Bounty program');
    await bugBounty.getByTestId('check-fail').click();
    await bugBounty.getByTestId('check-result').filter({ hasText: 'Failed' }).waitFor();
    expect(await bugBounty.innerText()).toContain('Left the Bug Bounty program');

    // After the window, the failed check puts the app in remediation with its deadline.
    await site.advanceDays(7);
    await page.reload();
    await waitForText('cycle-state', 'Remediation');
    expect(await text('remediation-due')).toMatch(/28 Apr 2028 \(in 2\d days\)/);
  });
});
