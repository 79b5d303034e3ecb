import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preferences } from '../../shared/api/schemas';
import { connectOperator, startSyncedApp } from './appHarness';
import { allowPageProblems } from './browser';

/** What the page's fake Notification recorded: each notification's title and whether it has a click. */
const told = (app: Awaited<ReturnType<typeof startSyncedApp>>) =>
  app.page.evaluate(() => {
    const list: unknown = Reflect.get(window, '__notifications');
    return Array.isArray(list)
      ? list.map((entry: unknown) => String(Reflect.get(Object(entry), 'title')))
      : [];
  });

describe('desktop notifications in the browser build', () => {
  let app: Awaited<ReturnType<typeof startSyncedApp>>;

  beforeAll(async () => {
    app = await startSyncedApp();
    // Headless Chromium grants no notifications: a stand-in records them, with their onclick.
    await app.context.addInitScript(() => {
      const list: object[] = [];
      class RecordedNotification {
        static permission = 'granted';
        static requestPermission = () => Promise.resolve('granted');
        onclick: (() => void) | null = null;
        constructor(
          readonly title: string,
          readonly options?: { body?: string },
        ) {
          list.push(this);
        }
        close() {
          return undefined;
        }
      }
      Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true });
      Object.defineProperty(window, '__notifications', { value: list });
    });
    await app.page.reload();
    await app.page.getByRole('region', { name: 'Notifications and paper' }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await app.close();
  });

  it('tells a conflict once, however many syncs follow; its click opens the outbox in Settings', async () => {
    const { page, sim, web } = app;
    allowPageProblems(/status of 412 \(Precondition Failed\) \(http:\/\/127\.0\.0\.1:\d+\/v1\/preferences:/);
    const panel = page.getByRole('region', { name: 'Notifications and paper' });
    const byPost = panel.getByRole('checkbox', { name: 'Invoice also by post' });
    // A first edit, pushed: the next one goes with the operator's ETag, which another user's edit outdates.
    const wanted = !(await byPost.isChecked());
    await byPost.setChecked(wanted);
    await panel.getByRole('button', { name: 'Save preferences' }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
    const operator = await connectOperator(sim.url);
    await expect
      .poll(async () => (await operator.get<Preferences>('/v1/preferences')).paper.invoiceByPost, {
        timeout: 30_000,
      })
      .toBe(wanted);
    // The app has the operator's answer (and its ETag) once nothing waits any more.
    await expect.poll(() => panel.getByText(/waits to be sent/).count(), { timeout: 30_000 }).toBe(0);
    // The run that pushed it reads the operator's resources after the push: once it is over, nothing
    // reads the preferences again before the next edit, whose ETag the other user's edit outdates.
    await page
      .getByRole('contentinfo', { name: 'Synchronisation status' })
      .getByRole('button', { name: 'Synchronise now' })
      .waitFor({ timeout: 60_000 });
    const other = await fetch(`${sim.url}/__sim/other-user-edit`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'preferences' }),
    });
    expect(other.status).toBe(200);
    await byPost.setChecked(!(await byPost.isChecked()));
    await panel.getByRole('button', { name: 'Save preferences' }).click();
    await panel
      .getByText('Another user changed these preferences at the operator before your change arrived.', {
        exact: false,
      })
      .waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () => {
        const list: unknown = Reflect.get(window, '__notifications');
        return Array.isArray(list) && list.length > 0;
      },
      undefined,
      { timeout: 30_000 },
    );
    expect(await told(app)).toEqual(['An edit needs your decision']);

    // Two more runs find the conflict still unsettled: nothing new to tell.
    await page.goto(`${web.url}#/overview`);
    const status = page.getByRole('contentinfo', { name: 'Synchronisation status' });
    for (let run = 0; run < 2; run += 1) {
      await status.getByRole('button', { name: 'Synchronise now' }).click();
      // A run with nothing new may end before its Cancel button is seen.
      await status
        .getByRole('button', { name: 'Cancel' })
        .waitFor({ timeout: 5_000 })
        .catch(() => undefined);
      await status.getByRole('button', { name: 'Synchronise now' }).waitFor({ timeout: 60_000 });
    }
    expect(await told(app)).toEqual(['An edit needs your decision']);

    await page.evaluate(() => {
      const list: unknown = Reflect.get(window, '__notifications');
      const first: unknown = Array.isArray(list) ? list[0] : null;
      const onclick: unknown = first ? Reflect.get(Object(first), 'onclick') : null;
      if (typeof onclick === 'function') Reflect.apply(onclick, first, []);
    });
    await page.waitForFunction(() => window.location.hash === '#/settings?section=outbox');
    const heading = page.getByRole('heading', { name: 'Changes waiting for the operator' });
    await heading.waitFor();
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
  });
});
