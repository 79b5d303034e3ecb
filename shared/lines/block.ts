import type { LineItem, VatRate } from '../api/schemas';
import {
  formatMoney,
  formatQuantity,
  formatUnitPrice,
  parseMoney,
  parseQuantity,
  parseUnitPrice,
  parseVatRate,
} from '../core/money';
import { dayToIso, isoToDay } from '../core/dates';

/**
 * Lines are stored as one columnar record per fetched page ("block"), not one record per line:
 * IndexedDB pays per record, so a block of up to 5,000 lines costs about what a single line would.
 * See docs/STORAGE-LAYOUT.md for the measurements behind this choice.
 *
 * Repeating strings (service, licence, reference, description) are dictionary-encoded per block;
 * money, quantities and prices are exact scaled integers (centimes, thousandths, ten-thousandths);
 * dates are day numbers.
 */
export interface LineBlock {
  invoiceId: string;
  blockNo: number;
  count: number;
  dict: string[];
  lineNo: Int32Array;
  serviceCode: Uint16Array;
  description: Uint16Array;
  invoiceReference: Uint16Array;
  frankingLicence: Uint16Array;
  customerReference: Array<string | null>;
  serviceDay: Int32Array;
  quantityMilli: Float64Array;
  unitPrice: Float64Array;
  netCentimes: Float64Array;
  vatRateBp: Uint16Array;
  vatCentimes: Float64Array;
}

/** The contract caps a lines page at 5,000 items, which keeps every dictionary well inside 16 bits. */
export const MAX_BLOCK_LINES = 5_000;

const vatRates: Record<number, VatRate> = { 0: '0.0', 260: '2.6', 380: '3.8', 810: '8.1' };

export const encodeBlock = (invoiceId: string, blockNo: number, lines: readonly LineItem[]): LineBlock => {
  if (lines.length > MAX_BLOCK_LINES)
    throw new RangeError(`A block holds at most ${MAX_BLOCK_LINES} lines, got ${lines.length}`);
  const dict: string[] = [];
  const codes = new Map<string, number>();
  const code = (text: string): number => {
    let index = codes.get(text);
    if (index === undefined) {
      index = dict.length;
      dict.push(text);
      codes.set(text, index);
    }
    return index;
  };
  const count = lines.length;
  const block: LineBlock = {
    invoiceId,
    blockNo,
    count,
    dict,
    lineNo: new Int32Array(count),
    serviceCode: new Uint16Array(count),
    description: new Uint16Array(count),
    invoiceReference: new Uint16Array(count),
    frankingLicence: new Uint16Array(count),
    customerReference: new Array<string | null>(count),
    serviceDay: new Int32Array(count),
    quantityMilli: new Float64Array(count),
    unitPrice: new Float64Array(count),
    netCentimes: new Float64Array(count),
    vatRateBp: new Uint16Array(count),
    vatCentimes: new Float64Array(count),
  };
  lines.forEach((line, i) => {
    block.lineNo[i] = line.lineNo;
    block.serviceCode[i] = code(line.serviceCode);
    block.description[i] = code(line.description ?? '');
    block.invoiceReference[i] = code(line.invoiceReference);
    block.frankingLicence[i] = code(line.frankingLicence);
    block.customerReference[i] = line.customerReference ?? null;
    block.serviceDay[i] = isoToDay(line.serviceDate);
    block.quantityMilli[i] = parseQuantity(line.quantity);
    block.unitPrice[i] = parseUnitPrice(line.unitPrice);
    block.netCentimes[i] = parseMoney(line.netAmount);
    block.vatRateBp[i] = parseVatRate(line.vatRate);
    block.vatCentimes[i] = parseMoney(line.vatAmount);
  });
  return block;
};

const text = (block: LineBlock, index: number): string => block.dict[index] ?? '';

/** One line back in the contract's shape (numbers in their canonical decimal form). */
export const decodeLine = (block: LineBlock, i: number): LineItem => ({
  lineNo: block.lineNo[i] ?? 0,
  serviceCode: text(block, block.serviceCode[i] ?? 0),
  description: text(block, block.description[i] ?? 0),
  serviceDate: dayToIso(block.serviceDay[i] ?? 0),
  invoiceReference: text(block, block.invoiceReference[i] ?? 0),
  frankingLicence: text(block, block.frankingLicence[i] ?? 0),
  customerReference: block.customerReference[i] ?? null,
  quantity: formatQuantity(block.quantityMilli[i] ?? 0),
  unitPrice: formatUnitPrice(block.unitPrice[i] ?? 0),
  netAmount: formatMoney(block.netCentimes[i] ?? 0),
  vatRate: vatRates[block.vatRateBp[i] ?? 0] ?? '0.0',
  vatAmount: formatMoney(block.vatCentimes[i] ?? 0),
});

export const decodeBlock = (block: LineBlock): LineItem[] =>
  Array.from({ length: block.count }, (_, i) => decodeLine(block, i));

export interface BlockTotals {
  lines: number;
  netCentimes: number;
  vatCentimes: number;
}

export const blockTotals = (block: LineBlock): BlockTotals => {
  let net = 0;
  let vat = 0;
  for (let i = 0; i < block.count; i += 1) {
    net += block.netCentimes[i] ?? 0;
    vat += block.vatCentimes[i] ?? 0;
  }
  return { lines: block.count, netCentimes: net, vatCentimes: vat };
};
