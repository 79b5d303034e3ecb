/**
 * Invariants over the whole demo data set, read through the API exactly as a client would.
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  InvoiceFeedEnvelopeSchema,
  InvoiceSchema,
  LineItemSchema,
  LinesEnvelopeSchema,
  MoneySchema,
  type Invoice,
  type LineItem,
} from '../shared/api/schemas';
import { formatMoney, lineNetAmount, parseMoney, vatAmount } from '../shared/core/money';
import { mod10Recursive } from './data/qrReference';
import { checkPdfStructure } from './pdf/pdfStructure';
import { openTestApi, TEST_NOW, type TestApi } from './testing/testApi';
import { firstServedIssueDate } from '../shared/sync/retention';

const MoneySums = z.object({ lines: z.int(), net: MoneySchema, vat: MoneySchema, gross: MoneySchema });
const StatsSchema = z.object({
  now: z.iso.datetime(),
  invoices: z.int(),
  lines: z.int(),
  netTotal: MoneySchema,
  vatTotal: MoneySchema,
  grossTotal: MoneySchema,
  perService: z.record(z.string(), MoneySums),
});

interface Downloaded {
  readonly invoice: Invoice;
  readonly lines: readonly LineItem[];
  readonly pdf: Buffer;
  readonly reprDigest: string | null;
}

let api: TestApi;
let feedItemsSeen = 0;
const invoices = new Map<string, Invoice>();
const downloads: Downloaded[] = [];

const readFeed = async (): Promise<void> => {
  let since: string | null = null;
  for (;;) {
    const query: string = since === null ? '?limit=25' : `?limit=25&since=${since}`;
    const page = InvoiceFeedEnvelopeSchema.parse((await api.json(`/v1/invoices${query}`)).body);
    for (const item of page.items) {
      const invoice = InvoiceSchema.parse(item);
      feedItemsSeen += 1;
      const known = invoices.get(invoice.id);
      if (known === undefined || known.revision <= invoice.revision) invoices.set(invoice.id, invoice);
    }
    if (page.next === null) return;
    since = page.next;
  }
};

const readLines = async (invoice: Invoice): Promise<LineItem[]> => {
  const lines: LineItem[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '?limit=5000' : `?limit=5000&cursor=${cursor}`;
    const page = LinesEnvelopeSchema.parse((await api.json(`/v1/invoices/${invoice.id}/lines${query}`)).body);
    for (const item of page.items) lines.push(LineItemSchema.parse(item));
    cursor = page.next;
  } while (cursor !== null);
  return lines;
};

const download = async (invoice: Invoice): Promise<Downloaded> => {
  const lines = await readLines(invoice);
  const response = await api.request(`/v1/invoices/${invoice.id}/document`);
  const pdf = Buffer.from(await response.arrayBuffer());
  return { invoice, lines, pdf, reprDigest: response.headers.get('repr-digest') };
};

beforeAll(async () => {
  api = await openTestApi();
  await readFeed();
  const queue = [...invoices.values()];
  // A few requests in flight at a time, like a real sync engine.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let invoice = queue.shift(); invoice !== undefined; invoice = queue.shift()) {
        downloads.push(await download(invoice));
      }
    }),
  );
}, 60_000);
afterAll(() => api.close());

describe('the demo data set', () => {
  it('has a realistic size', () => {
    const lineCount = downloads.reduce((sum, d) => sum + d.lines.length, 0);
    expect(invoices.size).toBeGreaterThan(150);
    expect(lineCount).toBeGreaterThan(15_000);
    expect(lineCount).toBeLessThan(30_000);
    const types = new Set([...invoices.values()].map((i) => i.type));
    expect(types).toEqual(new Set(['invoice', 'credit-note']));
    const statuses = new Set([...invoices.values()].map((i) => i.status));
    for (const status of ['open', 'paid', 'overdue', 'cancelled'] as const)
      expect(statuses).toContain(status);
  });

  it('the feed repeats some items across pages but ends with every invoice once', () => {
    expect(feedItemsSeen).toBeGreaterThan(invoices.size);
  });

  it('serves nothing issued before the 18-month window or after the clock', () => {
    // Issued 2025-05-22: its 18 months end on 2026-11-22, the simulator's date, so it is gone.
    const windowStart = firstServedIssueDate(TEST_NOW);
    expect(windowStart).toBe('2025-05-23');
    for (const invoice of invoices.values()) {
      expect(invoice.issueDate >= windowStart).toBe(true);
      expect(invoice.issueDate <= TEST_NOW).toBe(true);
      expect(invoice.updatedAt <= `${TEST_NOW}T12:00:00Z`).toBe(true);
    }
  });

  it('every header is consistent with its lines, to the centime', () => {
    for (const { invoice, lines } of downloads) {
      expect(lines).toHaveLength(invoice.lineCount);
      expect(lines.map((l) => l.lineNo)).toEqual(Array.from({ length: lines.length }, (_, i) => i + 1));
      const net = lines.reduce((sum, l) => sum + parseMoney(l.netAmount), 0);
      const vat = lines.reduce((sum, l) => sum + parseMoney(l.vatAmount), 0);
      expect(invoice.netTotal).toBe(formatMoney(net));
      expect(invoice.vatTotal).toBe(formatMoney(vat));
      expect(invoice.grossTotal).toBe(formatMoney(net + vat));
      expect(parseMoney(invoice.grossTotal)).toBe(
        parseMoney(invoice.netTotal) + parseMoney(invoice.vatTotal),
      );
    }
  });

  it('every line amount is quantity x unit price and VAT at its rate, rounded half away from zero', () => {
    // Collected rather than asserted one by one: twenty thousand expect() calls are slow.
    const wrong: string[] = [];
    for (const { invoice, lines } of downloads) {
      for (const line of lines) {
        const net = parseMoney(line.netAmount);
        if (net !== lineNetAmount(line.quantity, line.unitPrice))
          wrong.push(`${invoice.id}/${line.lineNo} net`);
        if (parseMoney(line.vatAmount) !== vatAmount(net, line.vatRate))
          wrong.push(`${invoice.id}/${line.lineNo} vat`);
        if (line.invoiceReference !== invoice.invoiceReference)
          wrong.push(`${invoice.id}/${line.lineNo} rrn`);
        if (line.serviceDate < invoice.periodStart || line.serviceDate > invoice.periodEnd) {
          wrong.push(`${invoice.id}/${line.lineNo} date`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reserved letters are VAT-exempt and some lines carry a customer reference', () => {
    const lines = downloads.flatMap((d) => d.lines);
    const exempt = lines.filter((l) => l.vatRate === '0.0');
    expect(new Set(exempt.map((l) => l.serviceCode))).toEqual(
      new Set(['A-STD', 'B-STD', 'A-MIDI', 'B-MIDI']),
    );
    expect(new Set(lines.map((l) => l.vatRate))).toEqual(new Set(['0.0', '8.1']));
    const withReference = lines.filter((l) => l.customerReference !== null).length;
    expect(withReference).toBeGreaterThan(lines.length * 0.1);
    expect(withReference).toBeLessThan(lines.length * 0.9);
  });

  it('credit notes correct an invoice with negative amounts and carry no QR reference', () => {
    const creditNotes = [...invoices.values()].filter((i) => i.type === 'credit-note');
    expect(creditNotes.length).toBeGreaterThan(0);
    for (const note of creditNotes) {
      expect(note.correctsInvoiceId).toMatch(/^INV-/);
      expect(note.qrReference).toBeNull();
      expect(parseMoney(note.netTotal)).toBeLessThan(0);
    }
    for (const invoice of [...invoices.values()].filter((i) => i.type === 'invoice')) {
      expect(invoice.qrReference).toMatch(/^[0-9]{27}$/);
      const reference = invoice.qrReference ?? '';
      expect(mod10Recursive(reference.slice(0, 26))).toBe(Number(reference[26]));
      expect(parseMoney(invoice.netTotal)).toBeGreaterThan(0);
    }
  });

  it('every document hashes to documentSha256 and to its Repr-Digest, and is a well-formed PDF', () => {
    for (const { invoice, pdf, reprDigest } of downloads) {
      const digest = createHash('sha256').update(pdf).digest();
      expect(digest.toString('hex')).toBe(invoice.documentSha256);
      expect(reprDigest).toBe(`sha-256=:${digest.toString('base64')}:`);
      expect(checkPdfStructure(pdf)).toEqual([]);
    }
  });

  it('documents open in an independent PDF parser', async () => {
    for (const { pdf } of downloads.slice(0, 12)) {
      const document = await PDFDocument.load(pdf, { throwOnInvalidObject: true, updateMetadata: false });
      expect(document.getPageCount()).toBeGreaterThanOrEqual(1);
    }
  });

  it('the statistics endpoint agrees with the data served', async () => {
    const stats = StatsSchema.parse((await api.control('/__sim/stats', 'GET')).body);
    const lines = downloads.flatMap((d) => d.lines);
    expect(stats.invoices).toBe(invoices.size);
    expect(stats.lines).toBe(lines.length);
    const net = lines.reduce((sum, l) => sum + parseMoney(l.netAmount), 0);
    const vat = lines.reduce((sum, l) => sum + parseMoney(l.vatAmount), 0);
    expect(stats.netTotal).toBe(formatMoney(net));
    expect(stats.vatTotal).toBe(formatMoney(vat));
    expect(stats.grossTotal).toBe(formatMoney(net + vat));
    const promo = lines.filter((l) => l.serviceCode === 'B-STD');
    expect(stats.perService['B-STD']?.lines).toBe(promo.length);
    expect(stats.perService['B-STD']?.net).toBe(
      formatMoney(promo.reduce((s, l) => s + parseMoney(l.netAmount), 0)),
    );
  });
});
