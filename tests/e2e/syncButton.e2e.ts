import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFaults, startSyncedApp } from './appHarness';

let app: Awaited<ReturnType<typeof startSyncedApp>>;

beforeAll(async () => {
  app = await startSyncedApp();
}, 180_000);

afterAll(async () => {
  await app.close();
});

describe('the status bar’s sync button', () => {
  it('a press on "Synchronise now" released just as a run starts does not cancel that run', async () => {
    const { page, web, sim } = app;
    await page.goto(`${web.url}#/settings?section=sync`);
    const status = page.getByRole('contentinfo', { name: 'Synchronisation status' });
    const syncNow = status.getByRole('button', { name: 'Synchronise now' });
    const completed = page.getByRole('listitem').filter({ hasText: /: Completed/ });
    const cancelled = page.getByRole('listitem').filter({ hasText: /: Cancelled/ });
    await completed.first().waitFor();
    const completedBefore = await completed.count();

    // Slow answers keep the run going while the button is released.
    await setFaults(sim.url, { latencyMs: 1_500 });
    const box = await syncNow.boundingBox();
    if (box === null) throw new Error('"Synchronise now" has no box');
    // Near its end edge, which Cancel covers too: the release lands on whatever is there then.
    await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
    await page.mouse.down();
    // A run starts on its own (as when the connection comes back) while the button is held down.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await status.getByRole('button', { name: 'Cancel' }).waitFor();
    await page.mouse.up();
    await setFaults(sim.url, { latencyMs: 0 });

    await syncNow.waitFor({ timeout: 60_000 });
    await completed.nth(completedBefore).waitFor();
    await expect(cancelled.count()).resolves.toBe(0);
  }, 120_000);
});
