import type { BrowserContext, Page } from 'playwright-core';

/** Steps several end-to-end tests share: connect a fresh profile to a simulator and wait for the first full sync. */
export const connectAndSync = async (
  page: Page,
  webUrl: string,
  simUrl: string,
  expectedInvoices: number,
) => {
  await page.goto(`${webUrl}#/settings`);
  await page.getByRole('radio', { name: 'The operator’s billing API' }).check();
  await page.getByLabel('API base URL').fill(simUrl);
  await page.getByLabel('Client ID').fill('demo');
  await page.getByLabel('Client secret').fill('demo-secret');
  await page.getByRole('button', { name: 'Save connection' }).click();
  await page.waitForFunction(
    (expected) =>
      document.querySelector('[data-testid="invoice-count"]')?.textContent === `${expected} invoices`,
    expectedInvoices,
    { timeout: 60_000 },
  );
  await page
    .getByRole('contentinfo', { name: 'Synchronisation status' })
    .getByText(/Last synchronised/)
    .waitFor({ timeout: 90_000 });
};

export const simStats = async (simUrl: string) =>
  (await (await fetch(`${simUrl}/__sim/stats`)).json()) as {
    invoices: number;
    lines: number;
    perService: Record<string, { lines: number; net: string; vat: string; gross: string }>;
  };

export type { BrowserContext, Page };
