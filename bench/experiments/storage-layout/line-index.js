// The in-memory columnar index a Web Worker keeps over all cached lines.
//
// One typed array per column, grown by doubling; low-cardinality strings as Uint16 codes into
// global dictionaries; dates as day numbers; money as exact integer centimes in Float64Array
// (no overflow case to handle, and sums stay exact below 2^53). Customer references, the only
// high-cardinality text, live once as a compact array of the non-null values plus one lowercase
// haystack string joined by \u0001, searched with the engine's native indexOf.

import { NO_CODE, formatDay, formatScaled, parseDay, parseFixed } from './codec.js';

const SEPARATOR = '\u0001';

class GlobalDictionary {
  constructor() {
    this.codes = new Map();
    this.values = [];
  }
  code(value) {
    if (value === undefined || value === null) return NO_CODE;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }
  /** Local dictionary (array of strings) to a table of global codes. */
  remap(localValues) {
    const table = new Uint16Array(localValues.length);
    for (let i = 0; i < localValues.length; i += 1) table[i] = this.code(localValues[i]);
    return table;
  }
}

const grow = (array, capacity) => {
  const next = new array.constructor(capacity);
  next.set(array);
  return next;
};

const DICTIONARY_COLUMNS = ['serviceCode', 'description', 'invoiceReference', 'frankingLicence', 'vatRate'];

export class LineIndex {
  constructor(capacity = 1 << 16) {
    this.length = 0;
    this.capacity = capacity;
    this.invoice = new Uint16Array(capacity);
    this.lineNo = new Int32Array(capacity);
    this.serviceDate = new Int32Array(capacity);
    this.serviceCode = new Uint16Array(capacity);
    this.description = new Uint16Array(capacity);
    this.invoiceReference = new Uint16Array(capacity);
    this.frankingLicence = new Uint16Array(capacity);
    this.vatRate = new Uint16Array(capacity);
    this.quantity = new Float64Array(capacity);
    this.quantityDecimals = new Uint8Array(capacity);
    this.unitPrice = new Float64Array(capacity);
    this.unitPriceDecimals = new Uint8Array(capacity);
    this.netAmount = new Float64Array(capacity);
    this.vatAmount = new Float64Array(capacity);
    this.invoices = new GlobalDictionary();
    this.dict = {};
    for (const name of DICTIONARY_COLUMNS) this.dict[name] = new GlobalDictionary();
    /** Non-null customer references in row order, their rows, and their offsets in the haystack. */
    this.references = [];
    this.referenceRow = new Int32Array(1024);
    this.referenceStart = new Int32Array(1024);
    this.haystackParts = [];
    this.haystackLength = 0;
    this.haystack = '';
  }

  static COLUMNS = [
    'invoice',
    'lineNo',
    'serviceDate',
    'serviceCode',
    'description',
    'invoiceReference',
    'frankingLicence',
    'vatRate',
    'quantity',
    'quantityDecimals',
    'unitPrice',
    'unitPriceDecimals',
    'netAmount',
    'vatAmount',
  ];

  reserve(extra) {
    const needed = this.length + extra;
    if (needed <= this.capacity) return;
    let capacity = this.capacity;
    while (capacity < needed) capacity *= 2;
    for (const name of LineIndex.COLUMNS) this[name] = grow(this[name], capacity);
    this.capacity = capacity;
  }

  addReference(row, text) {
    const k = this.references.length;
    if (k === this.referenceRow.length) {
      this.referenceRow = grow(this.referenceRow, k * 2);
      this.referenceStart = grow(this.referenceStart, k * 2);
    }
    this.references.push(text);
    this.referenceRow[k] = row;
    this.referenceStart[k] = this.haystackLength;
    this.haystackParts.push(text.toLowerCase());
    this.haystackLength += text.length + 1;
  }

  /** Appends API row objects of one invoice (layouts A and B). */
  appendRows(invoiceId, rows) {
    this.reserve(rows.length);
    const invoice = this.invoices.code(invoiceId);
    const { serviceCode, description, invoiceReference, frankingLicence, vatRate } = this.dict;
    let i = this.length;
    for (const row of rows) {
      this.invoice[i] = invoice;
      this.lineNo[i] = row.lineNo;
      this.serviceDate[i] = parseDay(row.serviceDate);
      this.serviceCode[i] = serviceCode.code(row.serviceCode);
      this.description[i] = description.code(row.description);
      this.invoiceReference[i] = invoiceReference.code(row.invoiceReference);
      this.frankingLicence[i] = frankingLicence.code(row.frankingLicence);
      this.vatRate[i] = vatRate.code(row.vatRate);
      this.quantity[i] = parseFixed(row.quantity, 3);
      this.quantityDecimals[i] = parseFixed.decimals;
      this.unitPrice[i] = parseFixed(row.unitPrice, 4);
      this.unitPriceDecimals[i] = parseFixed.decimals;
      this.netAmount[i] = parseFixed(row.netAmount, 2);
      this.vatAmount[i] = parseFixed(row.vatAmount, 2);
      if (row.customerReference != null) this.addReference(i, row.customerReference);
      i += 1;
    }
    this.length = i;
  }

  /** Appends one columnar block (layout C): typed-array copies plus dictionary code remapping. */
  appendBlock(block) {
    const n = block.n;
    this.reserve(n);
    const at = this.length;
    this.invoice.fill(this.invoices.code(block.invoiceId), at, at + n);
    this.lineNo.set(block.lineNo, at);
    this.serviceDate.set(block.serviceDate, at);
    for (const name of DICTIONARY_COLUMNS) {
      const table = this.dict[name].remap(block.dict[name]);
      const local = block[name];
      const target = this[name];
      for (let i = 0; i < n; i += 1) {
        const code = local[i];
        target[at + i] = code === NO_CODE ? NO_CODE : table[code];
      }
    }
    this.quantity.set(block.quantity, at);
    this.quantityDecimals.set(block.quantityDecimals, at);
    this.unitPrice.set(block.unitPrice, at);
    this.unitPriceDecimals.set(block.unitPriceDecimals, at);
    this.netAmount.set(block.netAmount, at);
    this.vatAmount.set(block.vatAmount, at);
    const references = block.customerReference;
    for (let i = 0; i < n; i += 1) {
      const text = references[i];
      if (text !== null) this.addReference(at + i, text);
    }
    this.length = at + n;
  }

  /** Ends loading: trims the arrays to size and builds the search haystack. */
  seal() {
    for (const name of LineIndex.COLUMNS) this[name] = this[name].slice(0, this.length);
    this.capacity = this.length;
    const k = this.references.length;
    this.referenceRow = this.referenceRow.slice(0, k);
    this.referenceStart = this.referenceStart.slice(0, k);
    this.haystack = this.haystackParts.join(SEPARATOR);
    this.haystackParts = [];
  }

  /** Bytes held: typed arrays exactly, strings estimated (one byte per Latin-1 char + headers). */
  bytes() {
    let total = 0;
    for (const name of LineIndex.COLUMNS) total += this[name].byteLength;
    total += this.referenceRow.byteLength + this.referenceStart.byteLength;
    total += this.haystack.length + 16;
    for (const text of this.references) total += text.length + 16 + 8;
    return total;
  }

  /** Row i back to the API object (for display). */
  row(i) {
    const { dict } = this;
    const descriptionCode = this.description[i];
    return {
      invoiceId: this.invoices.values[this.invoice[i]],
      lineNo: this.lineNo[i],
      serviceCode: dict.serviceCode.values[this.serviceCode[i]],
      description: descriptionCode === NO_CODE ? undefined : dict.description.values[descriptionCode],
      serviceDate: formatDay(this.serviceDate[i]),
      invoiceReference: dict.invoiceReference.values[this.invoiceReference[i]],
      frankingLicence: dict.frankingLicence.values[this.frankingLicence[i]],
      customerReference: this.referenceOf(i),
      quantity: formatScaled(this.quantity[i], 3, this.quantityDecimals[i]),
      unitPrice: formatScaled(this.unitPrice[i], 4, this.unitPriceDecimals[i]),
      netAmount: formatScaled(this.netAmount[i], 2, 2),
      vatRate: dict.vatRate.values[this.vatRate[i]],
      vatAmount: formatScaled(this.vatAmount[i], 2, 2),
    };
  }

  referenceOf(i) {
    const rows = this.referenceRow;
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid] === i) return this.references[mid];
      if (rows[mid] < i) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  /** Count, net and VAT totals (centimes) and the first `limit` matching rows of an equality filter. */
  equals(columnName, value, limit) {
    const code = this.dict[columnName].codes.get(value);
    const first = [];
    if (code === undefined) return { count: 0, net: 0, vat: 0, first };
    const column = this[columnName];
    const net = this.netAmount;
    const vat = this.vatAmount;
    let count = 0;
    let netSum = 0;
    let vatSum = 0;
    for (let i = 0, n = this.length; i < n; i += 1) {
      if (column[i] === code) {
        if (count < limit) first.push(i);
        count += 1;
        netSum += net[i];
        vatSum += vat[i];
      }
    }
    return { count, net: netSum, vat: vatSum, first };
  }

  /** serviceDate in [fromDay, toDay). */
  dateRange(fromIso, toIso, limit) {
    const from = parseDay(fromIso);
    const to = parseDay(toIso);
    const dates = this.serviceDate;
    const net = this.netAmount;
    const vat = this.vatAmount;
    const first = [];
    let count = 0;
    let netSum = 0;
    let vatSum = 0;
    for (let i = 0, n = this.length; i < n; i += 1) {
      const day = dates[i];
      if (day >= from && day < to) {
        if (count < limit) first.push(i);
        count += 1;
        netSum += net[i];
        vatSum += vat[i];
      }
    }
    return { count, net: netSum, vat: vatSum, first };
  }

  /** Case-insensitive substring search over customer references. */
  search(text, limit) {
    const needle = text.toLowerCase().replaceAll(SEPARATOR, '');
    const { haystack, referenceStart, referenceRow } = this;
    const net = this.netAmount;
    const vat = this.vatAmount;
    const first = [];
    let count = 0;
    let netSum = 0;
    let vatSum = 0;
    if (needle.length === 0) return { count, net: netSum, vat: vatSum, first };
    let from = 0;
    let k = 0;
    const last = referenceStart.length - 1;
    for (;;) {
      const at = haystack.indexOf(needle, from);
      if (at < 0) break;
      // The reference holding `at`: the last start <= at, searched forward from the previous hit.
      let lo = k;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (referenceStart[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      k = lo;
      const row = referenceRow[k];
      if (count < limit) first.push(row);
      count += 1;
      netSum += net[row];
      vatSum += vat[row];
      if (k === last) break;
      k += 1;
      from = referenceStart[k];
    }
    return { count, net: netSum, vat: vatSum, first };
  }

  /** Net and VAT totals per service (one pass, for dashboards). */
  totalsByService() {
    const size = this.dict.serviceCode.values.length;
    const count = new Float64Array(size);
    const netSums = new Float64Array(size);
    const vatSums = new Float64Array(size);
    const codes = this.serviceCode;
    const net = this.netAmount;
    const vat = this.vatAmount;
    for (let i = 0, n = this.length; i < n; i += 1) {
      const c = codes[i];
      count[c] += 1;
      netSums[c] += net[i];
      vatSums[c] += vat[i];
    }
    let total = 0;
    for (let c = 0; c < size; c += 1) total += count[c];
    return {
      count: total,
      net: netSums.reduce((a, b) => a + b, 0),
      vat: vatSums.reduce((a, b) => a + b, 0),
      first: [],
      groups: size,
    };
  }
}
