import { createHash } from 'node:crypto';
import { activeDatabaseName } from '../testing/activeDatabase';
import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CostCenter } from '../../shared/api/schemas';
import { catalogues } from '../../shared/i18n/catalogues';
import type { Language } from '../../shared/i18n/languages';
import { connectOperator, startSyncedApp } from './appHarness';

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let page: Page;

beforeAll(async () => {
  app = await startSyncedApp();
  ({ page } = app);
}, 180_000);

afterAll(async () => {
  await app.close();
});

const bytesOf = async (download: Download): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return Buffer.concat(chunks);
};

const entries = () => page.getByRole('region', { name: 'Audit entries' }).getByRole('listitem');
const entry = (text: string | RegExp) => entries().filter({ hasText: text });
const search = () => page.getByRole('searchbox', { name: 'Search', exact: true });
const verdict = () => page.getByRole('status').filter({ hasText: /The log is/ });

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

const runAxe = async (target: Page): Promise<AxeViolation[]> => {
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(axe.source);
  return target.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.slice(0, 3).map((node) => ({ target: node.target })),
    }));
  });
};

describe('the audit trail', () => {
  let invoiceNumber = '';
  let serviceCode = '';
  let centre: CostCenter | undefined;

  it('records a PDF opened, a service renamed and a cost centre edited, each in words with before and after', async () => {
    // A PDF, opened by the clerk.
    await page.goto(`${app.web.url}#/invoices`);
    const invoices = page.getByRole('grid', { name: 'Invoices' });
    await invoices.getByRole('row').nth(1).waitFor();
    await invoices.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: /^(Invoice|Credit note) \d{10}$/ });
    await heading.waitFor();
    invoiceNumber = ((await heading.textContent()) ?? '').replace(/\D/g, '');
    await page.locator('canvas').first().waitFor({ timeout: 30_000 });

    // A service renamed.
    [serviceCode] = Object.entries(app.stats.perService).sort((a, b) => b[1].lines - a[1].lines)[0] ?? [''];
    await page.goto(`${app.web.url}#/lines?svc=${encodeURIComponent(serviceCode)}`);
    const lines = page.getByRole('grid', { name: 'Lines' });
    await lines.getByRole('row').nth(1).getByRole('gridcell').first().waitFor();
    await lines
      .getByRole('button', { name: /^Rename / })
      .first()
      .click();
    await page.getByRole('textbox', { name: /^Own name for / }).fill('Our audited parcels');
    await page.keyboard.press('Enter');
    await lines.getByText('Our audited parcels').first().waitFor();

    // A cost centre edited.
    const operator = await connectOperator(app.sim.url);
    centre = (await operator.get<{ items: CostCenter[] }>('/v1/cost-centers')).items[0];
    if (!centre) throw new Error('The demo has no cost centre');
    await page.goto(`${app.web.url}#/cost-centres`);
    await page
      .getByRole('grid', { name: 'Cost centres' })
      .getByRole('button', { name: `Edit cost centre ${centre.code}`, exact: true })
      .click();
    const dialog = page.getByRole('dialog', { name: `Edit cost centre ${centre.code}` });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Audited centre');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    await page.goto(`${app.web.url}#/audit`);
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    const edited = entry(`Cost centre ${centre.code} (Audited centre) changed.`);
    await edited.waitFor();
    await edited.getByText(`Name: ${centre.name}`).waitFor();
    await edited.getByText('Name: Audited centre').waitFor();
    await edited.getByText('Browser (Chromium on Linux)').waitFor();
    const renamed = entry(`set to “Our audited parcels”`);
    await renamed.getByText('Own name: Our audited parcels').waitFor();
    await entry(`Document of invoice ${invoiceNumber} opened.`).waitFor();
  });

  it('filters by kind and text, and exports what is shown as CSV, the export itself logged', async () => {
    await search().fill(invoiceNumber);
    await entry(`Document of invoice ${invoiceNumber} retrieved and verified against its SHA-256.`).waitFor();
    await entry(`Document of invoice ${invoiceNumber} opened.`).waitFor();
    expect(await entries().count()).toBe(2);
    await search().fill('');
    await page.getByRole('combobox', { name: 'What' }).selectOption({ label: 'Changes' });
    await entry(/Cost centre .* changed\./).waitFor();
    await expect(entry(/^.*Document of invoice/).count()).resolves.toBe(0);
    const count = (await page.getByText(/^\d+ of \d+ entries$/).textContent()) ?? '';
    const shown = Number(count.split(' ')[0]);
    expect(shown).toBeGreaterThanOrEqual(2);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    const csv = (await bytesOf(await download)).toString('utf8');
    expect(csv).toContain('Audited centre');
    expect(csv).toContain('Our audited parcels');
    expect(csv).not.toContain(`Document of invoice ${invoiceNumber}`);
    // Header and one row per entry shown (no entry's text holds a line break).
    expect(csv.trim().split(/\r?\n/)).toHaveLength(shown + 1);
    await page.getByText(`${shown} entries exported to`).waitFor();

    await page.getByRole('button', { name: 'Reset filters' }).click();
    await entry(/Audit trail exported as .*\.csv: \d+ entries\./)
      .getByText(/^File SHA-256: [0-9a-f]{64}$/)
      .waitFor();
  });

  it('logs an export of the invoice list with the saved file’s name and SHA-256', async () => {
    await page.goto(`${app.web.url}#/invoices`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to CSV' }).click();
    const saved = await download;
    const hash = createHash('sha256')
      .update(await bytesOf(saved))
      .digest('hex');
    await page.goto(`${app.web.url}#/audit`);
    await entry(
      new RegExp(
        `Invoice list exported as ${saved.suggestedFilename().replace(/\./g, '\\.')}: \\d+ invoices\\.`,
      ),
    )
      .getByText(`File SHA-256: ${hash}`)
      .waitFor();
  });

  it('verifies the log, then names the entry deleted behind the app’s back', async () => {
    await page.getByRole('button', { name: 'Verify the log' }).click();
    await verdict()
      .getByText(/^The log is intact: \d+ entries, each linked to the one before\.$/)
      .waitFor();

    const deleted = await page.evaluate(
      async (name) => {
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => done(request.result);
          request.onerror = () => fail(new Error('open failed'));
        });
        const transaction = db.transaction('auditLog', 'readwrite');
        const store = transaction.objectStore('auditLog');
        const key = await new Promise<IDBValidKey | undefined>((done) => {
          const request = store.index('seq').getKey(2);
          request.onsuccess = () => done(request.result);
        });
        if (key === undefined) throw new Error('No entry 2');
        store.delete(key);
        await new Promise((done) => (transaction.oncomplete = done));
        db.close();
        return 2;
      },
      await activeDatabaseName(page),
    );
    await page.getByRole('button', { name: 'Verify the log' }).click();
    await verdict().getByText('The log is not intact: 1 problem.').waitFor();
    await verdict().getByText(`Entry ${deleted} was removed.`).waitFor();
  });

  it('reads well in every language and theme, at both window sizes, and axe finds nothing', async () => {
    const screens = resolve('test-results', 'screens-audit');
    mkdirSync(screens, { recursive: true });
    const languages: readonly Language[] = ['en', 'de', 'fr', 'it'];
    for (const language of languages) {
      for (const theme of ['light', 'dark'] as const) {
        await page.evaluate(
          ([lang, mode]) => {
            localStorage.setItem('invoice-desk.language', lang);
            localStorage.setItem('invoice-desk.theme', mode);
          },
          [language, theme] as const,
        );
        for (const [width, height] of [
          [1440, 900],
          [1024, 700],
        ] as const) {
          await page.setViewportSize({ width, height });
          await page.reload();
          const words = catalogues[language].auditTrail;
          await page.getByRole('heading', { level: 1, name: words.title }).waitFor();
          await page.getByRole('region', { name: words.list }).getByRole('listitem').first().waitFor();
          await page.getByRole('button', { name: words.verify.button }).click();
          await page
            .getByRole('status')
            .filter({ hasText: words.verify.problems.missing.replace('{{from}}', '2') })
            .waitFor();
          await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
          await page.screenshot({ path: resolve(screens, `audit-${language}-${theme}-${width}.png`) });
          if (width === 1440) expect(await runAxe(page), `${language} ${theme}`).toEqual([]);
        }
      }
    }
    await page.evaluate(() => {
      localStorage.setItem('invoice-desk.language', 'en');
      localStorage.setItem('invoice-desk.theme', 'light');
    });
  });
});
