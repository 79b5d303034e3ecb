import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATOR_URL } from '../../shared/connection/settings';
import { startSimulator, type RunningSimulator } from '../../simulator/standalone';
import { launchChromium } from './browser';
import { startWebServer } from './webServer';

/**
 * The browser build has no main process and nothing to install: Settings' "Updates" says so, shows
 * the version and keeps "Check now" disabled. The desktop states are unit-tested (electron/updater*,
 * renderer/platform/electronUpdates.test.ts, renderer/features/updates/).
 */

let browser: Browser;
let web: Awaited<ReturnType<typeof startWebServer>>;
let sim: RunningSimulator;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [web, sim, browser] = await Promise.all([
    startWebServer(),
    startSimulator({ port: 0, control: true, seed: 1, now: '2026-11-22' }),
    launchChromium(),
  ]);
  context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  await context.route(`${DEFAULT_SIMULATOR_URL}/**`, async (route) => {
    const url = route.request().url().replace(DEFAULT_SIMULATOR_URL, sim.url);
    try {
      await route.fulfill({ response: await route.fetch({ url }) });
    } catch {
      // The context closed while the demo's sync was still fetching: nobody waits for the answer.
    }
  });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context.close();
  await browser.close();
  await Promise.all([web.close(), sim.close()]);
});

const section = () => page.getByRole('region', { name: 'Updates' });

describe('Updates in the browser build', () => {
  it('shows the version and explains why there is nothing to check', async () => {
    await page.goto(`${web.url}#/settings`);
    await section().waitFor();
    const version = await page.evaluate(() => document.body.innerText.match(/Installed version: (\S+)/)?.[1]);
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const check = section().getByRole('button', { name: 'Check now' });
    expect(await check.isDisabled()).toBe(true);
    const explanation =
      'This is the browser version: it is updated where it is served, there is nothing to install here.';
    expect(await section().getByRole('status').textContent()).toBe(explanation);
    // The button says why it is disabled to a screen reader too.
    const describedBy = await check.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(explanation);
    // No feed to set: the browser never downloads an installer.
    expect(await section().getByRole('textbox').count()).toBe(0);
    expect(await section().getByRole('button', { name: 'Restart and update' }).count()).toBe(0);
    // The shell never offers a restart here.
    expect(await page.getByRole('region', { name: 'Update ready' }).count()).toBe(0);
  });

  it('speaks the clerk’s language', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    const updates = page.getByRole('region', { name: 'Updates' });
    await updates.getByRole('button', { name: 'Jetzt prüfen' }).waitFor();
    expect(await updates.getByRole('status').textContent()).toBe(
      'Dies ist die Browser-Version: Sie wird dort aktualisiert, wo sie bereitgestellt wird; hier ist nichts zu installieren.',
    );
    expect(await updates.textContent()).toMatch(/Installierte Version: \d+\.\d+\.\d+/);
  });
});
