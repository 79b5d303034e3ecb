import { afterEach, describe, expect, it } from 'vitest';
import { createDexieSyncStore } from '../../renderer/db/syncStore';
import { firstServedIssueDate } from '../../shared/sync/retention';
import type { RunningSimulator } from '../../simulator/server';
import {
  control,
  createTestClient,
  openTestDatabase,
  SIM_NOW,
  snapshot,
  startTestSimulator,
  syncOnce,
} from './syncHarness';

let sim: RunningSimulator | null = null;

afterEach(async () => {
  await sim?.close();
  sim = null;
});

describe('sync under faults', () => {
  it('completes through 429/503 with Retry-After, resets, truncated bodies and expiring tokens, quarantining the invalid items', async () => {
    sim = await startTestSimulator({ tokenLifetimeSeconds: 3 });
    const reference = openTestDatabase();
    const referenceRun = await syncOnce(reference, createTestClient(sim.url));
    expect(referenceRun.outcome).toBe('ok');
    const expected = await snapshot(reference);

    const db = openTestDatabase();
    const api = createTestClient(sim.url);
    // Retry-After is honoured: the first two feed requests are refused for a second each.
    await control(sim.url, 'faults', {
      retryAfterSeconds: 1,
      failNext: { kind: '429', count: 1, pathPrefix: '/v1/invoices' },
    });
    const started = Date.now();
    await api.getInvoiceChanges({ limit: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);

    await control(sim.url, 'faults', {
      retryAfterSeconds: 0,
      rate429: 0.03,
      rate503: 0.03,
      resetRate: 0.03,
      truncateRate: 0.03,
      failNext: { kind: '503', count: 2, pathPrefix: '/v1/invoices' },
      invalidItemNext: 'invoices',
    });
    let revoked = false;
    const run = await syncOnce(db, api, {
      onProgress: (progress) => {
        if (!revoked && progress.phase === 'lines') {
          revoked = true;
          void control(sim!.url, 'tokens/revoke');
          void control(sim!.url, 'faults', { invalidItemNext: 'lines' });
        }
      },
    });
    await control(sim.url, 'faults', undefined, 'DELETE');
    expect(run.outcome).toBe('ok');
    expect(revoked).toBe(true);

    const quarantine = await db.quarantine.toArray();
    const invoiceEntry = quarantine.find((entry) => entry.kind === 'invoice');
    const lineEntry = quarantine.find((entry) => entry.kind === 'line');
    expect(invoiceEntry?.itemId).toMatch(/.+/);
    expect(invoiceEntry?.issues).toMatch(/:/);
    expect(lineEntry?.invoiceId).toMatch(/.+/);
    expect(lineEntry?.itemId).toMatch(/^\d+$/);

    // Everything else arrived exactly: the archive equals the reference minus the quarantined items.
    const got = await snapshot(db);
    const quarantinedInvoice = invoiceEntry?.itemId ?? '';
    expect(got.invoices.map((invoice) => invoice.id)).toEqual(
      expected.invoices.map((invoice) => invoice.id).filter((id) => id !== quarantinedInvoice),
    );
    const linesGot = got.blocks.reduce((sum, block) => sum + block.count, 0);
    const linesExpected = expected.blocks
      .filter((block) => !block.key.startsWith(`${quarantinedInvoice}#`))
      .reduce((sum, block) => sum + block.count, 0);
    expect(linesGot).toBe(linesExpected - 1);
    const shortInvoice = got.invoices.find((invoice) => invoice.id === lineEntry?.invoiceId);
    expect(shortInvoice && shortInvoice.linesStored).toBe((shortInvoice?.lineCount ?? 0) - 1);
  }, 180_000);
});

describe('sync across the retention window', () => {
  it('after a clock advance, new invoices arrive and those that left the window stay, marked archived', async () => {
    sim = await startTestSimulator();
    const db = openTestDatabase();
    const api = createTestClient(sim.url);
    await syncOnce(db, api);
    const before = await snapshot(db);
    expect(before.invoices.every((invoice) => invoice.archived === 0)).toBe(true);

    const { now } = (await control(sim.url, 'clock', { advanceDays: 75 })) as { now: string };
    const run = await syncOnce(db, api, { now: () => new Date(now) });
    expect(run.outcome).toBe('ok');
    expect(run.newInvoices).toBeGreaterThan(0);

    const after = await snapshot(db);
    const cutoff = firstServedIssueDate(now.slice(0, 10));
    for (const invoice of before.invoices) {
      const kept = after.invoices.find((candidate) => candidate.id === invoice.id);
      expect(kept, invoice.id).toBeDefined();
      expect(kept?.archived, invoice.id).toBe(invoice.issueDate < cutoff ? 1 : 0);
    }
    expect(after.invoices.some((invoice) => invoice.archived === 1)).toBe(true);
    // The archived invoices keep every line and their verified PDF.
    const archivedIds = new Set(
      after.invoices.filter((invoice) => invoice.archived === 1).map((invoice) => invoice.id),
    );
    expect(
      after.documents
        .filter((document) => archivedIds.has(document.invoiceId))
        .every((document) => document.verified),
    ).toBe(true);
    for (const id of archivedIds) {
      const invoice = after.invoices.find((candidate) => candidate.id === id);
      expect(invoice?.linesStored).toBe(invoice?.lineCount);
    }
    // A status moved on the operator's side arrives as a higher revision.
    expect(run.updatedInvoices).toBeGreaterThan(0);
  }, 120_000);

  it('an invoice that left the window before its lines were fetched is kept with what there is, not retried forever', async () => {
    sim = await startTestSimulator({ now: SIM_NOW });
    const db = openTestDatabase();
    const api = createTestClient(sim.url);
    const store = createDexieSyncStore(db);
    // Take only the headers, as if the app had been closed right after the feed.
    await expect(
      syncOnce(db, api, {
        store: {
          ...store,
          commitLinesPages: () => Promise.reject(new Error('closed')),
        },
      }),
    ).rejects.toThrow('closed');
    const { now } = (await control(sim.url, 'clock', { advanceDays: 120 })) as { now: string };
    const run = await syncOnce(db, api, { now: () => new Date(now) });
    expect(run.outcome).toBe('ok');
    const gone = await db.invoices.where('linesState').equals('gone').toArray();
    expect(gone.length).toBeGreaterThan(0);
    expect(
      gone.every(
        (invoice) => invoice.archived === 1 && invoice.issueDate < firstServedIssueDate(now.slice(0, 10)),
      ),
    ).toBe(true);
    expect(await store.pendingLines(10, now)).toEqual([]);
  }, 120_000);
});

describe('document integrity', () => {
  it('a PDF whose bytes are not the document the invoice names is kept flagged, never shown as verified', async () => {
    sim = await startTestSimulator();
    const db = openTestDatabase();
    const honest = createTestClient(sim.url);
    let tampered = '';
    const api = {
      ...honest,
      getInvoiceDocument: async (invoiceId: string, options?: { signal?: AbortSignal }) => {
        const document = await honest.getInvoiceDocument(invoiceId, options);
        if (tampered !== '') return document;
        tampered = invoiceId;
        // Bytes that verify against their own digest but are not what the invoice header promised.
        const bytes = new Uint8Array(document.bytes);
        bytes[bytes.length - 2] = (bytes[bytes.length - 2] ?? 0) ^ 0xff;
        const digest = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
        return { ...document, bytes, sha256Hex: digest };
      },
    };
    expect((await syncOnce(db, api)).outcome).toBe('ok');
    const flagged = await db.invoices.get(tampered);
    expect(flagged?.documentState).toBe('mismatch');
    const stored = await db.documents.get(tampered);
    expect(stored).toMatchObject({ verified: false, verifiedAt: null });
    const verified = await db.invoices.where('documentState').equals('verified').count();
    expect(verified).toBe((await db.invoices.count()) - 1);
  }, 120_000);
});
