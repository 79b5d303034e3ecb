import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncedApp } from './appHarness';

let app: Awaited<ReturnType<typeof startSyncedApp>>;

beforeAll(async () => {
  app = await startSyncedApp();
}, 180_000);

afterAll(async () => {
  await app.close();
});

const firstRows = (page: Page) =>
  page.locator('[role="grid"] [role="row"][aria-rowindex="2"]:not([aria-busy])').waitFor();

const lineIndexWorkers = (page: Page) =>
  page.workers().filter((worker) => worker.url().includes('lineIndexWorker'));

/** A new tab on the archive the first sync filled: a cold start of the renderer, everything stored. */
const coldStart = async (hash: string) => {
  const page = await app.context.newPage();
  await page.goto(`${app.web.url}${hash}`);
  await firstRows(page);
  return page;
};

describe('a cold start', () => {
  it('shows the invoice list without starting the line index, which the first search by a line reference starts', async () => {
    const page = await coldStart('#/invoices');
    expect(lineIndexWorkers(page)).toEqual([]);
    const started = page.waitForEvent('worker', {
      predicate: (worker) => worker.url().includes('lineIndexWorker'),
    });
    // Text that is no number or amount may be a reference on a line: only the index knows.
    await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('KST');
    await started;
    expect(lineIndexWorkers(page)).toHaveLength(1);
    await page.close();
  });

  it('starts the line index at once on the line explorer', async () => {
    const page = await coldStart('#/lines');
    expect(lineIndexWorkers(page)).toHaveLength(1);
    await page.close();
  });
});
