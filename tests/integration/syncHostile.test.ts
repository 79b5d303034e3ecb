import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceFeedPageSchema, LinesPageSchema, type Invoice } from '../../shared/api/schemas';
import { firstServedIssueDate } from '../../shared/sync/retention';
import type { SyncStore } from '../../shared/sync/ports';
import { createDexieSyncStore } from '../../renderer/db/syncStore';
import type { RunningSimulator } from '../../simulator/server';
import { json, PASS, rewriteJson, startHostileProxy, type HostileProxy } from '../testing/hostileProxy';
import {
  createTestClient,
  LOCAL_NOW,
  openTestDatabase,
  SIM_NOW,
  snapshot,
  startTestSimulator,
  syncOnce,
} from './syncHarness';

/**
 * The sync engine against a hostile back end: the simulator's real data behind a proxy that
 * poisons, repeats, stalls and lies about the date. Each test states the defect it guards against.
 */

let sim: RunningSimulator;
let proxy: HostileProxy;
/** A clean archive of the same simulator: what every run should end up with, poison aside. */
let clean: Awaited<ReturnType<typeof snapshot>>;

const feedPage = (body: unknown) => InvoiceFeedPageSchema.parse(body);
const linesPage = (body: unknown) => LinesPageSchema.parse(body);

const invoiceOfPath = (path: string): string | undefined => /^\/v1\/invoices\/([^/]+)\//.exec(path)?.[1];

beforeAll(async () => {
  sim = await startTestSimulator();
  const reference = openTestDatabase();
  expect((await syncOnce(reference, createTestClient(sim.url))).outcome).toBe('ok');
  clean = await snapshot(reference);
}, 120_000);

afterAll(async () => {
  await sim.close();
});

afterEach(async () => {
  await proxy.close();
});

const open = async () => {
  proxy = await startHostileProxy(sim.url);
  return { db: openTestDatabase(), api: createTestClient(proxy.url) };
};

const withLines = (invoices: readonly Invoice[], min: number): Invoice => {
  const found = invoices.find((invoice) => invoice.lineCount >= min);
  if (!found) throw new Error(`no invoice with ${min} lines`);
  return found;
};

describe('the operator date', () => {
  it('an invoice with updatedAt 9999-12-31 archives nothing: the date comes from the Date header', async () => {
    const { db, api } = await open();
    const victim = clean.invoices[0]!.id;
    proxy.rules.push((request) =>
      request.path === '/v1/invoices'
        ? rewriteJson((body) => {
            const page = feedPage(body);
            for (const invoice of page.items) {
              if (invoice.id === victim) invoice.updatedAt = '9999-12-31T23:59:59Z';
            }
            return page;
          })
        : PASS,
    );
    expect((await syncOnce(db, api)).outcome).toBe('ok');
    const archived = await db.invoices.where('archived').equals(1).count();
    expect(archived).toBe(0);
  });

  it('a local clock days ahead of the operator archives nothing early; a Date header from later archives exactly the rule', async () => {
    const { db, api } = await open();
    const ahead = new Date(LOCAL_NOW.getTime() + 40 * 86_400_000);
    expect((await syncOnce(db, api, { now: () => ahead })).outcome).toBe('ok');
    expect(await db.invoices.where('archived').equals(1).count()).toBe(0);

    // The operator's own clock moves on 75 days: the invoices it no longer serves are archived.
    const later = new Date(Date.parse(`${SIM_NOW}T12:00:00Z`) + 75 * 86_400_000);
    proxy.rules.push(() => ({
      kind: 'rewrite',
      rewrite: (upstream) => ({ ...upstream, headers: { ...upstream.headers, date: later.toUTCString() } }),
    }));
    expect((await syncOnce(db, api)).outcome).toBe('ok');
    const cutoff = firstServedIssueDate(later.toISOString().slice(0, 10));
    const invoices = await db.invoices.toArray();
    expect(invoices.some((invoice) => invoice.archived === 1)).toBe(true);
    for (const invoice of invoices)
      expect(invoice.archived, invoice.id).toBe(invoice.issueDate < cutoff ? 1 : 0);
  });

  it('an archive set too early is undone when the operator still serves the invoice', async () => {
    const { db, api } = await open();
    expect((await syncOnce(db, api)).outcome).toBe('ok');
    // What the old engine did with a local clock ahead: archived what the operator still serves.
    await createDexieSyncStore(db).markArchived('2099-01-01');
    expect(await db.invoices.where('archived').equals(0).count()).toBe(0);
    expect((await syncOnce(db, api)).outcome).toBe('ok');
    expect(await db.invoices.where('archived').equals(1).count()).toBe(0);
  });
});

describe('no progress, no loop', () => {
  it('a feed whose next never advances stops the run after a few pages with a typed error', async () => {
    const { db, api } = await open();
    proxy.rules.push((request) =>
      request.path === '/v1/invoices' && request.query.has('since')
        ? rewriteJson((body) => ({ ...feedPage(body), next: request.query.get('since') }))
        : PASS,
    );
    await expect(syncOnce(db, api, { options: { feedPageSize: 20 } })).rejects.toMatchObject({
      code: 'sync.noProgress',
    });
    const feedRequests = proxy.requests.filter((request) => request.path === '/v1/invoices').length;
    expect(feedRequests).toBeLessThanOrEqual(5);
    expect((await db.syncRuns.toArray()).at(-1)?.error?.code).toBe('sync.noProgress');
  });

  it('a feed that repeats only what it already sent, under ever new cursors, stops too', async () => {
    const { db, api } = await open();
    let first: unknown = null;
    let n = 0;
    proxy.rules.push((request) => {
      if (request.path !== '/v1/invoices') return PASS;
      if (first === null) {
        return rewriteJson((body) => {
          first = body;
          return { ...feedPage(body), next: 'loop-0' };
        });
      }
      n += 1;
      return { kind: 'answer', answer: json(200, { ...feedPage(first), next: `loop-${n}` }) };
    });
    await expect(syncOnce(db, api, { options: { feedPageSize: 20 } })).rejects.toMatchObject({
      code: 'sync.noProgress',
    });
    expect(n).toBeLessThanOrEqual(4);
  });

  it('lines whose cursor never advances fail that invoice only; no duplicate blocks are stored', async () => {
    const { db, api } = await open();
    const biggest = clean.invoices.reduce((a, b) => (a.lineCount >= b.lineCount ? a : b));
    const pageSize = Math.floor(biggest.lineCount / 3);
    const victim = biggest.id;
    proxy.rules.push((request) =>
      invoiceOfPath(request.path) === victim && request.path.endsWith('/lines') && request.query.has('cursor')
        ? rewriteJson((body) => ({ ...linesPage(body), next: request.query.get('cursor') }))
        : PASS,
    );
    const run = await syncOnce(db, api, { options: { linesPageSize: pageSize } });
    expect(run).toMatchObject({ outcome: 'ok', failedInvoices: 1 });
    const blocks = await db.lineBlocks.where('invoiceId').equals(victim).toArray();
    // The first page was real; the repeats of the second page were never stored.
    expect(blocks.reduce((sum, block) => sum + block.count, 0)).toBe(pageSize);
    const stored = await db.invoices.get(victim);
    expect(stored?.linesFailure).toMatchObject({ what: 'lines', code: 'sync.noProgress', attempts: 1 });
    const quarantined = await db.quarantine.where('invoiceId').equals(victim).toArray();
    expect(quarantined.map((row) => row.kind)).toEqual(['lines']);
    // Every other invoice is complete, documents included.
    const others = (await db.invoices.toArray()).filter((invoice) => invoice.id !== victim);
    expect(others.every((invoice) => invoice.linesState === 'complete')).toBe(true);
    expect(await db.documents.count()).toBe(clean.documents.length);
  });

  it('lines beyond the invoice lineCount are quarantined, never stored', async () => {
    const { db, api } = await open();
    const victim = withLines(clean.invoices, 2);
    proxy.rules.push((request) =>
      invoiceOfPath(request.path) === victim.id && request.path.endsWith('/lines')
        ? rewriteJson((body) => {
            const page = linesPage(body);
            const last = page.items.at(-1);
            if (page.next === null && last) {
              for (let extra = 1; extra <= 3; extra++)
                page.items.push({ ...last, lineNo: last.lineNo + extra });
            }
            return page;
          })
        : PASS,
    );
    expect((await syncOnce(db, api)).outcome).toBe('ok');
    const stored = await db.invoices.get(victim.id);
    expect(stored).toMatchObject({ linesStored: victim.lineCount, linesState: 'complete' });
    const surplus = await db.quarantine.where('invoiceId').equals(victim.id).toArray();
    expect(surplus).toHaveLength(3);
    expect(surplus.every((row) => row.kind === 'line' && /lineCount/.test(row.issues))).toBe(true);
    const got = await snapshot(db);
    expect(got.rollups).toEqual(clean.rollups);
  });
});

describe('one bad invoice never blocks the others', () => {
  it('a 404 on one invoice lines and document marks it failed; the run completes, and a later run retries it', async () => {
    const { db, api } = await open();
    const victim = withLines(clean.invoices, 1).id;
    let poisoned = true;
    proxy.rules.push((request) =>
      poisoned && invoiceOfPath(request.path) === victim
        ? {
            kind: 'answer',
            answer: json(404, { type: 'about:blank', title: 'Not Found', status: 404 }),
          }
        : PASS,
    );
    const first = await syncOnce(db, api);
    expect(first).toMatchObject({ outcome: 'ok', failedInvoices: 2 });
    const failed = await db.invoices.get(victim);
    expect(failed?.linesFailure).toMatchObject({ code: 'api.notFound' });
    expect(failed?.documentFailure).toMatchObject({ code: 'api.notFound' });
    expect(await db.documents.count()).toBe(clean.documents.length - 1);
    expect(
      (await db.quarantine.where('invoiceId').equals(victim).toArray()).map((row) => row.kind).sort(),
    ).toEqual(['document', 'lines']);

    // Within its backoff it is left alone; after it, it is tried again and, healed, completes.
    const requestsBefore = proxy.requests.length;
    expect((await syncOnce(db, api)).outcome).toBe('ok');
    expect(
      proxy.requests.slice(requestsBefore).some((request) => invoiceOfPath(request.path) === victim),
    ).toBe(false);
    poisoned = false;
    const later = new Date(LOCAL_NOW.getTime() + 10 * 60_000);
    expect((await syncOnce(db, api, { now: () => later })).outcome).toBe('ok');
    expect(await db.quarantine.count()).toBe(0);
    const healed = await db.invoices.get(victim);
    expect(healed?.linesFailure).toBeUndefined();
    expect(healed?.documentFailure).toBeUndefined();
    expect(await snapshot(db)).toEqual(clean);
  });

  it('an invalid lines page fails its invoice only', async () => {
    const { db, api } = await open();
    const victim = withLines(clean.invoices, 1).id;
    proxy.rules.push((request) =>
      invoiceOfPath(request.path) === victim && request.path.endsWith('/lines')
        ? { kind: 'answer', answer: json(200, { items: 'nothing', next: 7 }) }
        : PASS,
    );
    const run = await syncOnce(db, api);
    expect(run).toMatchObject({ outcome: 'ok', failedInvoices: 1 });
    expect((await db.invoices.get(victim))?.linesFailure).toMatchObject({ code: 'api.invalidResponse' });
    expect(await db.documents.count()).toBe(clean.documents.length);
  });

  it('when one invoice fails the whole run (403), the other worker stops at once and commits nothing more', async () => {
    const { db, api } = await open();
    const [victim, slow] = clean.invoices
      .filter((invoice) => invoice.lineCount > 0)
      .map((invoice) => invoice.id);
    proxy.rules.push(async (request) => {
      const id = invoiceOfPath(request.path);
      if (id === victim) {
        return {
          kind: 'answer',
          answer: json(403, { type: 'about:blank', title: 'Forbidden', status: 403 }),
        };
      }
      if (id === slow) await new Promise((resolve) => setTimeout(resolve, 300));
      return PASS;
    });
    const store = createDexieSyncStore(db, () => LOCAL_NOW);
    let failedAt: number | null = null;
    const commitsAfterFailure: string[] = [];
    const watched: SyncStore = {
      ...store,
      commitLinesPages: async (pages) => {
        if (failedAt !== null) commitsAfterFailure.push(...pages.map((page) => page.invoiceId));
        await store.commitLinesPages(pages);
      },
    };
    await expect(syncOnce(db, api, { store: watched })).rejects.toMatchObject({ code: 'api.forbidden' });
    failedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(commitsAfterFailure).toEqual([]);
  });
});

describe('quarantine', () => {
  it('a quarantined invoice leaves the quarantine when its valid revision arrives', async () => {
    const { db, api } = await open();
    const victim = clean.invoices[3]!;
    let broken = true;
    let valid: Invoice | null = null;
    proxy.rules.push((request) =>
      request.path === '/v1/invoices'
        ? rewriteJson((body) => {
            const page = feedPage(body);
            if (broken) {
              const items = page.items.map((invoice) => {
                if (invoice.id !== victim.id) return invoice;
                valid = invoice;
                return { ...invoice, grossTotal: '12,5' };
              });
              return { ...page, items };
            }
            // The operator repeats the invoice (the contract allows it), valid this time.
            return valid && !page.items.some((invoice) => invoice.id === victim.id)
              ? { ...page, items: [...page.items, valid] }
              : page;
          })
        : PASS,
    );
    expect((await syncOnce(db, api)).outcome).toBe('ok');
    expect((await db.quarantine.toArray()).map((row) => row.itemId)).toEqual([victim.id]);
    expect(await db.invoices.get(victim.id)).toBeUndefined();
    broken = false;
    expect((await syncOnce(db, api)).outcome).toBe('ok');
    expect(await db.quarantine.count()).toBe(0);
    expect(await snapshot(db)).toEqual(clean);
  });
});
