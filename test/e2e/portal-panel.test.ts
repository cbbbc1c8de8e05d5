import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { describeWithBrowser, launchBrowser, startSite, type Site } from './local-site';

jest.setTimeout(240_000);

// The demo on 20 March 2027: Atlas Timesheets (CFP-1) is overdue with a failed Bug Bounty
// check, Glide CRM (CFP-7) has had its notice and no answer yet.
describeWithBrowser('portal panel: the partner sees the review and answers it', () => {
  let site: Site;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let page: Page;
  let panel: FrameLocator;
  let portal: FrameLocator;

  beforeAll(async () => {
    site = await startSite({ seed: 'demo' });
    browser = await launchBrowser();
    context = browser.context;
    page = await context.newPage();
    panel = page.frameLocator('[data-testid=panel-frame]');
    portal = page.frameLocator('[data-testid=portal-panel-frame]');
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  const actAs = async (accountId: string) => context.addCookies([{ name: 'cf_as', value: accountId, url: site.url }]);
  const textIn = async (frame: FrameLocator, testId: string) =>
    (await frame.getByTestId(testId).first().innerText()).replace(/\s+/g, ' ').trim();
  const text = (testId: string) => textIn(portal, testId);

  it('shows a partner whose deadline passed what failed and when it was due, and none of the internal notes', async () => {
    // The agents' internal notes on the ticket, as an agent sees them.
    await actAs('agent-ada');
    await page.goto(`${site.url}/browse/CFP-1`);
    const internal = await page.locator('.comment.internal .body').allInnerTexts();
    expect(internal.length).toBeGreaterThan(0);

    await actAs('partner-1');
    await page.goto(`${site.url}/browse/CFP-1`);
    await portal.getByTestId('portal-panel').waitFor();
    expect(await text('portal-state')).toBe('Overdue');
    expect(await text('portal-whose-move')).toBe(
      'The remediation deadline has passed with requirements still failing; the program will contact you.',
    );
    expect(await text('portal-failed')).toContain('Requirements still failing after the deadline of 28 Feb 2027 (UTC)');
    expect(await text('portal-failed')).toContain('Bug Bounty');
    expect(await text('portal-dates')).toContain('Review window: 25 Jan 2027 to 31 Jan 2027 (UTC)');
    const frameText = await portal.locator('body').innerText();
    // The agents' check note and every internal comment on the ticket stay out of the panel.
    expect(frameText).not.toContain('The app left the Marketplace Bug Bounty in December.');
    for (const note of internal) expect(frameText).not.toContain(note.trim().slice(0, 60));
    expect(await portal.getByTestId('portal-submit').count()).toBe(0);
  });

  it('lets a notified partner answer YES with a category, and the agent’s panel then shows the answer', async () => {
    await actAs('partner-7');
    await page.goto(`${site.url}/browse/CFP-7`);
    await portal.getByTestId('portal-panel').waitFor();
    expect(await text('portal-state')).toBe('Notified');
    expect(await text('portal-whose-move')).toContain('Your move: tell us whether the app had any significant change');
    expect(await text('portal-dates')).toContain('Review window: 25 Mar 2027 to 31 Mar 2027 (UTC)');
    expect(await text('portal-dates')).toContain('Issues to be resolved by: 28 Apr 2027 (UTC)');

    await portal.getByTestId('portal-yes').check();
    const subprocessors = portal.getByTestId('portal-category-subprocessors');
    expect(await subprocessors.innerText()).toContain('SendGrid or Brevo');
    await subprocessors.getByTestId('portal-category-tick').check();
    await subprocessors.getByTestId('portal-what-changed').fill('Brevo replaced SendGrid for notification e-mails');
    await subprocessors.getByTestId('portal-effect').fill('The same data goes to an EU-hosted provider');
    await subprocessors.getByTestId('portal-listing-updated').check();
    await portal.getByTestId('portal-submit').click();
    await portal.getByTestId('portal-answer-recorded').filter({ hasText: 'YES' }).waitFor();
    expect(await text('portal-answer-recorded')).toContain('Addition or removal of subprocessors');
    expect(await text('portal-whose-move')).toContain('Atlassian’s move');

    await actAs('agent-ada');
    await page.goto(`${site.url}/browse/CFP-7`);
    await panel.getByTestId('answer-value').filter({ hasText: 'YES' }).waitFor();
    expect(await textIn(panel, 'answer')).toContain('from the form');
    expect(await textIn(panel, 'answer-categories')).toContain('Addition or removal of subprocessors');
    expect(await textIn(panel, 'answer-text')).toContain('Brevo replaced SendGrid for notification e-mails');
    // Per category: what changed, its effect and the listing, as the partner said.
    expect(await textIn(panel, 'answer-detail')).toContain(
      'What changed Brevo replaced SendGrid for notification e-mails',
    );
    expect(await textIn(panel, 'answer')).toContain('answered on the portal');
  });

  // Escalations, last: they change CFP-1's current review.
  const concern = 'A customer reports API tokens written to the app’s logs.';

  it('an agent raises a customer’s concern and sees what it is, who raised it, the checks and the deadline', async () => {
    await actAs('agent-ada');
    await page.goto(`${site.url}/browse/CFP-1`);
    await panel.getByTestId('raise-escalation').click();
    await panel.getByTestId('escalation-text').fill(concern);
    await panel.getByLabel('Raised by').selectOption('customer');
    await panel.getByTestId('submit-escalation').click();
    await panel.getByTestId('open-escalation').waitFor();

    expect(await textIn(panel, 'escalation-concern')).toContain(concern);
    expect(await textIn(panel, 'escalation-raised-by')).toMatch(/^Raised by a customer/);
    const checks = await textIn(panel, 'escalation-checks');
    for (const check of CLOUD_FORTIFIED.checks) expect(checks).toContain(check.title);
    // Raised on 20 March 2027: a week's window, then four weeks.
    expect(await textIn(panel, 'escalation-deadline')).toContain('Issues to be resolved by 23 Apr 2027');
  });

  it('the partner sees the extra review on the portal, and not who the customer is', async () => {
    await actAs('partner-1');
    await page.goto(`${site.url}/browse/CFP-1`);
    await portal.getByTestId('portal-panel').waitFor();
    const shown = await portal.locator('body').innerText();
    expect(shown).toContain('Extra review');
    expect(shown).toContain('A concern was raised about the app’s compliance');
    expect(shown).not.toContain('agent-ada');
    expect(shown).not.toMatch(/customer/i);
  });
});
