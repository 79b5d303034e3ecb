// Parsing of the contract's decimal strings and the columnar block codec (layout C).
//
// A columnar block is a plain object of typed arrays, which IndexedDB's structured clone stores as
// raw bytes. Decoding reproduces the API strings exactly (quantity and unit price keep their number
// of decimals), so the cache stays lossless.

/** Missing optional string (description) in a dictionary-coded column. */
export const NO_CODE = 0xffff;

/**
 * "-123.45" at scale 2 -> -12345. Accepts fewer decimals than `scale` ("12" -> 1200 at scale 2).
 * Returns the value; the number of decimals seen is left in parseFixed.decimals.
 */
export const parseFixed = (text, scale) => {
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let value = 0;
  let decimals = -1;
  for (; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 46) decimals = 0;
    else {
      value = value * 10 + (c - 48);
      if (decimals >= 0) decimals += 1;
    }
  }
  if (decimals < 0) decimals = 0;
  parseFixed.decimals = decimals;
  for (let d = decimals; d < scale; d += 1) value *= 10;
  return negative ? -value : value;
};
parseFixed.decimals = 0;

/** Integer at `scale` back to a string with `decimals` decimals (the original spelling). */
export const formatScaled = (value, scale, decimals) => {
  const negative = value < 0;
  let v = Math.abs(value);
  for (let d = decimals; d < scale; d += 1) v = Math.round(v / 10);
  const digitsText = String(v).padStart(decimals + 1, '0');
  const text =
    decimals === 0 ? digitsText : `${digitsText.slice(0, -decimals)}.${digitsText.slice(-decimals)}`;
  return negative ? `-${text}` : text;
};

const dayOf = new Map();
/** "2026-03-31" -> days since 1970-01-01, cached (a dataset has a few hundred distinct dates). */
export const parseDay = (text) => {
  let day = dayOf.get(text);
  if (day === undefined) {
    day = Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) / 86400000;
    dayOf.set(text, day);
  }
  return day;
};
const textOfDay = new Map();
export const formatDay = (day) => {
  let text = textOfDay.get(day);
  if (text === undefined) {
    text = new Date(day * 86400000).toISOString().slice(0, 10);
    textOfDay.set(day, text);
  }
  return text;
};

/** Int32Array when every value fits, else Float64Array (exact integers up to 2^53). */
const compactInts = (values) => {
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (v > 2147483647 || v < -2147483648) return values;
  }
  return Int32Array.from(values);
};

/** A block-local dictionary encoder. */
class Dictionary {
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
}

/** The dictionary-coded string columns of a block (all low cardinality). */
export const CODED_COLUMNS = ['serviceCode', 'description', 'invoiceReference', 'frankingLicence', 'vatRate'];

/**
 * Rows (API objects, consecutive lines of one invoice) to one columnar record.
 * @returns {object} a record keyed by [invoiceId, firstLineNo]
 */
export const encodeColumnarBlock = (invoiceId, rows) => {
  const n = rows.length;
  const lineNo = new Int32Array(n);
  const serviceDate = new Int32Array(n);
  const coded = {};
  const dictionaries = {};
  for (const name of CODED_COLUMNS) {
    coded[name] = new Uint16Array(n);
    dictionaries[name] = new Dictionary();
  }
  const customerReference = new Array(n);
  const quantity = new Float64Array(n);
  const quantityDecimals = new Uint8Array(n);
  const unitPrice = new Float64Array(n);
  const unitPriceDecimals = new Uint8Array(n);
  const netAmount = new Float64Array(n);
  const vatAmount = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const row = rows[i];
    lineNo[i] = row.lineNo;
    serviceDate[i] = parseDay(row.serviceDate);
    for (const name of CODED_COLUMNS) coded[name][i] = dictionaries[name].code(row[name]);
    customerReference[i] = row.customerReference ?? null;
    quantity[i] = parseFixed(row.quantity, 3);
    quantityDecimals[i] = parseFixed.decimals;
    unitPrice[i] = parseFixed(row.unitPrice, 4);
    unitPriceDecimals[i] = parseFixed.decimals;
    netAmount[i] = parseFixed(row.netAmount, 2);
    vatAmount[i] = parseFixed(row.vatAmount, 2);
  }
  const dict = {};
  for (const name of CODED_COLUMNS) dict[name] = dictionaries[name].values;
  return {
    invoiceId,
    firstLineNo: rows[0].lineNo,
    n,
    lineNo,
    serviceDate,
    ...coded,
    dict,
    customerReference,
    quantity: compactInts(quantity),
    quantityDecimals,
    unitPrice: compactInts(unitPrice),
    unitPriceDecimals,
    netAmount: compactInts(netAmount),
    vatAmount: compactInts(vatAmount),
  };
};

/** Rows [start, start + count) of a columnar record back to API objects. */
export const decodeColumnarRows = (block, start, count) => {
  const end = Math.min(block.n, start + count);
  const rows = [];
  const { dict } = block;
  for (let i = start; i < end; i += 1) {
    const descriptionCode = block.description[i];
    rows.push({
      lineNo: block.lineNo[i],
      serviceCode: dict.serviceCode[block.serviceCode[i]],
      description: descriptionCode === NO_CODE ? undefined : dict.description[descriptionCode],
      serviceDate: formatDay(block.serviceDate[i]),
      invoiceReference: dict.invoiceReference[block.invoiceReference[i]],
      frankingLicence: dict.frankingLicence[block.frankingLicence[i]],
      customerReference: block.customerReference[i],
      quantity: formatScaled(block.quantity[i], 3, block.quantityDecimals[i]),
      unitPrice: formatScaled(block.unitPrice[i], 4, block.unitPriceDecimals[i]),
      netAmount: formatScaled(block.netAmount[i], 2, 2),
      vatRate: dict.vatRate[block.vatRate[i]],
      vatAmount: formatScaled(block.vatAmount[i], 2, 2),
    });
  }
  return rows;
};
