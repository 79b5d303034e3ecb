import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../shared/api/schemas';
import { formatAmount } from '../../shared/core/format';
import { parseMoney } from '../../shared/core/money';
import { connectOperator, startSyncedApp } from './appHarness';

/** The planted anomaly: six times the A-Mail standard letters in October's invoices. */
const SERVICE = 'A-STD';
const SERVICE_NAME = 'A-Mail standard letter';
const MONTH = '2026-10';
const TODAY = '2026-11-22';

declare global {
  interface Window {
    /** What the page asked the browser to notify, recorded by the stand-in below. */
    __notifications?: Array<{ title: string; body: string }>;
  }
}

describe('budget alerts and anomaly flags', () => {
  let app: Awaited<ReturnType<typeof startSyncedApp>>;

  beforeAll(async () => {
    app = await startSyncedApp({
      prepare: async (simUrl) => {
        const planted = await fetch(`${simUrl}/__sim/plant`, {
          method: 'POST',
          body: JSON.stringify({ serviceCode: SERVICE, month: MONTH, factor: 6 }),
        });
        if (planted.status !== 200) throw new Error(`plant answered ${planted.status}`);
      },
    });
    // The Overview's months count from this day, whatever the machine's clock says.
    await app.page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
    // A stand-in for the browser's notifications: granted, and each one recorded.
    await app.context.addInitScript(() => {
      window.__notifications = [];
      function RecordedNotification(title: string, options?: { body?: string }) {
        window.__notifications?.push({ title, body: options?.body ?? '' });
      }
      Object.assign(RecordedNotification, {
        permission: 'granted',
        requestPermission: () => Promise.resolve('granted'),
      });
      Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true });
    });
    await app.page.reload();
  }, 240_000);

  afterAll(async () => {
    await app.close();
  });

  const notifications = () => app.page.evaluate(() => window.__notifications ?? []);

  it('raises a budget overrun on the Overview and notifies it once after a sync', async () => {
    const { page, web } = app;
    await page.goto(`${web.url}#/settings`);
    const notify = page.getByRole('checkbox', { name: 'Notify me of budget alerts' });
    expect(await notify.isChecked()).toBe(false);
    await notify.check();

    // A small budget for the centre that carries the main franking machine's cost (seed 1 is a French-speaking customer).
    await page.goto(`${web.url}#/cost-centres`);
    await page.getByRole('button', { name: 'Edit cost centre 4100', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /4100/ });
    await dialog.getByLabel('Monthly budget').fill('100');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The edit is pushed by a sync of its own; after it, a notification names the overrun. The centre
    // already over its budget before (3300) is told too, in this or an earlier notification: once.
    const notifiedLines = async () => (await notifications()).flatMap((note) => note.body.split('\n'));
    await page.waitForFunction(
      () => (window.__notifications ?? []).some((note) => note.body.includes('4100')),
      undefined,
      { timeout: 60_000 },
    );
    for (const note of await notifications()) {
      const count = note.body.split('\n').length;
      expect(note.title).toBe(count === 1 ? 'Budget alert' : `${count} budget alerts`);
    }
    const told = await notifiedLines();
    expect(told.filter((line) => line.startsWith('4100 '))).toEqual([
      expect.stringMatching(/^4100 Service clients: [\d'’.]+% of the budget in October 2026$/),
    ]);
    expect(told.filter((line) => line.startsWith('3300 '))).toHaveLength(1);

    // Another sync finds nothing new to tell.
    const before = (await notifications()).length;
    await page.getByRole('button', { name: 'Synchronise now' }).click();
    await page
      .getByRole('contentinfo', { name: 'Synchronisation status' })
      .getByText(/Last synchronised/)
      .waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1_000);
    expect(await notifications()).toHaveLength(before);

    await page.goto(`${web.url}#/overview`);
    const card = page.getByRole('region', { name: 'Budget alerts' });
    await card.getByText(/^4100 Service clients: /).waitFor({ timeout: 30_000 });
    expect(await card.innerText()).toMatch(
      /4100 Service clients: [\d'’.]+% of the budget in October 2026 \(CHF\s[\d'’.]+ of CHF\s100\.00\)/,
    );
    const lines = card.getByRole('link', { name: 'Show the lines of 4100 Service clients in October 2026' });
    expect(await lines.getAttribute('href')).toBe('#/lines?cc=4100&from=2026-10-01&to=2026-10-31');
    expect(await card.getByRole('link', { name: 'Open Analytics' }).getAttribute('href')).toBe('#/analytics');
  });

  it('flags the planted month with its lines one click away, and dismisses it with a note from the keyboard', async () => {
    const { page, web, sim } = app;
    // What the operator bills for the service in that month, read independently of the app.
    const operator = await connectOperator(sim.url);
    const feed = await operator.get<{ items: Invoice[] }>('/v1/invoices?limit=500');
    let expected = 0;
    for (const invoice of feed.items.filter((item) => item.issueDate >= `${MONTH}-01`)) {
      for (const line of await operator.linesOf(invoice.id))
        if (line.serviceCode === SERVICE && line.serviceDate.startsWith(MONTH))
          expected += parseMoney(line.netAmount);
    }

    await page.goto(`${web.url}#/overview`);
    const card = page.getByRole('region', { name: 'Anomalies' });
    const flagText = new RegExp(
      `^Service ${SERVICE_NAME}: CHF [\\d'’.]+ in October 2026, [\\d'’.]+% above the average`,
    );
    // The card shows five flags; October (seasonally high) has more.
    await card.getByRole('button', { name: /^Show all \(\d+\)$/ }).click();
    const link = card.getByRole('link', { name: new RegExp(`^Show the lines: ${flagText.source.slice(1)}`) });
    await link.waitFor({ timeout: 30_000 });
    await link.click();
    await page.waitForURL(/#\/lines\?/);
    expect(new URL(page.url()).hash).toBe(`#/lines?svc=${SERVICE}&from=2026-10-01&to=2026-10-31`);
    await page.getByTestId('line-totals').getByText(formatAmount(expected, 'en'), { exact: false }).waitFor({
      timeout: 60_000,
    });

    await page.goto(`${web.url}#/overview`);
    await card.getByRole('button', { name: /^Show all \(\d+\)$/ }).click();
    const dismiss = card.getByRole('button', { name: new RegExp(`^Dismiss: ${flagText.source.slice(1)}`) });
    await dismiss.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Dismiss this flag' });
    await dialog.waitFor();
    // The note field has the focus; an empty note is refused.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.getByRole('alert').getByText('Write a note before dismissing.').waitFor();
    await dialog.getByLabel('Note').focus();
    await page.keyboard.type('Year-end mailing, planned with marketing');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await dismiss.waitFor({ state: 'detached' });

    // Hidden, unless the clerk asks for the dismissed flags.
    await card.getByRole('checkbox', { name: 'Show dismissed' }).check();
    await card.getByText(/Dismissed on 22\.11\.2026: Year-end mailing, planned with marketing/).waitFor();
  });
});
