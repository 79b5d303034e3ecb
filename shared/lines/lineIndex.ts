import type { Assignment } from '../api/schemas';
import { createAllocator, UNASSIGNED, type Allocator, type PartsBuffer } from '../allocation';
import { lineReason, type LineReason } from './lineReason';
import type { LineBlock } from './block';
import { dayToIso, dayToMonth, isoToDay } from '../core/dates';

/**
 * Every cached line in memory as flat typed columns, for the line explorer's filters and totals over
 * a million lines in milliseconds. Runs in a worker; fed from the stored blocks. Strings that repeat
 * (service, licence, reference, description) are codes into one dictionary per column.
 */

export interface InvoiceMeta {
  id: string;
  number: string;
  issueDate: string;
}

export interface LineFilter {
  services?: readonly string[];
  licences?: readonly string[];
  references?: readonly string[];
  /** Service date range, ISO, inclusive. */
  from?: string;
  to?: string;
  /** Part of the customer reference, any case. */
  text?: string;
  /**
   * Lines charged (wholly or partly) to any of these cost centres; UNASSIGNED among them for lines no
   * assignment matches.
   */
  costCenters?: readonly string[];
  invoiceId?: string;
}

/** Every column the explorer can sort by (its column ids). */
export const lineSortKeys = [
  'invoiceNumber',
  'lineNo',
  'service',
  'description',
  'serviceDate',
  'licence',
  'reference',
  'customerReference',
  'quantity',
  'unitPrice',
  'net',
  'vatRate',
  'vat',
  'gross',
  'costCenter',
  /** The share of the net charged to the filter's cost centres (0 without a cost-centre filter). */
  'charged',
] as const;
export type LineSortKey = (typeof lineSortKeys)[number];
export interface LineSort {
  key: LineSortKey;
  direction: 'asc' | 'desc';
}

export const lineGroupKeys = ['service', 'licence', 'reference', 'costCenter', 'month'] as const;
export type LineGroupKey = (typeof lineGroupKeys)[number];

/** One subtotal of the grouped view; amounts in integer centimes, exact. */
export interface LineGroup {
  /** The service code, licence, reference, "2026-03", or the cost centre codes joined by ", " (UNASSIGNED: none). */
  key: string;
  count: number;
  netCentimes: number;
  vatCentimes: number;
  grossCentimes: number;
  /** With a cost-centre filter: the part of the group's net and VAT charged to those centres. */
  chargedNetCentimes: number | null;
  chargedVatCentimes: number | null;
}

export interface LineQueryOptions {
  sort?: LineSort;
  group?: LineGroupKey;
}

export interface LineTotals {
  count: number;
  netCentimes: number;
  vatCentimes: number;
  grossCentimes: number;
  /**
   * With a cost-centre filter: the parts of the net and VAT charged to those centres, each the sum
   * of the lines' parts as `allocateLine` gives them, so exact to the centime.
   */
  chargedNetCentimes: number | null;
  chargedVatCentimes: number | null;
}

/** One cost-centre part of a line, as the allocation engine computes it. */
export interface LinePart {
  /** null: no assignment charges the line. */
  costCenterCode: string | null;
  percent: number;
  netCentimes: number;
  vatCentimes: number;
}

export interface LineRow {
  invoiceId: string;
  invoiceNumber: string;
  lineNo: number;
  serviceCode: string;
  description: string;
  serviceDate: string;
  frankingLicence: string;
  invoiceReference: string;
  customerReference: string | null;
  quantityMilli: number;
  unitPrice: number;
  netCentimes: number;
  vatRateBp: number;
  vatCentimes: number;
  /** Cost centre codes of the winning assignment, empty when unassigned. */
  costCenters: string[];
  /** The line's parts, in the order of the winning assignment's splits; one unassigned part if none. */
  parts: LinePart[];
  reason: LineReason;
  /** With a cost-centre filter on the result: the line's net and VAT charged to those centres. */
  chargedNetCentimes: number | null;
  chargedVatCentimes: number | null;
}

interface Chunk {
  invoice: Uint32Array;
  count: number;
  lineNo: Int32Array;
  service: Uint16Array;
  description: Uint32Array;
  licence: Uint16Array;
  reference: Uint16Array;
  day: Int32Array;
  quantity: Float64Array;
  unitPrice: Float64Array;
  net: Float64Array;
  vatRate: Uint16Array;
  vat: Float64Array;
  customerReference: Array<string | null>;
}

interface GroupSum {
  count: number;
  net: number;
  vat: number;
  chargedNet: number;
  chargedVat: number;
}

const dictionary = () => {
  const values: string[] = [];
  const codes = new Map<string, number>();
  return {
    values,
    code: (value: string) => {
      let code = codes.get(value);
      if (code === undefined) {
        code = values.length;
        values.push(value);
        codes.set(value, code);
      }
      return code;
    },
    find: (value: string) => codes.get(value),
  };
};

const concat = <T extends Int32Array | Uint16Array | Uint32Array | Float64Array>(
  make: (length: number) => T,
  parts: readonly T[],
  total: number,
): T => {
  const out = make(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

/**
 * The explorer's display order of invoices: the newest issue date first; on the same date by id, so
 * that an index built in any order (or only from the newest blocks, `shared/lines/linePreview.ts`)
 * puts the same rows first.
 */
export const compareNewestFirst = (a: InvoiceMeta, b: InvoiceMeta): number => {
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
};

const missingInvoice: InvoiceMeta = { id: '', number: '', issueDate: '' };

export const createLineIndex = () => {
  const invoices: InvoiceMeta[] = [];
  const invoiceCodes = new Map<string, number>();
  const services = dictionary();
  const licences = dictionary();
  const references = dictionary();
  const descriptions = dictionary();
  const chunks: Chunk[] = [];
  const blockKeys = new Set<string>();

  // Sealed columns (rebuilt by seal()).
  let size = 0;
  let invoice: Uint32Array = new Uint32Array(0);
  let lineNo: Int32Array = new Int32Array(0);
  let service: Uint16Array = new Uint16Array(0);
  let description: Uint32Array = new Uint32Array(0);
  let licence: Uint16Array = new Uint16Array(0);
  let reference: Uint16Array = new Uint16Array(0);
  let day: Int32Array = new Int32Array(0);
  let quantity: Float64Array = new Float64Array(0);
  let unitPrice: Float64Array = new Float64Array(0);
  let net: Float64Array = new Float64Array(0);
  let vatRate: Uint16Array = new Uint16Array(0);
  let vat: Float64Array = new Float64Array(0);
  let customerReference: Array<string | null> = [];
  /** The customer references in lower case, made on the first search by text (most views have none). */
  let searchText: Array<string | null> | null = null;
  const lowerReferences = (): Array<string | null> =>
    (searchText ??= customerReference.map((text) => (text === null ? null : text.toLowerCase())));
  /** Row positions in display order: newest invoice first, then line number. */
  let order = new Uint32Array(0);
  let dirty = false;

  let scratch = new Uint32Array(0);
  let assignments: readonly Assignment[] = [];
  // The allocation engine's compiled rule: the same code path as allocateLine, so the explorer, the
  // rollups and the tests agree to the centime.
  let allocator: Allocator = createAllocator(assignments);
  let parts: PartsBuffer = allocator.createBuffer();
  let splitCounts: Int32Array = new Int32Array(0);
  /** Winning assignment per row, -1 unassigned; computed lazily after assignments or rows change. */
  let winner: Int32Array | null = null;

  const invoiceCode = (meta: InvoiceMeta): number => {
    let code = invoiceCodes.get(meta.id);
    if (code === undefined) {
      code = invoices.length;
      invoices.push(meta);
      invoiceCodes.set(meta.id, code);
    } else {
      invoices[code] = meta;
    }
    return code;
  };

  const addBlock = (block: LineBlock, meta: InvoiceMeta): void => {
    const key = `${block.invoiceId}#${block.blockNo}`;
    if (blockKeys.has(key)) return;
    blockKeys.add(key);
    // Only the strings a column really uses join its dictionary: a block's dictionary mixes every column.
    const remap = <T extends Uint16Array | Uint32Array>(
      column: Uint16Array,
      dict: ReturnType<typeof dictionary>,
      out: T,
    ): T => {
      const local = new Int32Array(block.dict.length).fill(-1);
      column.forEach((code, i) => {
        let global = local[code] ?? -1;
        if (global === -1) {
          global = dict.code(block.dict[code] ?? '');
          local[code] = global;
        }
        out[i] = global;
      });
      return out;
    };
    chunks.push({
      invoice: new Uint32Array(block.count).fill(invoiceCode(meta)),
      count: block.count,
      lineNo: block.lineNo,
      service: remap(block.serviceCode, services, new Uint16Array(block.count)),
      description: remap(block.description, descriptions, new Uint32Array(block.count)),
      licence: remap(block.frankingLicence, licences, new Uint16Array(block.count)),
      reference: remap(block.invoiceReference, references, new Uint16Array(block.count)),
      day: block.serviceDay,
      quantity: block.quantityMilli,
      unitPrice: block.unitPrice,
      net: block.netCentimes,
      vatRate: block.vatRateBp,
      vat: block.vatCentimes,
      customerReference: block.customerReference,
    });
    dirty = true;
  };

  /**
   * Row positions newest invoice first (`compareNewestFirst`), then by line number. Rows come in
   * blocks, so rows are first dealt into one bucket per invoice in position order (linear), and a
   * bucket is sorted only when its line numbers are not already in order (blocks added out of
   * order): a comparator sort over every row cost most of the index's build at a million lines.
   */
  const displayOrder = (): Uint32Array<ArrayBuffer> => {
    const ranked = [...invoices.keys()].sort((a, b) =>
      compareNewestFirst(invoices[a] ?? missingInvoice, invoices[b] ?? missingInvoice),
    );
    const rankOf = new Uint32Array(invoices.length);
    ranked.forEach((code, rank) => {
      rankOf[code] = rank;
    });
    const starts = new Uint32Array(invoices.length + 1);
    for (let i = 0; i < size; i += 1) {
      const slot = (rankOf[invoice[i] ?? 0] ?? 0) + 1;
      starts[slot] = (starts[slot] ?? 0) + 1;
    }
    for (let rank = 0; rank < invoices.length; rank += 1)
      starts[rank + 1] = (starts[rank + 1] ?? 0) + (starts[rank] ?? 0);
    const next = starts.slice(0, invoices.length);
    const result = new Uint32Array(size);
    for (let i = 0; i < size; i += 1) {
      const rank = rankOf[invoice[i] ?? 0] ?? 0;
      result[next[rank] ?? 0] = i;
      next[rank] = (next[rank] ?? 0) + 1;
    }
    for (let rank = 0; rank < invoices.length; rank += 1) {
      const start = starts[rank] ?? 0;
      const end = starts[rank + 1] ?? 0;
      let sorted = true;
      for (let k = start + 1; k < end && sorted; k += 1)
        sorted = (lineNo[result[k - 1] ?? 0] ?? 0) <= (lineNo[result[k] ?? 0] ?? 0);
      // A stable sort by line number: equal numbers keep their position order, as before.
      if (!sorted) result.subarray(start, end).sort((a, b) => (lineNo[a] ?? 0) - (lineNo[b] ?? 0) || a - b);
    }
    return result;
  };

  const seal = (): void => {
    if (!dirty) return;
    size = chunks.reduce((sum, chunk) => sum + chunk.count, 0);
    invoice = concat(
      (n) => new Uint32Array(n),
      chunks.map((chunk) => chunk.invoice),
      size,
    );
    lineNo = concat(
      (n) => new Int32Array(n),
      chunks.map((chunk) => chunk.lineNo),
      size,
    );
    service = concat(
      (n) => new Uint16Array(n),
      chunks.map((chunk) => chunk.service),
      size,
    );
    description = concat(
      (n) => new Uint32Array(n),
      chunks.map((chunk) => chunk.description),
      size,
    );
    licence = concat(
      (n) => new Uint16Array(n),
      chunks.map((chunk) => chunk.licence),
      size,
    );
    reference = concat(
      (n) => new Uint16Array(n),
      chunks.map((chunk) => chunk.reference),
      size,
    );
    day = concat(
      (n) => new Int32Array(n),
      chunks.map((chunk) => chunk.day),
      size,
    );
    quantity = concat(
      (n) => new Float64Array(n),
      chunks.map((chunk) => chunk.quantity),
      size,
    );
    unitPrice = concat(
      (n) => new Float64Array(n),
      chunks.map((chunk) => chunk.unitPrice),
      size,
    );
    net = concat(
      (n) => new Float64Array(n),
      chunks.map((chunk) => chunk.net),
      size,
    );
    vatRate = concat(
      (n) => new Uint16Array(n),
      chunks.map((chunk) => chunk.vatRate),
      size,
    );
    vat = concat(
      (n) => new Float64Array(n),
      chunks.map((chunk) => chunk.vat),
      size,
    );
    // A plain loop: flatMap over a million entries took a quarter of a second.
    const gathered: Array<string | null> = new Array<string | null>(size);
    let at = 0;
    for (const chunk of chunks)
      for (let i = 0; i < chunk.count; i += 1) {
        gathered[at] = chunk.customerReference[i] ?? null;
        at += 1;
      }
    customerReference = gathered;
    searchText = null;
    // The sealed columns become the one chunk the next seal appends to, so memory holds one copy.
    chunks.splice(0, chunks.length, {
      invoice,
      count: size,
      lineNo,
      service,
      description,
      licence,
      reference,
      day,
      quantity,
      unitPrice,
      net,
      vatRate,
      vat,
      customerReference,
    });
    order = displayOrder();
    winner = null;
    permutations = new Map();
    dirty = false;
  };

  const winners = (): Int32Array => {
    seal();
    if (winner) return winner;
    const result = new Int32Array(size);
    const licenceText = licences.values;
    const referenceText = references.values;
    const serviceText = services.values;
    for (let i = 0; i < size; i += 1) {
      result[i] = allocator.match(
        licenceText[licence[i] ?? 0] ?? '',
        referenceText[reference[i] ?? 0] ?? '',
        serviceText[service[i] ?? 0] ?? '',
        day[i] ?? 0,
      );
    }
    winner = result;
    return result;
  };

  /** Per assignment: the positions of its splits that go to one of `centers`. */
  const splitsTo = (centers: readonly string[]): number[][] =>
    assignments.map((assignment) =>
      assignment.splits.flatMap((split, position) =>
        centers.includes(split.costCenterCode) ? [position] : [],
      ),
    );

  // What `charge` found: module-level scratch, so a million-line loop makes no object per line.
  let chargedNet = 0;
  let chargedVat = 0;
  /**
   * Splits row i with the engine and keeps the share of the chosen centres (their split positions
   * per assignment, and whether lines no assignment takes count) in chargedNet / chargedVat.
   * False: no part of the line is theirs.
   */
  const charge = (i: number, won: number, chosen: readonly number[][], wantsUnassigned: boolean): boolean => {
    if (won === -1) {
      if (!wantsUnassigned) return false;
      chargedNet = net[i] ?? 0;
      chargedVat = vat[i] ?? 0;
      return true;
    }
    const positions = chosen[won];
    if (!positions || positions.length === 0) return false;
    // All of the splits chosen: their parts add up to the whole line (the engine's invariant, proved
    // against allocateLine in lineIndexAllocation.test.ts), so the split itself can be skipped.
    if (positions.length === (splitCounts[won] ?? 0)) {
      chargedNet = net[i] ?? 0;
      chargedVat = vat[i] ?? 0;
      return true;
    }
    allocator.split(won, net[i] ?? 0, vat[i] ?? 0, parts);
    chargedNet = 0;
    chargedVat = 0;
    for (const position of positions) {
      chargedNet += parts.net[position] ?? 0;
      chargedVat += parts.vat[position] ?? 0;
    }
    return true;
  };

  /** Cost centre codes of an assignment as one text, the way the column shows them. */
  const assignmentKey = (won: number): string =>
    won === -1
      ? UNASSIGNED
      : (assignments[won]?.splits.map((split) => split.costCenterCode).join(', ') ?? UNASSIGNED);

  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  /** Ranks of a dictionary's codes in text order. */
  const codeRanks = (values: readonly string[]): Float64Array => {
    const ranks = new Float64Array(values.length);
    [...values.keys()]
      .sort((a, b) => collator.compare(values[a] ?? '', values[b] ?? ''))
      .forEach((code, rank) => {
        ranks[code] = rank;
      });
    return ranks;
  };
  const textRanks = (texts: readonly string[]): Map<string, number> =>
    new Map([...new Set(texts)].sort(collator.compare).map((text, rank) => [text, rank]));

  /** One number per row whose order is the column's order. */
  const sortValues = (key: LineSortKey, centers: readonly string[]): Float64Array => {
    const values = new Float64Array(size);
    const fromCodes = (codes: ArrayLike<number>, ranks: Float64Array) => {
      for (let i = 0; i < size; i += 1) values[i] = ranks[codes[i] ?? 0] ?? 0;
    };
    const fromColumn = (column: ArrayLike<number>) => {
      for (let i = 0; i < size; i += 1) values[i] = column[i] ?? 0;
    };
    switch (key) {
      case 'invoiceNumber':
        fromCodes(invoice, codeRanks(invoices.map((meta) => meta.number)));
        break;
      case 'service':
        fromCodes(service, codeRanks(services.values));
        break;
      case 'description':
        fromCodes(description, codeRanks(descriptions.values));
        break;
      case 'licence':
        fromCodes(licence, codeRanks(licences.values));
        break;
      case 'reference':
        fromCodes(reference, codeRanks(references.values));
        break;
      case 'customerReference': {
        // Lines without one come first going up, last going down.
        const ranks = textRanks(customerReference.filter((text): text is string => text !== null));
        for (let i = 0; i < size; i += 1) {
          const text = customerReference[i];
          values[i] = text == null ? -1 : (ranks.get(text) ?? 0);
        }
        break;
      }
      case 'costCenter': {
        const won = winners();
        const ranks = textRanks(assignments.map((_, position) => assignmentKey(position)));
        for (let i = 0; i < size; i += 1) {
          const w = won[i] ?? -1;
          values[i] = w === -1 ? -1 : (ranks.get(assignmentKey(w)) ?? 0);
        }
        break;
      }
      case 'charged': {
        if (centers.length === 0) break;
        const won = winners();
        const chosen = splitsTo(centers);
        const wantsUnassigned = centers.includes(UNASSIGNED);
        for (let i = 0; i < size; i += 1)
          values[i] = charge(i, won[i] ?? -1, chosen, wantsUnassigned) ? chargedNet : 0;
        break;
      }
      case 'lineNo':
        fromColumn(lineNo);
        break;
      case 'serviceDate':
        fromColumn(day);
        break;
      case 'quantity':
        fromColumn(quantity);
        break;
      case 'unitPrice':
        fromColumn(unitPrice);
        break;
      case 'net':
        fromColumn(net);
        break;
      case 'vatRate':
        fromColumn(vatRate);
        break;
      case 'vat':
        fromColumn(vat);
        break;
      case 'gross':
        for (let i = 0; i < size; i += 1) values[i] = (net[i] ?? 0) + (vat[i] ?? 0);
        break;
    }
    return values;
  };

  let permutations = new Map<string, Uint32Array>();
  /**
   * Row positions in a column's order, ties in display order. Built once per column and direction
   * and kept until the rows or assignments change, so a filter on a sorted view costs one scan. The
   * sort itself runs on plain numbers with the engine's native typed-array sort: each row becomes
   * rank * size + its display position, so no comparator is called a million times.
   */
  const permutation = (sort: LineSort | undefined, centers: readonly string[]): Uint32Array => {
    seal();
    if (!sort) return order;
    // The charged share depends on the chosen cost centres; no other order does.
    const cacheKey = `${sort.key}:${sort.direction}${sort.key === 'charged' ? `:${centers.join('\u0001')}` : ''}`;
    const cached = permutations.get(cacheKey);
    if (cached) return cached;
    const values = sortValues(sort.key, centers);
    const distinct = Float64Array.from(new Set(values)).sort();
    const composite = new Float64Array(size);
    for (let k = 0; k < size; k += 1) {
      const i = order[k] ?? 0;
      const v = values[i] ?? 0;
      // Dense rank by binary search: the rank, not the value, keeps rank * size + k exact.
      let low = 0;
      let high = distinct.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((distinct[middle] ?? 0) < v) low = middle + 1;
        else high = middle;
      }
      const rank = sort.direction === 'asc' ? low : distinct.length - 1 - low;
      composite[k] = rank * size + k;
    }
    composite.sort();
    const result = new Uint32Array(size);
    for (let j = 0; j < size; j += 1) result[j] = order[(composite[j] ?? 0) % size] ?? 0;
    permutations.set(cacheKey, result);
    return result;
  };

  const monthOfDay = new Map<number, string>();
  const monthOf = (d: number): string => {
    let month = monthOfDay.get(d);
    if (month === undefined) {
      month = dayToMonth(d);
      monthOfDay.set(d, month);
    }
    return month;
  };

  const lookup = (
    values: readonly string[] | undefined,
    dict: ReturnType<typeof dictionary>,
  ): Uint8Array | null => {
    if (!values || values.length === 0) return null;
    const table = new Uint8Array(dict.values.length + 1);
    for (const value of values) {
      const code = dict.find(value);
      if (code !== undefined) table[code] = 1;
    }
    return table;
  };

  const query = (
    filter: LineFilter,
    options: LineQueryOptions = {},
  ): { ids: Uint32Array; totals: LineTotals; groups: LineGroup[] | null } => {
    seal();
    const serviceSet = lookup(filter.services, services);
    const licenceSet = lookup(filter.licences, licences);
    const referenceSet = lookup(filter.references, references);
    const from = filter.from ? isoToDay(filter.from) : -Infinity;
    const to = filter.to ? isoToDay(filter.to) : Infinity;
    const text = filter.text?.trim().toLowerCase() ?? '';
    const lowered = text ? lowerReferences() : null;
    const invoiceOnly = filter.invoiceId === undefined ? -1 : (invoiceCodes.get(filter.invoiceId) ?? -2);
    const chosenCenters = filter.costCenters && filter.costCenters.length > 0 ? filter.costCenters : null;
    const group = options.group;
    const rowsWinner = chosenCenters || group === 'costCenter' ? winners() : null;
    const wantsUnassigned = chosenCenters?.includes(UNASSIGNED) ?? false;
    const chosenSplits = chosenCenters ? splitsTo(chosenCenters) : null;
    const walk = permutation(options.sort, chosenCenters ?? []);
    const groups = new Map<number | string, GroupSum>();

    // One scratch buffer for every query: a million-entry array per keystroke would feed the GC pauses
    // that show up as p95 outliers.
    if (scratch.length < size) scratch = new Uint32Array(size);
    const ids = scratch;
    let count = 0;
    let netSum = 0;
    let vatSum = 0;
    let charged = 0;
    let chargedVatSum = 0;
    for (let k = 0; k < size; k += 1) {
      const i = walk[k] ?? 0;
      if (invoiceOnly !== -1 && invoice[i] !== invoiceOnly) continue;
      if (serviceSet && serviceSet[service[i] ?? 0] !== 1) continue;
      if (licenceSet && licenceSet[licence[i] ?? 0] !== 1) continue;
      if (referenceSet && referenceSet[reference[i] ?? 0] !== 1) continue;
      const d = day[i] ?? 0;
      if (d < from || d > to) continue;
      if (text) {
        const candidate = lowered?.[i];
        if (candidate == null || !candidate.includes(text)) continue;
      }
      const lineNet = net[i] ?? 0;
      const won = rowsWinner ? (rowsWinner[i] ?? -1) : -1;
      if (chosenSplits) {
        if (!charge(i, won, chosenSplits, wantsUnassigned)) continue;
        charged += chargedNet;
        chargedVatSum += chargedVat;
      }
      ids[count] = i;
      count += 1;
      netSum += lineNet;
      const lineVat = vat[i] ?? 0;
      vatSum += lineVat;
      if (group) {
        const groupKey =
          group === 'service'
            ? (service[i] ?? 0)
            : group === 'licence'
              ? (licence[i] ?? 0)
              : group === 'reference'
                ? (reference[i] ?? 0)
                : group === 'month'
                  ? d
                  : won;
        const sum = groups.get(groupKey);
        const lineChargedNet = chosenSplits ? chargedNet : 0;
        const lineChargedVat = chosenSplits ? chargedVat : 0;
        if (sum) {
          sum.count += 1;
          sum.net += lineNet;
          sum.vat += lineVat;
          sum.chargedNet += lineChargedNet;
          sum.chargedVat += lineChargedVat;
        } else
          groups.set(groupKey, {
            count: 1,
            net: lineNet,
            vat: lineVat,
            chargedNet: lineChargedNet,
            chargedVat: lineChargedVat,
          });
      }
    }
    return {
      ids: ids.slice(0, count),
      totals: {
        count,
        netCentimes: netSum,
        vatCentimes: vatSum,
        grossCentimes: netSum + vatSum,
        chargedNetCentimes: chosenSplits ? charged : null,
        chargedVatCentimes: chosenSplits ? chargedVatSum : null,
      },
      groups: group ? finishGroups(group, groups, chosenSplits !== null) : null,
    };
  };

  /** Group codes (dictionary codes, days, assignments) to their keys; equal keys merge. */
  const finishGroups = (
    group: LineGroupKey,
    sums: ReadonlyMap<number | string, GroupSum>,
    withCharged: boolean,
  ): LineGroup[] => {
    const keyOf = (code: number): string => {
      switch (group) {
        case 'service':
          return services.values[code] ?? '';
        case 'licence':
          return licences.values[code] ?? '';
        case 'reference':
          return references.values[code] ?? '';
        case 'month':
          return monthOf(code);
        case 'costCenter':
          return assignmentKey(code);
      }
    };
    const merged = new Map<string, LineGroup>();
    for (const [code, sum] of sums) {
      const key = keyOf(Number(code));
      const into = merged.get(key) ?? {
        key,
        count: 0,
        netCentimes: 0,
        vatCentimes: 0,
        grossCentimes: 0,
        chargedNetCentimes: withCharged ? 0 : null,
        chargedVatCentimes: withCharged ? 0 : null,
      };
      into.count += sum.count;
      into.netCentimes += sum.net;
      into.vatCentimes += sum.vat;
      into.grossCentimes = into.netCentimes + into.vatCentimes;
      if (into.chargedNetCentimes !== null) into.chargedNetCentimes += sum.chargedNet;
      if (into.chargedVatCentimes !== null) into.chargedVatCentimes += sum.chargedVat;
      merged.set(key, into);
    }
    return [...merged.values()].sort((a, b) => collator.compare(a.key, b.key));
  };

  /** Invoices with a line whose customer reference contains the text, any case (the invoice search). */
  const invoicesWithText = (needle: string): string[] => {
    seal();
    const text = needle.trim().toLowerCase();
    if (!text) return [];
    const found = new Set<number>();
    const lowered = lowerReferences();
    for (let i = 0; i < size; i += 1) {
      const candidate = lowered[i];
      if (candidate != null && candidate.includes(text)) found.add(invoice[i] ?? 0);
    }
    return [...found].map((code) => invoices[code]?.id ?? '');
  };

  /** Row i as the explorer shows it; `chosen`: the result's cost-centre filter, for the charged share. */
  const row = (i: number, chosen: { splits: number[][]; unassigned: boolean } | null): LineRow => {
    const meta = invoices[invoice[i] ?? 0];
    // The first window of a fresh index needs a dozen rows' winners, not a million.
    const won = winner
      ? (winner[i] ?? -1)
      : allocator.match(
          licences.values[licence[i] ?? 0] ?? '',
          references.values[reference[i] ?? 0] ?? '',
          services.values[service[i] ?? 0] ?? '',
          day[i] ?? 0,
        );
    const winning = won === -1 ? undefined : assignments[won];
    allocator.split(won, net[i] ?? 0, vat[i] ?? 0, parts);
    const lineParts: LinePart[] = [];
    for (let p = 0; p < parts.count; p += 1)
      lineParts.push({
        costCenterCode: winning?.splits[p]?.costCenterCode ?? null,
        percent: winning?.splits[p]?.percent ?? 100,
        netCentimes: parts.net[p] ?? 0,
        vatCentimes: parts.vat[p] ?? 0,
      });
    const isCharged = chosen ? charge(i, won, chosen.splits, chosen.unassigned) : false;
    const serviceCode = services.values[service[i] ?? 0] ?? '';
    const serviceDate = dayToIso(day[i] ?? 0);
    const frankingLicence = licences.values[licence[i] ?? 0] ?? '';
    const invoiceReference = references.values[reference[i] ?? 0] ?? '';
    return {
      invoiceId: meta?.id ?? '',
      invoiceNumber: meta?.number ?? '',
      lineNo: lineNo[i] ?? 0,
      serviceCode,
      description: descriptions.values[description[i] ?? 0] ?? '',
      serviceDate,
      frankingLicence,
      invoiceReference,
      customerReference: customerReference[i] ?? null,
      quantityMilli: quantity[i] ?? 0,
      unitPrice: unitPrice[i] ?? 0,
      netCentimes: net[i] ?? 0,
      vatRateBp: vatRate[i] ?? 0,
      vatCentimes: vat[i] ?? 0,
      costCenters: winning?.splits.map((split) => split.costCenterCode) ?? [],
      parts: lineParts,
      reason: lineReason({ frankingLicence, invoiceReference, serviceCode, serviceDate }, winning),
      chargedNetCentimes: chosen ? (isCharged ? chargedNet : 0) : null,
      chargedVatCentimes: chosen ? (isCharged ? chargedVat : 0) : null,
    };
  };

  return {
    addBlock,
    hasBlock: (key: string) => blockKeys.has(key),
    seal,
    setAssignments: (next: readonly Assignment[]) => {
      assignments = next;
      allocator = createAllocator(next);
      parts = allocator.createBuffer();
      splitCounts = Int32Array.from(next, (assignment) => assignment.splits.length);
      winner = null;
      // Cost-centre order depends on the assignments; the other orders would survive, but this is rare.
      permutations = new Map();
    },
    query,
    invoicesWithText,
    /** Rows of a result; `costCenters`: the result's cost-centre filter, for each row's charged share. */
    rows: (ids: Uint32Array, start: number, count: number, costCenters?: readonly string[]): LineRow[] => {
      seal();
      const chosen =
        costCenters && costCenters.length > 0
          ? { splits: splitsTo(costCenters), unassigned: costCenters.includes(UNASSIGNED) }
          : null;
      const end = Math.min(ids.length, start + count);
      const out: LineRow[] = [];
      for (let k = start; k < end; k += 1) out.push(row(ids[k] ?? 0, chosen));
      return out;
    },
    distinct: () => ({
      services: [...services.values],
      licences: [...licences.values],
      references: [...references.values],
    }),
    get size() {
      seal();
      return size;
    },
    /** Approximate bytes held by the sealed columns, for the benchmark. */
    get columnBytes() {
      seal();
      return size * (4 + 4 + 2 + 4 + 2 + 2 + 4 + 8 + 8 + 8 + 2 + 8 + 4);
    },
  };
};

export type LineIndex = ReturnType<typeof createLineIndex>;
