import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChf, formatInteger } from '../../shared/core/format';
import { parseMoney } from '../../shared/core/money';
import { cutOperator, OPERATOR_CUT, reconnectAndSync, startSyncedApp } from './appHarness';
import { allowPageProblems } from './browser';

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let web: typeof app.web;
let sim: typeof app.sim;
let page: Page;
let stats: typeof app.stats;

beforeAll(async () => {
  app = await startSyncedApp();
  ({ web, sim, page, stats } = app);
}, 180_000);

afterAll(async () => {
  await app.close();
});

const lineTotals = () => page.getByTestId('line-totals');

describe('browsing the archive', () => {
  it('the line explorer filtered by a service totals exactly what the operator billed for it', async () => {
    const [code, expected] = Object.entries(stats.perService).sort((a, b) => b[1].lines - a[1].lines)[0]!;
    await page.goto(`${web.url}#/lines?svc=${encodeURIComponent(code)}`);
    await lineTotals()
      .getByText(`${formatInteger(expected.lines, 'en')} lines`)
      .waitFor({ timeout: 30_000 });
    const text = await lineTotals().innerText();
    expect(text).toContain(formatChf(parseMoney(expected.gross), 'en'));
    expect(text).toContain(formatChf(parseMoney(expected.net), 'en'));
    const grid = page.getByRole('grid', { name: 'Lines' });
    await grid.getByRole('row').nth(1).getByRole('gridcell').first().waitFor();
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(expected.lines + 1));
  });

  it('the overview shows what is open and the share of cost charged to no cost centre', async () => {
    await page.goto(`${web.url}#/overview`);
    await page.getByRole('heading', { name: 'Open amount' }).waitFor();
    const unassigned = page.getByRole('region', { name: 'Not charged to any cost centre' });
    await unassigned.waitFor();
    expect(await unassigned.innerText()).toMatch(/\d+(\.\d)?% of the last 12 months’ net cost \(CHF/);
    expect(await page.getByRole('img', { name: 'Gross cost per month' }).isVisible()).toBe(true);
  });

  it('keeps invoice filters in the URL across a reload and Back', async () => {
    await page.goto(`${web.url}#/invoices`);
    const grid = page.getByRole('grid', { name: 'Invoices' });
    await grid.getByRole('row').nth(1).waitFor();
    const all = Number(await grid.getAttribute('aria-rowcount')) - 1;
    expect(all).toBe(stats.invoices);
    await page.getByRole('button', { name: /^Status / }).click();
    await page.getByRole('checkbox', { name: 'Paid' }).check();
    await page.keyboard.press('Escape');
    // Segment by segment, as a clerk types (the whole string at once races the field under load).
    const segments = page.getByRole('group', { name: 'Period from' }).getByRole('spinbutton');
    await segments.nth(0).pressSequentially('01', { delay: 30 });
    await segments.nth(1).pressSequentially('01', { delay: 30 });
    await segments.nth(2).pressSequentially('2026', { delay: 30 });
    await page.keyboard.press('Tab');
    await page.waitForFunction(
      () => window.location.hash.includes('status=paid') && window.location.hash.includes('from=2026-01-01'),
    );
    const filtered = Number(await grid.getAttribute('aria-rowcount')) - 1;
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const status = () => page.getByRole('button', { name: /^Status / }).innerText();
    const from = () =>
      page.getByRole('group', { name: 'Period from' }).locator('.date-field__input').innerText();
    await page.reload();
    await grid.getByRole('row').nth(1).waitFor();
    expect(await status()).toContain('Paid');
    expect((await from()).replace(/\s/g, '')).toBe('01.01.2026');
    expect(Number(await grid.getAttribute('aria-rowcount')) - 1).toBe(filtered);
    await page.goBack();
    await page.waitForFunction(() => !window.location.hash.includes('from=2026-01-01'));
    expect(await status()).toContain('Paid');
  });

  it('opens an invoice from the keyboard, reconciles it and renders its verified PDF offline', async () => {
    await page.goto(`${web.url}#/invoices`);
    const grid = page.getByRole('grid', { name: 'Invoices' });
    await grid.getByRole('row').nth(1).waitFor();
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^(Invoice|Credit note) \d{10}$/ }).waitFor();
    await page.getByText('The lines add up to the invoice totals.').waitFor();
    await page.getByText(/SHA-256 verified on/).waitFor();
    const canvas = page.locator('canvas').first();
    await canvas.waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () => {
        const element = document.querySelector('canvas');
        const context = element?.getContext('2d');
        if (!element || !context || element.width === 0) return false;
        const { data } = context.getImageData(0, 0, element.width, element.height);
        let ink = 0;
        for (let i = 0; i < data.length; i += 16) if ((data[i] ?? 255) < 128) ink += 1;
        return ink > 200;
      },
      undefined,
      { timeout: 30_000 },
    );
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Invoices' }).waitFor();
  });

  it('a service renamed while the operator is unreachable keeps its name across a reload and reaches the operator later', async () => {
    // The operator is unreachable: every request to it fails, as when the network is down.
    allowPageProblems(OPERATOR_CUT);
    await cutOperator(sim.url);
    const [code] = Object.entries(stats.perService).sort((a, b) => b[1].lines - a[1].lines)[0]!;
    await page.goto(`${web.url}#/lines?svc=${encodeURIComponent(code)}`);
    const grid = page.getByRole('grid', { name: 'Lines' });
    await grid.getByRole('row').nth(1).getByRole('gridcell').first().waitFor();
    await grid
      .getByRole('button', { name: /^Rename / })
      .first()
      .click();
    await page.getByRole('textbox', { name: /^Own name for / }).fill('Our parcels to customers');
    await page.keyboard.press('Enter');
    await grid.getByText('Our parcels to customers').first().waitFor();
    await page.reload();
    await page
      .getByRole('grid', { name: 'Lines' })
      .getByText('Our parcels to customers')
      .first()
      .waitFor({ timeout: 30_000 });
    await page
      .getByRole('contentinfo', { name: 'Synchronisation status' })
      .getByText('1 change waiting to be sent')
      .waitFor();

    await reconnectAndSync(page, sim.url);
    await page
      .getByRole('contentinfo', { name: 'Synchronisation status' })
      .getByText('1 change waiting to be sent')
      .waitFor({ state: 'detached', timeout: 30_000 });
    const token = (await (
      await fetch(`${sim.url}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: 'demo',
          client_secret: 'demo-secret',
        }),
      })
    ).json()) as { access_token: string };
    const designations = (await (
      await fetch(`${sim.url}/v1/designations`, {
        headers: { authorization: `Bearer ${token.access_token}` },
      })
    ).json()) as {
      items: Array<{ kind: string; key: string; text: string }>;
    };
    expect(designations.items).toContainEqual(
      expect.objectContaining({ kind: 'service', key: code, text: 'Our parcels to customers' }),
    );
  });
});
