import { startSimulator } from '../../simulator/standalone';
import { connectAndSync, simStats } from './appHarness';
import { launchChromium } from './browser';
import { startWebServer } from './webServer';

const out = '/tmp/behave-shots';
const [web, sim, browser] = await Promise.all([
  startWebServer(),
  startSimulator({ port: 0, control: true, seed: 1, now: '2026-11-22' }),
  launchChromium(),
]);
const stats = await simStats(sim.url);
const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
const page = await context.newPage();
await connectAndSync(page, web.url, sim.url, stats.invoices);
await fetch(`${sim.url}/__sim/clock`, { method: 'POST', body: JSON.stringify({ advanceDays: 40 }), headers: { 'content-type': 'application/json' } });
await page.reload();
await page.getByRole('contentinfo').getByText(/^Last synchronised/).waitFor({ timeout: 90_000 });
await page.waitForTimeout(1500);
for (const language of ['en', 'de', 'fr']) {
  for (const theme of ['light', 'dark']) {
    await page.evaluate(([l, t]) => { localStorage.setItem('invoice-desk.language', l!); localStorage.setItem('invoice-desk.theme', t!); }, [language, theme]);
    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`${web.url}#/overview`);
      await page.reload();
      await page.locator('.overview').waitFor();
      await page.waitForTimeout(1200);
      const overflow = await page.evaluate(() =>
        [...document.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible' && getComputedStyle(e).overflowX !== 'hidden').map((e) => `${e.tagName}.${e.className} ${e.scrollWidth}>${e.clientWidth}`));
      console.log(language, theme, w, 'overflow:', JSON.stringify(overflow), 'doc', await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth));
      await page.screenshot({ path: `${out}/overview-${language}-${theme}-${w}.png` });
    }
  }
}
// A sync in French at 1024, then cancelled.
await page.evaluate(() => { localStorage.setItem('invoice-desk.language', 'fr'); localStorage.setItem('invoice-desk.theme', 'light'); });
await page.setViewportSize({ width: 1024, height: 700 });
await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ latencyMs: 80, pathPrefix: '/v1/invoices/' }), headers: { 'content-type': 'application/json' } });
const context2 = await browser.newContext({ locale: 'fr-CH', viewport: { width: 1024, height: 700 } });
const page2 = await context2.newPage();
await page2.goto(`${web.url}#/settings`);
await page2.evaluate(() => localStorage.setItem('invoice-desk.language', 'en'));
await page2.reload();
await page2.getByRole('radio', { name: 'The operator’s billing API' }).check();
await page2.getByLabel('API base URL').fill(sim.url);
await page2.getByLabel('Client ID').fill('demo');
await page2.getByLabel('Client secret').fill('demo-secret');
await page2.getByRole('button', { name: 'Save connection' }).click();
await page2.waitForTimeout(1500);
await page2.evaluate(() => localStorage.setItem('invoice-desk.language', 'fr'));
await page2.goto(`${web.url}#/overview`);
await page2.reload();
await page2.getByRole('status').getByText(/postes/).waitFor({ timeout: 30_000 });
await page2.waitForTimeout(6000);
await page2.screenshot({ path: `${out}/sync-fr-1024.png` });
await page2.getByRole('button', { name: 'Annuler' }).click();
await page2.waitForTimeout(1500);
await page2.screenshot({ path: `${out}/cancelled-fr-1024.png` });
await page2.evaluate(() => localStorage.setItem('invoice-desk.language', 'de'));
await page2.evaluate(() => localStorage.setItem('invoice-desk.theme', 'dark'));
await page2.setViewportSize({ width: 1440, height: 900 });
await page2.goto(`${web.url}#/settings`);
await page2.waitForTimeout(300);
await page2.screenshot({ path: `${out}/settings-de-dark-1440-running.png`, fullPage: true });
await context2.close();
// Settings history (en) on the first profile.
await page.evaluate(() => { localStorage.setItem('invoice-desk.language', 'en'); localStorage.setItem('invoice-desk.theme', 'light'); });
await page.setViewportSize({ width: 1440, height: 900 });
await page.goto(`${web.url}#/settings`);
await page.reload(); await page.waitForTimeout(1500); await page.reload(); await page.waitForTimeout(2500);
await page.screenshot({ path: `${out}/settings-en-light-1440.png`, fullPage: true });
await context.close();
await browser.close();
await Promise.all([web.close(), sim.close()]);
