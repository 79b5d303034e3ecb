/**
 * GET /v1/invoices (the change feed), GET /v1/invoices/{id}/lines and GET /v1/invoices/{id}/document.
 *
 * Feed order is the time of each invoice's latest change, then its id; a cursor is the position of
 * the last item delivered. A header that changes later (paid, overdue, cancelled) moves to the end
 * of the order with a higher revision, so a client that resumes from its cursor sees it again.
 * Some full pages deliberately end one item early in `next`, so the following page repeats an item,
 * as the contract allows; clients must cope.
 */
import type { Invoice, InvoiceFeedPage, LineItem, LinesPage } from '../../shared/api/schemas';
import type { Handler, SimulatorContext } from '../context';
import { FEED_START, type FeedPosition } from '../data/cursors';
import type { InvoiceMeta, InvoiceState } from '../data/ledger';
import { hash32 } from '../data/prng';
import { notModified } from '../http/conditional';
import { json, problem, type SimResponse } from '../http/messages';
import { integerParam, stringParam } from '../http/query';

export const FEED_LIMIT = { min: 1, max: 500, fallback: 100 } as const;
export const LINES_LIMIT = { min: 1, max: 5000, fallback: 1000 } as const;

const after = (state: InvoiceState, position: FeedPosition): boolean =>
  state.changedAt > position.at || (state.changedAt === position.at && state.meta.id > position.id);

const firstAfter = (order: readonly InvoiceState[], position: FeedPosition): number => {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const state = order[mid];
    if (state !== undefined && after(state, position)) high = mid;
    else low = mid + 1;
  }
  return low;
};

const positionOf = (state: InvoiceState): FeedPosition => ({ at: state.changedAt, id: state.meta.id });

/** Replaces the middle item with a copy whose money value breaks the contract's pattern. */
const withOneInvalidItem = <T extends object>(items: T[], breakItem: (item: T) => T): T[] => {
  const middle = Math.floor(items.length / 2);
  return items.map((item, i) => (i === middle ? breakItem(item) : item));
};

export const getInvoiceFeed: Handler = (request, context) => {
  const since = stringParam(request, 'since');
  if (!since.ok) return since.response;
  const limit = integerParam(request, 'limit', FEED_LIMIT);
  if (!limit.ok) return limit.response;
  let position = FEED_START;
  if (since.value !== undefined) {
    const decoded = context.cursors.decodeFeed(since.value);
    if (decoded === undefined) {
      return problem(400, {
        slug: 'invalid-cursor',
        detail: 'since is not a cursor issued by this server',
        errors: [{ field: 'since', message: 'unknown cursor' }],
      });
    }
    position = decoded;
  }

  const order = context.repository.ledger.feedOrder(context.clock.now());
  const start = firstAfter(order, position);
  const page = order.slice(start, start + limit.value);
  const more = start + page.length < order.length;
  const last = page.at(-1);
  const end = last === undefined ? position : positionOf(last);
  const repeatLast = more && page.length >= 2 && hash32(context.seed, start, limit.value) % 4 === 0;
  const secondLast = page.at(-2);
  const nextPosition = repeatLast && secondLast !== undefined ? positionOf(secondLast) : end;

  let items: Invoice[] = page.map((state) => context.repository.header(state));
  if (items.length > 0 && context.faults.takeInvalidItem('invoices')) {
    items = withOneInvalidItem(items, (item) => ({ ...item, grossTotal: item.grossTotal.replace('.', ',') }));
  }
  const next = more ? context.cursors.encodeFeed(nextPosition) : null;
  return json(200, {
    items,
    next,
    cursor: next ?? context.cursors.encodeFeed(end),
  } satisfies InvoiceFeedPage);
};

/** 404 for an invoice that does not exist (yet), 410 for one older than the retention window. */
const findServableInvoice = (
  invoiceId: string,
  context: SimulatorContext,
): { ok: true; meta: InvoiceMeta } | { ok: false; response: SimResponse } => {
  const ledger = context.repository.ledger;
  const now = context.clock.now();
  const meta = ledger.byId(invoiceId);
  if (meta === undefined || !ledger.isIssued(meta, now)) {
    return { ok: false, response: problem(404, { slug: 'not-found', detail: `no invoice ${invoiceId}` }) };
  }
  if (!ledger.isInWindow(meta, now)) {
    return {
      ok: false,
      response: problem(410, {
        slug: 'gone',
        detail: `invoice ${invoiceId} is older than the 18-month retention period`,
      }),
    };
  }
  return { ok: true, meta };
};

export const getInvoiceLines: Handler = (request, context) => {
  const invoiceId = request.params[0] ?? '';
  const found = findServableInvoice(invoiceId, context);
  if (!found.ok) return found.response;
  const cursor = stringParam(request, 'cursor');
  if (!cursor.ok) return cursor.response;
  const limit = integerParam(request, 'limit', LINES_LIMIT);
  if (!limit.ok) return limit.response;
  const { meta } = found;
  let offset = 0;
  if (cursor.value !== undefined) {
    const decoded = context.cursors.decodeLines(cursor.value, meta.id);
    if (decoded === undefined || decoded > meta.lineCount) {
      return problem(400, {
        slug: 'invalid-cursor',
        detail: 'cursor is not a line cursor of this invoice',
        errors: [{ field: 'cursor', message: 'unknown cursor' }],
      });
    }
    offset = decoded;
  }
  let items: LineItem[] = context.repository.lines(meta, offset, limit.value);
  if (items.length > 0 && context.faults.takeInvalidItem('lines')) {
    items = withOneInvalidItem(items, (item) => ({ ...item, netAmount: `${item.netAmount}0` }));
  }
  const end = offset + limit.value;
  return json(200, {
    items,
    next: end < meta.lineCount ? context.cursors.encodeLines(meta.id, end) : null,
  } satisfies LinesPage);
};

export const getInvoiceDocument: Handler = (request, context) => {
  const invoiceId = request.params[0] ?? '';
  const found = findServableInvoice(invoiceId, context);
  if (!found.ok) return found.response;
  const document = context.repository.document(found.meta);
  const etag = `"${document.sha256Hex}"`;
  // Issued documents never change: let caches keep them.
  const headers = {
    ETag: etag,
    'Repr-Digest': document.reprDigest,
    'Cache-Control': 'private, max-age=31536000, immutable',
  };
  if (notModified(request.headers, etag)) return { status: 304, headers, body: null };
  return {
    status: 200,
    headers: {
      ...headers,
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${found.meta.number}.pdf"`,
    },
    body: document.bytes,
  };
};
