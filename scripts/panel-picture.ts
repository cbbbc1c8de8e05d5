/**
 * Regenerates docs/panel.png, the README's picture: the issue panel on an ordinary annual review
 * of the demo data (CFP-4 Delta Docs: the partner's YES, the checks, one failed, remediation).
 * Needs the pages built (`npm run build`) and Chromium at /usr/bin/chromium.
 */
import * as path from 'path';
import { launchBrowser, startSite } from '../test/e2e/local-site';

async function main(): Promise<void> {
  const site = await startSite({ seed: 'demo' });
  const browser = await launchBrowser();
  try {
    await browser.context.addCookies([{ name: 'cf_as', value: 'agent-ada', url: site.url }]);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 1400 });
    await page.goto(`${site.url}/browse/CFP-4`);
    const frame = await (await page.getByTestId('panel-frame').elementHandle())?.contentFrame();
    if (!frame) throw new Error('no panel frame');
    await frame.waitForSelector('[data-testid=issue-panel][aria-busy=false]');
    await page.getByTestId('panel-frame').screenshot({ path: path.resolve(__dirname, '..', 'docs', 'panel.png') });
  } finally {
    await browser.close();
    await site.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
