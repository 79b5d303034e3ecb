/**
 * Read-only calls: customer, service catalogue, invoice change feed, lines and documents.
 */
import type { Customer, Invoice, LineItem, Service } from './schemas';
import { parseLineItemFast } from './fastLineItem';
import {
  CustomerSchema,
  InvoiceFeedEnvelopeSchema,
  InvoiceSchema,
  LineItemSchema,
  LinesEnvelopeSchema,
  ListEnvelopeSchema,
  ServiceSchema,
} from './schemas';
import { InvalidResponseError } from './errors';
import type { Http } from './http';
import { segment, withQuery } from './paths';
import { PDF_MAX_BYTES, readBytes, readJson, type ApiStep } from './read';
import { noStepClock, type StepClock } from '../core/stepClock';
import type { InvalidItem, ValidatedItems } from './validate';
import { memberId, parseOrThrow, validateItems } from './validate';
import type { DocumentDigest } from './digest';
import { reprDigestSha256Hex, sha256Hex } from './digest';

// ---------------------------------------------------------------------------------------------
// Contract

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface InvoiceChangesParams {
  /** Opaque position: a previous page's `next`, or the stored `cursor` of the last synchronisation. */
  readonly since?: string;
  /** 1 to 500 (server default 100); anything else answers 400. */
  readonly limit?: number;
}

export interface InvoiceChangesPage extends ValidatedItems<Invoice> {
  /** More changes are waiting: call again with since=next. */
  readonly next: string | null;
  /** When `next` is null, store this and pass it as `since` next time. */
  readonly cursor: string;
}

export interface InvoiceLinesParams {
  readonly cursor?: string;
  /** 1 to 5000 (server default 1000). */
  readonly limit?: number;
}

export interface InvoiceLinesPage extends ValidatedItems<LineItem> {
  readonly next: string | null;
}

export interface InvoiceDocument extends DocumentDigest {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly etag: string | undefined;
  /** The Repr-Digest header as received. */
  readonly reprDigest: string;
}

export interface InvoiceCalls {
  getCustomer(options?: CallOptions): Promise<Customer>;
  listServices(options?: CallOptions): Promise<ValidatedItems<Service>>;
  getInvoiceChanges(params?: InvoiceChangesParams, options?: CallOptions): Promise<InvoiceChangesPage>;
  /** Every page from `since` until `next` is null; the last page's cursor is the one to store. */
  iterateInvoiceChanges(
    params?: InvoiceChangesParams,
    options?: CallOptions,
  ): AsyncGenerator<InvoiceChangesPage>;
  getInvoiceLines(
    invoiceId: string,
    params?: InvoiceLinesParams,
    options?: CallOptions,
  ): Promise<InvoiceLinesPage>;
  iterateInvoiceLines(
    invoiceId: string,
    params?: InvoiceLinesParams,
    options?: CallOptions,
  ): AsyncGenerator<InvoiceLinesPage>;
  /** All lines of an invoice; `invalid[].index` counts across pages. */
  getAllInvoiceLines(
    invoiceId: string,
    params?: Pick<InvoiceLinesParams, 'limit'>,
    options?: CallOptions,
  ): Promise<ValidatedItems<LineItem>>;
  /** The PDF, its bytes verified against Repr-Digest (compare with the invoice: documentMatchesInvoice). */
  getInvoiceDocument(invoiceId: string, options?: CallOptions): Promise<InvoiceDocument>;
}

// ---------------------------------------------------------------------------------------------
// Implementation

const invoiceId = memberId('id');
const lineId = memberId('lineNo');
const serviceId = memberId('code');

// A server that hands back the position it was given would keep an iterator busy forever.
const noProgress = (what: string, next: string): InvalidResponseError =>
  new InvalidResponseError(`The ${what} did not advance: next is again ${JSON.stringify(next)}`, {
    status: 200,
    reason: 'schema',
  });

const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

const startsWithPdfSignature = (bytes: Uint8Array): boolean =>
  PDF_SIGNATURE.every((byte, index) => bytes[index] === byte);

export const createInvoiceCalls = (http: Http, steps: StepClock<ApiStep> = noStepClock()): InvoiceCalls => {
  const getJson = <T>(
    path: string,
    read: (json: unknown, status: number) => T,
    options: CallOptions,
  ): Promise<T> =>
    http.send({
      method: 'GET',
      path,
      signal: options.signal,
      read: async (response) => {
        const json = await readJson(response, undefined, steps);
        return steps.time('validation', () => read(json, response.status));
      },
    });

  const getInvoiceChanges = (params: InvoiceChangesParams = {}, options: CallOptions = {}) =>
    getJson(
      withQuery('/v1/invoices', { since: params.since, limit: params.limit }),
      (json, status) => {
        const page = parseOrThrow(InvoiceFeedEnvelopeSchema, json, 'The invoice feed page', status);
        return {
          ...validateItems(page.items, InvoiceSchema, invoiceId),
          next: page.next,
          cursor: page.cursor,
        };
      },
      options,
    );

  const getInvoiceLines = async (id: string, params: InvoiceLinesParams = {}, options: CallOptions = {}) =>
    getJson(
      withQuery(`/v1/invoices/${segment(id)}/lines`, { cursor: params.cursor, limit: params.limit }),
      (json, status) => {
        const page = parseOrThrow(LinesEnvelopeSchema, json, 'The lines page', status);
        return { ...validateItems(page.items, LineItemSchema, lineId, parseLineItemFast), next: page.next };
      },
      options,
    );

  async function* iterateInvoiceChanges(
    params: InvoiceChangesParams = {},
    options: CallOptions = {},
  ): AsyncGenerator<InvoiceChangesPage> {
    let since = params.since;
    for (;;) {
      const page = await getInvoiceChanges({ ...params, ...(since === undefined ? {} : { since }) }, options);
      yield page;
      if (page.next === null) return;
      if (page.next === since) throw noProgress('invoice feed', page.next);
      since = page.next;
    }
  }

  async function* iterateInvoiceLines(
    id: string,
    params: InvoiceLinesParams = {},
    options: CallOptions = {},
  ): AsyncGenerator<InvoiceLinesPage> {
    let cursor = params.cursor;
    for (;;) {
      const page = await getInvoiceLines(
        id,
        { ...params, ...(cursor === undefined ? {} : { cursor }) },
        options,
      );
      yield page;
      if (page.next === null) return;
      if (page.next === cursor) throw noProgress('lines', page.next);
      cursor = page.next;
    }
  }

  const getAllInvoiceLines = async (
    id: string,
    params: Pick<InvoiceLinesParams, 'limit'> = {},
    options: CallOptions = {},
  ): Promise<ValidatedItems<LineItem>> => {
    const items: LineItem[] = [];
    const invalid: InvalidItem[] = [];
    let offset = 0;
    for await (const page of iterateInvoiceLines(id, params, options)) {
      items.push(...page.items);
      invalid.push(...page.invalid.map((entry) => ({ ...entry, index: entry.index + offset })));
      offset += page.items.length + page.invalid.length;
    }
    return { items, invalid };
  };

  // async: an identifier refused by segment() rejects the promise instead of throwing synchronously.
  const getInvoiceDocument = async (id: string, options: CallOptions = {}): Promise<InvoiceDocument> =>
    http.send({
      method: 'GET',
      path: `/v1/invoices/${segment(id)}/document`,
      accept: 'application/pdf',
      signal: options.signal,
      read: async (response) => {
        const bytes = await steps.timeAsync('bodyTransfer', () =>
          readBytes(response, 'application/pdf', PDF_MAX_BYTES),
        );
        if (!startsWithPdfSignature(bytes)) {
          // An HTML error page with a matching digest is still not the invoice: final, not retried.
          throw new InvalidResponseError('The document is not a PDF: it does not start with %PDF-', {
            status: response.status,
            reason: 'contentType',
          });
        }
        const reprDigest = response.headers.get('repr-digest');
        const expected = reprDigestSha256Hex(reprDigest);
        if (reprDigest === null || expected === undefined) {
          throw new InvalidResponseError(
            `The document has no usable sha-256 Repr-Digest: ${String(reprDigest)}`,
            {
              status: response.status,
              reason: 'header',
            },
          );
        }
        const actual = await steps.timeAsync('pdfHashing', () => sha256Hex(bytes));
        if (actual !== expected) {
          throw new InvalidResponseError(
            `The document bytes hash to ${actual}, Repr-Digest says ${expected}`,
            {
              status: response.status,
              reason: 'digest',
            },
          );
        }
        return { bytes, etag: response.headers.get('etag') ?? undefined, reprDigest, sha256Hex: actual };
      },
    });

  return {
    getCustomer: (options = {}) =>
      getJson(
        '/v1/customer',
        (json, status) => parseOrThrow(CustomerSchema, json, 'The customer', status),
        options,
      ),
    listServices: (options = {}) =>
      getJson(
        '/v1/services',
        (json, status) =>
          validateItems(
            parseOrThrow(ListEnvelopeSchema, json, 'The service list', status).items,
            ServiceSchema,
            serviceId,
          ),
        options,
      ),
    getInvoiceChanges,
    iterateInvoiceChanges,
    getInvoiceLines,
    iterateInvoiceLines,
    getAllInvoiceLines,
    getInvoiceDocument,
  };
};
