// Deterministic synthetic invoice lines shaped like the contract's LineItem (shared/api/schemas.ts).
//
// 24 months x 30 invoice references = 720 invoices. Line counts per invoice are Zipf-skewed by
// reference (a few references carry most parcels), scaled so that all invoices add up to exactly N
// lines. Every invoice has its own seeded generator, so any invoice can be regenerated on its own.

/** The API returns lines in pages of up to this many per invoice. */
export const API_PAGE_SIZE = 5000;

const MONTHS = 24;
const REFERENCE_COUNT = 30;
const LICENCES_PER_REFERENCE = 4;
const FIRST_MONTH = { year: 2024, month: 4 }; // 2024-04 .. 2026-03

export const mulberry32 = (seed) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const hashSeed = (seed, salt) => {
  let h = (seed ^ Math.imul(salt + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
};

/** Integer value at a fixed scale to the contract's decimal string: (12345, 2) -> "123.45". */
export const formatFixed = (value, scale) => {
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
};

const FAMILIES = [
  ['PP', 'PostPac', 'piece', 1050],
  ['PR', 'PostPac Promo', 'piece', 890],
  ['A', 'A-Post letter', 'piece', 1150],
  ['B', 'B-Post letter', 'piece', 950],
  ['EXP', 'Express parcel', 'kg', 2850],
  ['INT', 'International parcel', 'kg', 3400],
  ['MM', 'Mass mailing', 'piece', 310],
  ['DM', 'Direct mail', 'piece', 420],
  ['REG', 'Registered letter', 'piece', 650],
  ['COD', 'Cash on delivery', 'piece', 1800],
];
const GRADES = [
  ['PRI', 'Priority', 1.25],
  ['ECO', 'Economy', 0.85],
  ['PLUS', 'Plus', 1.6],
  ['SI', 'Signature', 1.4],
];
const WEIGHT_BANDS = ['up to 2 kg', '2 to 10 kg', '10 to 30 kg'];

/** 40 services with Zipf-like frequencies, 1-3 descriptions each. */
const buildServices = () => {
  const rng = mulberry32(40);
  const services = [];
  for (const [family, familyName, unit, basePrice] of FAMILIES) {
    for (const [grade, gradeName, factor] of GRADES) {
      const name = `${familyName} ${gradeName}`;
      const descriptions = [name, `${name} ${WEIGHT_BANDS[0]}`, `${name} ${WEIGHT_BANDS[1]}`].slice(
        0,
        1 + Math.floor(rng() * 3),
      );
      services.push({
        code: `${family}-${grade}`,
        unit,
        // unit price in 1/10000 CHF
        price: Math.round(basePrice * factor * (0.9 + rng() * 0.2)) * 10,
        vatRate: family === 'INT' ? '0.0' : '8.1',
        descriptions,
      });
    }
  }
  // Zipf weights over a shuffled order, as a cumulative table.
  const order = services.map((_, i) => i).sort(() => rng() - 0.5);
  let total = 0;
  const cumulative = new Float64Array(services.length);
  order.forEach((serviceIndex, rank) => {
    total += 1 / (rank + 1);
    cumulative[serviceIndex] = 1 / (rank + 1);
  });
  let running = 0;
  for (let i = 0; i < services.length; i += 1) {
    running += cumulative[i] / total;
    cumulative[i] = running;
  }
  return { services, cumulative };
};

const NAMES = [
  'Müller',
  'Meier',
  'Schmid',
  'Keller',
  'Weber',
  'Huber',
  'Rossi',
  'Favre',
  'Zürcher',
  'Bianchi',
];
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const digits = (rng, count) => {
  let text = '';
  for (let i = 0; i < count; i += 1) text += String(Math.floor(rng() * 10));
  return text;
};
const customerReference = (rng) => {
  const kind = Math.floor(rng() * 5);
  switch (kind) {
    case 0:
      return `PO-${digits(rng, 8)}`;
    case 1:
      return `Auftrag ${digits(rng, 6)}/${LETTERS[Math.floor(rng() * 24)]}${LETTERS[Math.floor(rng() * 24)]}`;
    case 2:
      return `Dossier ${NAMES[Math.floor(rng() * NAMES.length)]} ${digits(rng, 4)}`;
    case 3:
      return `KST ${digits(rng, 4)} / Sendung ${digits(rng, 10)}`;
    default:
      return `order-${digits(rng, 5)}-${NAMES[Math.floor(rng() * NAMES.length)].toLowerCase()}`;
  }
};

const dayNumber = (year, month, day) => Date.UTC(year, month - 1, day) / 86400000;
const dateStrings = new Map();
/** Day number (days since 1970-01-01) to "YYYY-MM-DD", cached. */
export const isoDate = (day) => {
  let text = dateStrings.get(day);
  if (text === undefined) {
    text = new Date(day * 86400000).toISOString().slice(0, 10);
    dateStrings.set(day, text);
  }
  return text;
};

/**
 * The dataset: invoices (metadata only) and a generator for each invoice's lines.
 * @param {number} totalRows
 * @param {number} seed
 */
export const createDataset = (totalRows, seed = 1) => {
  const rng = mulberry32(seed);
  const { services, cumulative } = buildServices();
  const references = [];
  for (let r = 0; r < REFERENCE_COUNT; r += 1) {
    const number = String(30000000 + Math.floor(rng() * 699999999)).slice(0, rng() < 0.5 ? 8 : 9);
    const licences = [];
    for (let l = 0; l < LICENCES_PER_REFERENCE; l += 1) licences.push(`6${digits(rng, 7)}`);
    references.push({ number, licences, weight: 1 / (r + 1) });
  }
  const invoices = [];
  let weightSum = 0;
  for (let m = 0; m < MONTHS; m += 1) {
    const year = FIRST_MONTH.year + Math.floor((FIRST_MONTH.month - 1 + m) / 12);
    const month = ((FIRST_MONTH.month - 1 + m) % 12) + 1;
    for (let r = 0; r < REFERENCE_COUNT; r += 1) {
      const weight = references[r].weight * (0.7 + rng() * 0.6);
      weightSum += weight;
      invoices.push({
        index: invoices.length,
        id: `inv_${Math.floor(rng() * 2 ** 32)
          .toString(16)
          .padStart(8, '0')}${Math.floor(rng() * 2 ** 32)
          .toString(16)
          .padStart(8, '0')}`,
        reference: references[r],
        firstDay: dayNumber(year, month, 1),
        days: new Date(Date.UTC(year, month, 0)).getUTCDate(),
        creditNote: rng() < 0.03,
        weight,
        lineCount: 0,
      });
    }
  }
  let assigned = 0;
  for (const invoice of invoices) {
    invoice.lineCount = Math.floor((totalRows * invoice.weight) / weightSum);
    assigned += invoice.lineCount;
  }
  for (let i = 0; assigned < totalRows; i = (i + 1) % invoices.length) {
    invoices[i].lineCount += 1;
    assigned += 1;
  }

  const pickService = (value) => {
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return services[lo];
  };

  /** All lines of one invoice, as API objects, lineNo 1..lineCount. */
  function* invoiceLines(invoice) {
    const lineRng = mulberry32(hashSeed(seed, invoice.index));
    const sign = invoice.creditNote ? -1 : 1;
    for (let lineNo = 1; lineNo <= invoice.lineCount; lineNo += 1) {
      const service = pickService(lineRng());
      const descriptionPick = lineRng();
      const description =
        service.descriptions[
          descriptionPick < 0.8 ? 0 : Math.floor(descriptionPick * service.descriptions.length)
        ];
      const day = invoice.firstDay + Math.floor(lineRng() * invoice.days);
      const licence = invoice.reference.licences[Math.floor(lineRng() * LICENCES_PER_REFERENCE)];
      const reference = lineRng() < 0.3 ? customerReference(lineRng) : null;
      let quantityMilli;
      let quantity;
      if (service.unit === 'kg') {
        quantityMilli = 100 + Math.floor(lineRng() * 30000);
        quantity = formatFixed(quantityMilli, 3);
      } else {
        const pieces = 1 + Math.floor(-Math.log(1 - lineRng()) * 20);
        quantityMilli = pieces * 1000;
        quantity = String(pieces);
      }
      const net = sign * Math.round((quantityMilli * service.price) / 100000);
      const vat = service.vatRate === '0.0' ? 0 : Math.round((net * 81) / 1000);
      yield {
        lineNo,
        serviceCode: service.code,
        description,
        serviceDate: isoDate(day),
        invoiceReference: invoice.reference.number,
        frankingLicence: licence,
        customerReference: reference,
        quantity,
        unitPrice: formatFixed(service.price, 4),
        netAmount: formatFixed(net, 2),
        vatRate: service.vatRate,
        vatAmount: formatFixed(vat, 2),
      };
    }
  }

  /** Pages as the API would deliver them: per invoice, up to API_PAGE_SIZE lines each. */
  function* pages() {
    for (const invoice of invoices) {
      let rows = [];
      for (const row of invoiceLines(invoice)) {
        rows.push(row);
        if (rows.length === API_PAGE_SIZE) {
          yield { invoiceId: invoice.id, rows };
          rows = [];
        }
      }
      if (rows.length > 0) yield { invoiceId: invoice.id, rows };
    }
  }

  /** The first `count` lines of an invoice. */
  const firstLines = (invoice, count) => {
    const rows = [];
    for (const row of invoiceLines(invoice)) {
      if (rows.length === count) break;
      rows.push(row);
    }
    return rows;
  };

  return { invoices, services, references, pages, firstLines };
};
