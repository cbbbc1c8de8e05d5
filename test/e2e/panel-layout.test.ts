import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { ARTIFACTS, describeWithBrowser, launchBrowser, startSite, type Site } from './local-site';

jest.setTimeout(300_000);

/** The demo's tickets (sandbox/demo-data.ts): submissions at every stage, approved apps in every review state. */
const DEMO_TICKETS = Array.from({ length: 17 }, (_, i) => `CFP-${i + 1}`);

describeWithBrowser('the issue panel in the narrow issue sidebar', () => {
  let site: Site;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    site = await startSite({ seed: 'demo' });
    browser = await launchBrowser();
    context = browser.context;
    page = await context.newPage();
    await context.addCookies([{ name: 'cf_as', value: 'agent-ada', url: site.url }]);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  const panelFrame = async (): Promise<Frame> => {
    const frame = await (await page.getByTestId('panel-frame').elementHandle())?.contentFrame();
    if (!frame) throw new Error('no panel frame');
    return frame;
  };

  /** What does not fit: sideways scrolling, or a check whose Pass/Fail fell below its title. */
  const layoutProblems = (frame: Frame) =>
    frame.evaluate(() => {
      const problems: string[] = [];
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth + 1)
        problems.push(`scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
      document.querySelectorAll('[data-testid^=check-]').forEach((check) => {
        const id = check.getAttribute('data-testid') ?? '';
        if (
          !/^check-[a-z0-9-]+$/.test(id) ||
          id === 'check-result' ||
          id === 'check-note' ||
          id.startsWith('check-add') ||
          id.startsWith('check-pass') ||
          id.startsWith('check-fail')
        )
          return;
        const lozenge = check.querySelector('[data-testid=check-result]')?.getBoundingClientRect();
        const fail = check.querySelector('[data-testid=check-fail]')?.getBoundingClientRect();
        if (lozenge && fail && Math.abs(fail.top + fail.height / 2 - (lozenge.top + lozenge.height / 2)) > 12)
          problems.push(`${id}: Fail is not on the check's line`);
      });
      return problems;
    });

  it('shows every demo ticket without sideways scrolling, each check on one line, in light and dark', async () => {
    const problems: string[] = [];
    for (const mode of ['light', 'dark'] as const) {
      for (const key of DEMO_TICKETS) {
        await page.goto(`${site.url}/browse/${key}`);
        await page.evaluate((m) => localStorage.setItem('cf-color-mode', m), mode);
        await page.reload();
        const frame = await panelFrame();
        await frame.waitForSelector('[data-testid=issue-panel][aria-busy=false]');
        await frame.waitForFunction((m) => document.documentElement.getAttribute('data-color-mode') === m, mode);
        // Open the folded parts too: they must fit as well.
        await frame.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
        problems.push(...(await layoutProblems(frame)).map((p) => `${key} (${mode}): ${p}`));
        await page.getByTestId('panel-frame').screenshot({ path: path.join(ARTIFACTS, `panel-${key}-${mode}.png`) });
      }
    }
    expect(problems).toEqual([]);
  });

  it('names the people in the history and on recorded results, and the app as "the app"', async () => {
    await page.evaluate(() => localStorage.setItem('cf-color-mode', 'light'));
    await page.goto(`${site.url}/browse/CFP-5`);
    const frame = await panelFrame();
    // Max Admin imported the app; Echo's partner replied; the app posted the notice.
    await frame.getByTestId('history-entry').filter({ hasText: 'Max Admin' }).first().waitFor();
    const history = (await frame.getByTestId('history-entry').allInnerTexts()).join('\n');
    expect(history).not.toMatch(/admin-max|partner-\d/);
    expect(history).toMatch(/Echo partner/);
    expect(history).toMatch(/the app/);
  });
});
