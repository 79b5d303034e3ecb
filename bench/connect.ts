import type { BrowserContext, Page } from 'playwright-core';

/** Points the app at the simulator through Settings, as a clerk would; the save starts a sync. */
export const connectToSimulator = async (page: Page, appUrl: string, simUrl: string): Promise<void> => {
  await page.goto(`${appUrl}#/settings`);
  await page.getByRole('radio', { name: 'The operator’s billing API' }).check();
  await page.getByLabel('API base URL').fill(simUrl);
  await page.getByLabel('Client ID').fill('demo');
  await page.getByLabel('Client secret').fill('demo-secret');
};

export const saveConnection = (page: Page): Promise<void> =>
  page.getByRole('button', { name: 'Save connection' }).click();

/** Waits for the status bar to say a sync ended (a first sync of the large profile takes minutes). */
export const syncEnded = (page: Page, timeout = 30 * 60_000): Promise<void> =>
  page
    .getByRole('contentinfo', { name: 'Synchronisation status' })
    .getByText(/Last synchronised/)
    .waitFor({ timeout });

/** Connects the app in a new tab of the context, waits for its first sync to end, closes the tab. */
export const syncedIn = async (context: BrowserContext, appUrl: string, simUrl: string): Promise<void> => {
  const page = await context.newPage();
  await connectToSimulator(page, appUrl, simUrl);
  await saveConnection(page);
  await syncEnded(page);
  await page.close();
};
