import { sha256 } from '@noble/hashes/sha2.js';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../shared/api/schemas';
import { documentPath, encodeManifest, parseManifest, toHex } from '../../shared/archive/manifest';
import { ARCHIVE_ENTRIES } from '../../shared/archive/ports';
import { rezip, unzipAll } from '../../shared/archive/testing/doubles';
import { formatInteger } from '../../shared/core/format';
import { connectOperator, startSyncedApp, type Operator } from './appHarness';
import { z } from 'zod';

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let page: Page;
let operator: Operator;
let exported: Uint8Array;

beforeAll(async () => {
  app = await startSyncedApp();
  page = app.page;
  operator = await connectOperator(app.sim.url);
  // Chromium's save picker is a native dialog a test cannot answer: without it the archive is
  // gathered and downloaded, the browser fallback (the picker path is unit-tested in web.test.ts).
  await app.context.addInitScript(() => {
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined });
  });
  await page.goto(`${app.web.url}#/archive`);
  await page.reload();
  await page.getByRole('heading', { name: 'Archive', level: 1 }).waitFor();
}, 240_000);

afterAll(async () => {
  await app.close();
});

const bytesOf = async (download: Download): Promise<Uint8Array> => {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return new Uint8Array(Buffer.concat(chunks));
};

/** Every invoice the operator serves, through its change feed. */
const operatorInvoices = async (): Promise<Invoice[]> => {
  const invoices = new Map<string, Invoice>();
  let since: string | null = '';
  while (since !== null) {
    const query: string = since ? `&since=${encodeURIComponent(since)}` : '';
    const feed: { items: Invoice[]; next: string | null } = await operator.get(
      `/v1/invoices?limit=500${query}`,
    );
    for (const invoice of feed.items) invoices.set(invoice.id, invoice);
    since = feed.next;
  }
  return [...invoices.values()];
};

/** Hands a zip to "Verify archive" as the clerk's file chooser would, and waits for the report. */
const verifyInUi = async (name: string, zip: Uint8Array) => {
  await page
    .getByLabel('Choose archive…')
    .setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(zip) });
  const verify = page.getByRole('region', { name: 'Verify archive' });
  await verify.getByText(new RegExp(`“${name}” (is intact|does not match)`)).waitFor({ timeout: 60_000 });
  return verify;
};

describe('archive', () => {
  it('exports the archive from the page: every PDF is the operator’s, byte for byte, and the manifest lists it', async () => {
    const invoices = await operatorInvoices();
    expect(invoices).toHaveLength(app.stats.invoices);
    // The sync fetches the PDFs after the headers: the page counts them as they arrive.
    await page
      .getByText(`${formatInteger(invoices.length, 'en')} PDFs`, { exact: false })
      .waitFor({ timeout: 120_000 });

    const download = page.waitForEvent('download', { timeout: 120_000 });
    const started = Date.now();
    await page.getByRole('button', { name: 'Export archive…' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^invoice-desk-archive-[0-9-]+\.zip$/);
    exported = await bytesOf(file);
    await page
      .getByRole('status')
      .getByText(/The archive is saved/)
      .waitFor({ timeout: 60_000 });
    console.info(`archive export: ${Date.now() - started} ms, ${exported.byteLength} bytes`);

    // The export is in the audit trail with the saved zip's own SHA-256.
    await page.goto(`${app.web.url}#/audit`);
    await page.getByText(`File SHA-256: ${toHex(sha256(exported))}`).waitFor({ timeout: 30_000 });
    await page.goto(`${app.web.url}#/archive`);

    const files = await unzipAll(exported);
    const manifest = parseManifest(files.get(ARCHIVE_ENTRIES.manifest) ?? new Uint8Array());
    if (!manifest) throw new Error('no manifest');
    expect(manifest.counts).toMatchObject({
      invoices: app.stats.invoices,
      documents: app.stats.invoices,
      lines: app.stats.lines,
    });
    const listed = new Map(manifest.files.map((entry) => [entry.path, entry]));
    for (const invoice of invoices) {
      const pdf = await operator.bytes(`/v1/invoices/${encodeURIComponent(invoice.id)}/document`);
      const path = documentPath(invoice.number);
      const hash = toHex(sha256(pdf));
      expect(toHex(sha256(files.get(path) ?? new Uint8Array())), path).toBe(hash);
      expect(listed.get(path)?.sha256, path).toBe(hash);
      expect(hash).toBe(invoice.documentSha256);
    }
  }, 300_000);

  it('verifies the exported archive in the page: intact, signed with this installation’s key', async () => {
    const verify = await verifyInUi('archive.zip', exported);
    await verify.getByText('“archive.zip” is intact').waitFor();
    await verify.getByText('The manifest’s signature is valid.').waitFor();
    await verify.getByText('It was signed on this installation.').waitFor();
    await verify.getByText('No time stamp.').waitFor();
    await verify.getByText(/^The audit log’s hash chain of [\d’']+ entries is intact\.$/).waitFor();
  }, 120_000);

  it('names a PDF altered, one removed and one added, and a manifest changed after signing', async () => {
    const files = await unzipAll(exported);
    const pdfs = [...files.keys()].filter((name) => name.startsWith('documents/')).sort();
    const [alteredPath, removedPath] = pdfs;
    if (!alteredPath || !removedPath) throw new Error('too few PDFs');
    const altered = (files.get(alteredPath) ?? new Uint8Array()).slice();
    altered[altered.length - 20] = (altered[altered.length - 20] ?? 0) ^ 1;
    files.set(alteredPath, altered);
    files.delete(removedPath);
    files.set('documents/forged.pdf', new TextEncoder().encode('%PDF-1.7 forged'));
    // The audit log's second entry taken out: the chain names it.
    const log = z
      .array(z.unknown())
      .parse(JSON.parse(new TextDecoder().decode(files.get('audit-log.json') ?? new Uint8Array())));
    files.set(
      'audit-log.json',
      new TextEncoder().encode(JSON.stringify(log.filter((_, index) => index !== 1))),
    );
    const verify = await verifyInUi('tampered.zip', rezip(files));
    await verify.getByText('“tampered.zip” does not match what was signed.').waitFor();
    await verify.getByText('Entry 2 was removed.').waitFor();
    const list = (name: string) => verify.getByRole('list', { name });
    await expect(
      list('Altered: not what the manifest says').getByRole('listitem').allTextContents(),
    ).resolves.toEqual([`${alteredPath}: content changed`, 'audit-log.json: size changed']);
    await expect(list('Missing: listed in the manifest, not in the zip').textContent()).resolves.toBe(
      removedPath,
    );
    await expect(list('Added: in the zip, not in the manifest').textContent()).resolves.toBe(
      'documents/forged.pdf',
    );
    // The manifest itself was not touched: its signature still holds.
    await verify.getByText('The manifest’s signature is valid.').waitFor();

    // Hiding the removal in the manifest breaks its signature instead.
    const manifest = parseManifest(files.get(ARCHIVE_ENTRIES.manifest) ?? new Uint8Array());
    if (!manifest) throw new Error('no manifest');
    files.set(alteredPath, (await unzipAll(exported)).get(alteredPath) ?? new Uint8Array());
    files.delete('documents/forged.pdf');
    files.set(
      ARCHIVE_ENTRIES.manifest,
      encodeManifest({ ...manifest, files: manifest.files.filter((entry) => entry.path !== removedPath) }),
    );
    const forged = await verifyInUi('forged-manifest.zip', rezip(files));
    await forged.getByText('“forged-manifest.zip” does not match what was signed.').waitFor();
    await forged
      .getByText('The manifest’s signature does not match: the manifest was changed after it was signed.')
      .waitFor();
  }, 120_000);

  it('with the simulator’s time-stamping authority configured, stamps the manifest and the stamp verifies', async () => {
    await page.evaluate((url) => {
      localStorage.setItem('invoice-desk.timestamp-authority-url', url);
    }, `${app.sim.url}/tsa`);
    await page.reload();
    await page.getByText('The manifest is time-stamped by the configured time-stamping authority.').waitFor();
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Export archive…' }).click();
    const stamped = await bytesOf(await download);
    await page.getByRole('status').getByText('The manifest is time-stamped.').waitFor({ timeout: 60_000 });
    const files = await unzipAll(stamped);
    expect(files.get(ARCHIVE_ENTRIES.timestamp)?.byteLength).toBeGreaterThan(100);

    const verify = await verifyInUi('stamped.zip', stamped);
    await verify.getByText('“stamped.zip” is intact', { exact: false }).waitFor();
    await verify.getByText(/^Time-stamped on .+; the time stamp is valid\.$/).waitFor();
  }, 180_000);

  it('answers a file that is no archive with a clear message', async () => {
    await page.getByLabel('Choose archive…').setInputFiles({
      name: 'notes.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('these are notes, not a zip'),
    });
    await page.getByText('“notes.zip” is not a zip file.').waitFor();
  });
});
