import type { Allocator } from '../allocation/allocator';
import { UNASSIGNED } from '../allocation/assignments';
import { dayToMonth } from '../core/dates';
import type { LineBlock } from '../lines/block';
import type { ExportColumn } from './columns';
import { csvChunks, type CsvOptions } from './csv';

/**
 * The allocation journal: what an ERP posts. One row per (month of service date, cost centre,
 * service, VAT rate), its net, VAT and gross the sums of the parts the allocator gives each line
 * (exact centimes, the same code as the allocated rollups), with the numbers of the invoices its
 * lines came from.
 */

export interface JournalRow {
  /** "2026-03". */
  readonly month: string;
  /** A cost centre's code, or UNASSIGNED. */
  readonly costCenter: string;
  readonly service: string;
  readonly vatRateBp: number;
  readonly netCentimes: number;
  readonly vatCentimes: number;
  /** Sorted, without repeats. */
  readonly invoiceNumbers: readonly string[];
}

export interface JournalAccumulator {
  /** Adds the lines of `block` whose service day lies in [fromDay, toDay]; returns how many. */
  addBlock(block: LineBlock, fromDay: number, toDay: number): number;
  /** The rows so far: by month, then cost centre (UNASSIGNED last), service and VAT rate. */
  rows(): JournalRow[];
}

interface MutableRow {
  month: string;
  costCenter: string;
  service: string;
  vatRateBp: number;
  netCentimes: number;
  vatCentimes: number;
  invoices: Set<string>;
}

export const createJournal = (
  allocator: Allocator,
  invoiceNumber: (invoiceId: string) => string,
): JournalAccumulator => {
  const byKey = new Map<string, MutableRow>();
  const parts = allocator.createBuffer();
  const centres = allocator.assignments.map((assignment) =>
    assignment.splits.map((split) => split.costCenterCode),
  );
  const months = new Map<number, string>();
  return {
    addBlock: (block, fromDay, toDay) => {
      const number = invoiceNumber(block.invoiceId);
      let added = 0;
      for (let i = 0; i < block.count; i += 1) {
        const day = block.serviceDay[i] ?? 0;
        if (day < fromDay || day > toDay) continue;
        added += 1;
        const service = block.dict[block.serviceCode[i] ?? 0] ?? '';
        allocator.allocate(
          block.dict[block.frankingLicence[i] ?? 0] ?? '',
          block.dict[block.invoiceReference[i] ?? 0] ?? '',
          service,
          day,
          block.netCentimes[i] ?? 0,
          block.vatCentimes[i] ?? 0,
          parts,
        );
        let month = months.get(day);
        if (month === undefined) {
          month = dayToMonth(day);
          months.set(day, month);
        }
        const rate = block.vatRateBp[i] ?? 0;
        const codes = parts.assignment === -1 ? undefined : centres[parts.assignment];
        for (let part = 0; part < parts.count; part += 1) {
          const costCenter = codes?.[part] ?? UNASSIGNED;
          const key = `${month}\u0001${costCenter}\u0001${service}\u0001${rate}`;
          let row = byKey.get(key);
          if (!row) {
            row = {
              month,
              costCenter,
              service,
              vatRateBp: rate,
              netCentimes: 0,
              vatCentimes: 0,
              invoices: new Set(),
            };
            byKey.set(key, row);
          }
          row.netCentimes += parts.net[part] ?? 0;
          row.vatCentimes += parts.vat[part] ?? 0;
          row.invoices.add(number);
        }
      }
      return added;
    },
    rows: () =>
      [...byKey.values()]
        .map((row): JournalRow => ({
          month: row.month,
          costCenter: row.costCenter,
          service: row.service,
          vatRateBp: row.vatRateBp,
          netCentimes: row.netCentimes,
          vatCentimes: row.vatCentimes,
          invoiceNumbers: [...row.invoices].sort(),
        }))
        .sort(compareRows),
  };
};

const byCode = (a: string, b: string): number =>
  a === b ? 0 : a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : a.localeCompare(b, 'en', { numeric: true });

const compareRows = (a: JournalRow, b: JournalRow): number =>
  a.month.localeCompare(b.month) ||
  byCode(a.costCenter, b.costCenter) ||
  a.service.localeCompare(b.service, 'en') ||
  a.vatRateBp - b.vatRateBp;

/** 810 basis points -> "8.1", exactly (integer arithmetic, no trailing zero). */
export const vatRateText = (basisPoints: number): string => {
  const whole = Math.floor(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction === '' ? `${whole}.0` : `${whole}.${fraction}`;
};

// ---------------------------------------------------------------------------------------------
// Layouts

export type JournalLayoutId = 'generic' | 'sap' | 'datev';
export const journalLayoutIds: readonly JournalLayoutId[] = ['generic', 'sap', 'datev'];

export type JournalField =
  'period' | 'costCenter' | 'service' | 'net' | 'vatRate' | 'vat' | 'gross' | 'invoices';

export const journalFields: readonly JournalField[] = [
  'period',
  'costCenter',
  'service',
  'net',
  'vatRate',
  'vat',
  'gross',
  'invoices',
];

export type JournalEncoding = 'utf-8-bom' | 'utf-8' | 'windows-1252';

export interface JournalLayout {
  readonly id: JournalLayoutId;
  readonly csv: CsvOptions;
  readonly encoding: JournalEncoding;
  /** Fixed column names the ERP maps by; null: the clerk's language (the generic layout). */
  readonly headers: Readonly<Record<JournalField, string>> | null;
  /** "2026-03" as the layout writes the period. */
  readonly period: (month: string) => string;
  /** A cost centre's code as the ERP's field holds it; refuses one it cannot hold. */
  readonly costCenter: (code: string) => string;
  /** Between the invoice numbers of one row. */
  readonly invoiceSeparator: string;
}

/** A cost-centre code the layout's field cannot hold (SAP's KOSTL takes ten characters). */
export class JournalCodeError extends Error {
  override readonly name = 'JournalCodeError';
  readonly code = 'export.costCenterTooLong';
  constructor(
    readonly costCenter: string,
    readonly layout: JournalLayoutId,
  ) {
    super(`Cost centre "${costCenter}" does not fit the ${layout} layout`);
  }
}

const SAP_KOSTL_LENGTH = 10;

/**
 * SAP's KOSTL is CHAR 10 with the ALPHA conversion: a purely numeric code is stored with leading
 * zeros to ten digits ("2100" -> "0000002100"), an alphanumeric one left-aligned as it is
 * (upper case, as SAP keeps it).
 */
export const sapCostCenter = (code: string): string => {
  if (code.length > SAP_KOSTL_LENGTH) throw new JournalCodeError(code, 'sap');
  return /^[0-9]+$/.test(code) ? code.padStart(SAP_KOSTL_LENGTH, '0') : code.toUpperCase();
};

// DATEV's KOST1 holds up to 36 characters.
const DATEV_KOST_LENGTH = 36;

/**
 * The three layouts, as data:
 *
 * - generic: semicolon, decimal point, UTF-8 with BOM, headers in the clerk's language, period
 *   "2026-03". Semicolon because Swiss Excel splits on it (and text never needs quoting for a comma),
 *   decimal point because every importer parses it the same way; the BOM makes Excel read UTF-8.
 * - SAP: semicolon, decimal point, UTF-8 without BOM (SAP's flat-file upload would read a BOM into
 *   the first field name), fixed field names (KOSTL), period "YYYYMM" (fiscal year and period as
 *   SAP's period fields take them), KOSTL padded to ten digits. Decimal point because the upload
 *   converts amounts with the user's decimal notation, and SAP's default (blank, "1,234,567.89")
 *   reads a point; no group separators are written.
 * - DATEV: semicolon, decimal comma, Windows-1252 (what DATEV's import expects by default),
 *   German field names (KOST1), period "MM/YYYY".
 *
 * A line that no assignment charges keeps its row (the totals must equal the invoices) with an
 * empty cost-centre field, which the ERP's import then shows the clerk as a row to complete.
 */
export const journalLayouts: Readonly<Record<JournalLayoutId, JournalLayout>> = {
  generic: {
    id: 'generic',
    csv: { delimiter: ';', decimalSeparator: '.', bom: true },
    encoding: 'utf-8-bom',
    headers: null,
    period: (month) => month,
    costCenter: (code) => code,
    invoiceSeparator: ' ',
  },
  sap: {
    id: 'sap',
    csv: { delimiter: ';', decimalSeparator: '.', bom: false },
    encoding: 'utf-8',
    headers: {
      period: 'PERIOD',
      costCenter: 'KOSTL',
      service: 'SERVICE',
      net: 'NET_AMOUNT',
      vatRate: 'VAT_RATE',
      vat: 'VAT_AMOUNT',
      gross: 'GROSS_AMOUNT',
      invoices: 'INVOICES',
    },
    period: (month) => month.replace('-', ''),
    costCenter: sapCostCenter,
    invoiceSeparator: ' ',
  },
  datev: {
    id: 'datev',
    csv: { delimiter: ';', decimalSeparator: ',', bom: false },
    encoding: 'windows-1252',
    headers: {
      period: 'Periode',
      costCenter: 'KOST1',
      service: 'Leistung',
      net: 'Nettobetrag',
      vatRate: 'USt-Satz',
      vat: 'USt-Betrag',
      gross: 'Bruttobetrag',
      invoices: 'Belegnummern',
    },
    period: (month) => `${month.slice(5, 7)}/${month.slice(0, 4)}`,
    costCenter: (code) => {
      if (code.length > DATEV_KOST_LENGTH) throw new JournalCodeError(code, 'datev');
      return code;
    },
    invoiceSeparator: ' ',
  },
};

const FIELD_TYPES: Record<JournalField, ExportColumn['type']> = {
  period: 'text',
  costCenter: 'text',
  service: 'text',
  net: 'money',
  vatRate: 'decimal',
  vat: 'money',
  gross: 'money',
  invoices: 'text',
};

/** The layout's columns; `clerkHeaders` name them for the generic layout. */
export const journalColumns = (
  layout: JournalLayout,
  clerkHeaders: Readonly<Record<JournalField, string>>,
): ExportColumn[] =>
  journalFields.map((id) => ({ id, header: (layout.headers ?? clerkHeaders)[id], type: FIELD_TYPES[id] }));

/** A journal row as the layout's cells, in `journalFields` order. */
export const journalCells = (layout: JournalLayout, row: JournalRow): unknown[] => [
  layout.period(row.month),
  row.costCenter === UNASSIGNED ? null : layout.costCenter(row.costCenter),
  row.service,
  row.netCentimes,
  vatRateText(row.vatRateBp),
  row.vatCentimes,
  row.netCentimes + row.vatCentimes,
  row.invoiceNumbers.join(layout.invoiceSeparator),
];

/** The journal file as byte chunks in the layout's encoding. */
export function* journalChunks(
  layout: JournalLayout,
  rows: readonly JournalRow[],
  clerkHeaders: Readonly<Record<JournalField, string>>,
): Generator<Uint8Array, void, undefined> {
  const encode = encoderFor(layout.encoding);
  const cells = rows.map((row) => journalCells(layout, row));
  for (const text of csvChunks(journalColumns(layout, clerkHeaders), cells, layout.csv)) {
    yield encode(text);
  }
}

const encoderFor = (encoding: JournalEncoding): ((text: string) => Uint8Array) => {
  if (encoding === 'windows-1252') return encodeWindows1252;
  const utf8 = new TextEncoder();
  // csvChunks writes the BOM as U+FEFF when the layout asks for it; UTF-8 encodes it as EF BB BF.
  return (text) => utf8.encode(text);
};

// Windows-1252 differs from Latin-1 only in 0x80..0x9F; these are the characters it puts there.
const CP1252_HIGH: Readonly<Record<number, number>> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** The code page has no byte for the character: written as "?", as Windows itself does. */
const UNMAPPABLE = 0x3f;

export const encodeWindows1252 = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length);
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? UNMAPPABLE;
    out[length] = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : (CP1252_HIGH[code] ?? UNMAPPABLE);
    length += 1;
  }
  // A character outside the BMP took two UTF-16 units but one byte.
  return out.subarray(0, length);
};
