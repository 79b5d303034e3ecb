/**
 * Invoices as the API serves them: headers with totals and the document digest, pages of lines and
 * the PDF. Totals and digests are computed on first use and cached (a few hundred bytes per
 * invoice); the last few documents are kept so that a header followed by its document costs one
 * rendering, not two.
 */
import { createHash } from 'node:crypto';
import type { Invoice, LineItem } from '../../shared/api/schemas';
import { formatMoney } from '../../shared/core/money';
import { renderInvoiceDocument } from '../pdf/invoiceDocument';
import { isoDate, isoInstant } from './calendar';
import { serviceAt } from './catalogue';
import type { CustomerModel } from './customer';
import { computeTotals, type InvoiceTotals } from './invoiceTotals';
import type { InvoiceMeta, InvoiceState, Ledger } from './ledger';
import { lineCore, plantedLine, toLineItem, type Plant } from './lines';

export interface InvoiceDocument {
  readonly bytes: Uint8Array;
  readonly sha256Hex: string;
  /** RFC 9530 Repr-Digest value: sha-256=:base64: */
  readonly reprDigest: string;
}

export interface InvoiceSummary {
  readonly totals: InvoiceTotals;
  readonly sha256Hex: string;
  readonly reprDigest: string;
}

export interface InvoiceRepository {
  readonly model: CustomerModel;
  readonly ledger: Ledger;
  summary(meta: InvoiceMeta): InvoiceSummary;
  document(meta: InvoiceMeta): InvoiceDocument;
  header(state: InvoiceState): Invoice;
  lines(meta: InvoiceMeta, offset: number, limit: number): LineItem[];
  /**
   * Plants an anomaly (a test instrument): from now on the lines of the service in the invoices of
   * that month carry `factor` times their quantity, and their totals and documents follow. The
   * invoices keep their revision, so a client sees it only in invoices it has not fetched yet.
   */
  plant(plant: Plant): void;
}

const DOCUMENT_CACHE_SIZE = 16;
const SHARED_DATA_SETS = 8;

/**
 * Summaries depend only on the data set (seed and profile) and the invoice, so simulators in one
 * process share them: a test suite that starts many simulators computes each document digest once.
 */
const sharedSummaries = new Map<string, Map<string, InvoiceSummary>>();

const summariesFor = (dataSet: string): Map<string, InvoiceSummary> => {
  const existing = sharedSummaries.get(dataSet);
  if (existing !== undefined) {
    sharedSummaries.delete(dataSet);
    sharedSummaries.set(dataSet, existing);
    return existing;
  }
  const created = new Map<string, InvoiceSummary>();
  sharedSummaries.set(dataSet, created);
  if (sharedSummaries.size > SHARED_DATA_SETS) {
    const oldest = sharedSummaries.keys().next();
    if (oldest.done !== true) sharedSummaries.delete(oldest.value);
  }
  return created;
};
const vatBasisPointsOf = (serviceIndex: number): number => serviceAt(serviceIndex).vatBasisPoints;

/** `dataSet` names what the model and ledger were generated from, e.g. "demo:1". */
export const createInvoiceRepository = (
  model: CustomerModel,
  ledger: Ledger,
  dataSet: string,
): InvoiceRepository => {
  let summaries = summariesFor(dataSet);
  const documents = new Map<string, InvoiceDocument>();
  const plants: Plant[] = [];
  const lineAt = (meta: InvoiceMeta, lineNo: number) =>
    plants.length === 0 ? lineCore(meta, lineNo) : plantedLine(lineCore(meta, lineNo), meta, plants);

  const remember = (id: string, document: InvoiceDocument): void => {
    documents.delete(id);
    documents.set(id, document);
    if (documents.size > DOCUMENT_CACHE_SIZE) {
      const oldest = documents.keys().next();
      if (oldest.done !== true) documents.delete(oldest.value);
    }
  };

  const render = (meta: InvoiceMeta): { document: InvoiceDocument; totals: InvoiceTotals } => {
    const { totals, lines } = computeTotals(meta, vatBasisPointsOf, lineAt);
    const bytes = renderInvoiceDocument({ meta, model, totals, lines });
    const digest = createHash('sha256').update(bytes).digest();
    const document: InvoiceDocument = {
      bytes,
      sha256Hex: digest.toString('hex'),
      reprDigest: `sha-256=:${digest.toString('base64')}:`,
    };
    remember(meta.id, document);
    return { document, totals };
  };

  const summary = (meta: InvoiceMeta): InvoiceSummary => {
    const cached = summaries.get(meta.id);
    if (cached !== undefined) return cached;
    const { document, totals } = render(meta);
    const result: InvoiceSummary = { totals, sha256Hex: document.sha256Hex, reprDigest: document.reprDigest };
    summaries.set(meta.id, result);
    return result;
  };

  return {
    model,
    ledger,
    summary,
    document: (meta) => {
      const cached = documents.get(meta.id);
      if (cached !== undefined) return cached;
      const { document, totals } = render(meta);
      if (!summaries.has(meta.id)) {
        summaries.set(meta.id, { totals, sha256Hex: document.sha256Hex, reprDigest: document.reprDigest });
      }
      return document;
    },
    header: (state) => {
      const { meta } = state;
      const { totals, sha256Hex } = summary(meta);
      return {
        id: meta.id,
        number: meta.number,
        debtorNumber: meta.rrn.debtorNumber,
        invoiceReference: meta.rrn.number,
        type: meta.type,
        correctsInvoiceId: meta.correction?.original.id ?? null,
        issueDate: isoDate(meta.issueDate),
        dueDate: isoDate(meta.dueDate),
        periodStart: isoDate(meta.periodStart),
        periodEnd: isoDate(meta.periodEnd),
        currency: 'CHF',
        netTotal: formatMoney(totals.net),
        vatTotal: formatMoney(totals.vat),
        grossTotal: formatMoney(totals.gross),
        status: state.status,
        qrReference: meta.qrReference,
        lineCount: totals.lineCount,
        documentSha256: sha256Hex,
        revision: state.revision,
        updatedAt: isoInstant(state.changedAt),
      } satisfies Invoice;
    },
    lines: (meta, offset, limit) => {
      const items: LineItem[] = [];
      const end = Math.min(meta.lineCount, offset + limit);
      for (let lineNo = offset + 1; lineNo <= end; lineNo++)
        items.push(toLineItem(lineAt(meta, lineNo), meta, model));
      return items;
    },
    plant: (plant) => {
      plants.push(plant);
      // Totals and documents of this data set are shared between simulators: a planted one keeps its own.
      summaries = new Map();
      documents.clear();
    },
  };
};
