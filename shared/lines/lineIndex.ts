import type { Assignment } from '../api/schemas';
import { createAssignmentMatcher, splitCentimes, UNASSIGNED } from '../allocation/assignments';
import type { LineBlock } from './block';
import { dayToIso, isoToDay } from '../core/dates';

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
  /** Lines charged (wholly or partly) to this cost centre; UNASSIGNED for lines no assignment matches. */
  costCenter?: string;
  invoiceId?: string;
}

export interface LineTotals {
  count: number;
  netCentimes: number;
  vatCentimes: number;
  grossCentimes: number;
  /** With a cost-centre filter: the part of the net charged to it (splits applied). */
  chargedNetCentimes: number | null;
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
  let searchText: Array<string | null> = [];
  /** Row positions in display order: newest invoice first, then line number. */
  let order = new Uint32Array(0);
  let dirty = false;

  let scratch = new Uint32Array(0);
  let assignments: readonly Assignment[] = [];
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
    customerReference = chunks.flatMap((chunk) => chunk.customerReference);
    searchText = customerReference.map((text) => (text === null ? null : text.toLowerCase()));
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
    const issue = invoices.map((meta) => meta.issueDate);
    order = Uint32Array.from({ length: size }, (_, i) => i).sort((a, b) => {
      const ia = invoice[a] ?? 0;
      const ib = invoice[b] ?? 0;
      if (ia !== ib) {
        const da = issue[ia] ?? '';
        const db = issue[ib] ?? '';
        if (da !== db) return da < db ? 1 : -1;
        return ia - ib;
      }
      return (lineNo[a] ?? 0) - (lineNo[b] ?? 0);
    });
    winner = null;
    dirty = false;
  };

  const winners = (): Int32Array => {
    seal();
    if (winner) return winner;
    const matcher = createAssignmentMatcher(assignments);
    const result = new Int32Array(size);
    for (let i = 0; i < size; i += 1) {
      result[i] = matcher.match({
        frankingLicence: licences.values[licence[i] ?? 0] ?? '',
        invoiceReference: references.values[reference[i] ?? 0] ?? '',
        serviceCode: services.values[service[i] ?? 0] ?? '',
        serviceDay: day[i] ?? 0,
      });
    }
    winner = result;
    return result;
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

  const query = (filter: LineFilter): { ids: Uint32Array; totals: LineTotals } => {
    seal();
    const serviceSet = lookup(filter.services, services);
    const licenceSet = lookup(filter.licences, licences);
    const referenceSet = lookup(filter.references, references);
    const from = filter.from ? isoToDay(filter.from) : -Infinity;
    const to = filter.to ? isoToDay(filter.to) : Infinity;
    const text = filter.text?.trim().toLowerCase() ?? '';
    const invoiceOnly = filter.invoiceId === undefined ? -1 : (invoiceCodes.get(filter.invoiceId) ?? -2);
    const costCenter = filter.costCenter;
    const rowsWinner = costCenter === undefined ? null : winners();
    const costCenterAssignments =
      costCenter === undefined || costCenter === UNASSIGNED
        ? null
        : assignments.map((assignment) => {
            const position = assignment.splits.findIndex((split) => split.costCenterCode === costCenter);
            return position;
          });

    // One scratch buffer for every query: a million-entry array per keystroke would feed the GC pauses
    // that show up as p95 outliers.
    if (scratch.length < size) scratch = new Uint32Array(size);
    const ids = scratch;
    let count = 0;
    let netSum = 0;
    let vatSum = 0;
    let charged = 0;
    for (let k = 0; k < size; k += 1) {
      const i = order[k] ?? 0;
      if (invoiceOnly !== -1 && invoice[i] !== invoiceOnly) continue;
      if (serviceSet && serviceSet[service[i] ?? 0] !== 1) continue;
      if (licenceSet && licenceSet[licence[i] ?? 0] !== 1) continue;
      if (referenceSet && referenceSet[reference[i] ?? 0] !== 1) continue;
      const d = day[i] ?? 0;
      if (d < from || d > to) continue;
      if (text) {
        const candidate = searchText[i];
        if (candidate == null || !candidate.includes(text)) continue;
      }
      const lineNet = net[i] ?? 0;
      if (rowsWinner) {
        const won = rowsWinner[i] ?? -1;
        if (costCenter === UNASSIGNED) {
          if (won !== -1) continue;
          charged += lineNet;
        } else {
          const position = won === -1 ? -1 : (costCenterAssignments?.[won] ?? -1);
          if (position === -1) continue;
          const splits = assignments[won]?.splits ?? [];
          charged +=
            splitCentimes(
              lineNet,
              splits.map((split) => split.percent),
            )[position] ?? 0;
        }
      }
      ids[count] = i;
      count += 1;
      netSum += lineNet;
      vatSum += vat[i] ?? 0;
    }
    return {
      ids: ids.slice(0, count),
      totals: {
        count,
        netCentimes: netSum,
        vatCentimes: vatSum,
        grossCentimes: netSum + vatSum,
        chargedNetCentimes: rowsWinner ? charged : null,
      },
    };
  };

  const row = (i: number): LineRow => {
    const meta = invoices[invoice[i] ?? 0];
    const won = winner ? (winner[i] ?? -1) : (winners()[i] ?? -1);
    return {
      invoiceId: meta?.id ?? '',
      invoiceNumber: meta?.number ?? '',
      lineNo: lineNo[i] ?? 0,
      serviceCode: services.values[service[i] ?? 0] ?? '',
      description: descriptions.values[description[i] ?? 0] ?? '',
      serviceDate: dayToIso(day[i] ?? 0),
      frankingLicence: licences.values[licence[i] ?? 0] ?? '',
      invoiceReference: references.values[reference[i] ?? 0] ?? '',
      customerReference: customerReference[i] ?? null,
      quantityMilli: quantity[i] ?? 0,
      unitPrice: unitPrice[i] ?? 0,
      netCentimes: net[i] ?? 0,
      vatRateBp: vatRate[i] ?? 0,
      vatCentimes: vat[i] ?? 0,
      costCenters: won === -1 ? [] : (assignments[won]?.splits.map((split) => split.costCenterCode) ?? []),
    };
  };

  return {
    addBlock,
    hasBlock: (key: string) => blockKeys.has(key),
    seal,
    setAssignments: (next: readonly Assignment[]) => {
      assignments = next;
      winner = null;
    },
    query,
    rows: (ids: Uint32Array, start: number, count: number): LineRow[] => {
      seal();
      const end = Math.min(ids.length, start + count);
      const out: LineRow[] = [];
      for (let k = start; k < end; k += 1) out.push(row(ids[k] ?? 0));
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
