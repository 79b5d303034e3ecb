/**
 * Invoice lines, generated lazily and independently of each other: line n of an invoice depends
 * only on the invoice's seed and n, so a page of 5,000 lines out of 50,000 costs 5,000 lines of
 * work, and a million-line data set never sits in memory.
 *
 * A LineCore holds the numbers (cheap, used for totals); toLineItem dresses it as the contract's
 * LineItem (strings, used when serving a page).
 */
import type { Language, LineItem } from '../../shared/api/schemas';
import {
  formatMoney,
  formatQuantity,
  formatUnitPrice,
  multiplyToCentimes,
  vatOnNet,
} from '../../shared/core/money';
import { businessDaysOfMonth, isoDate, yearOfMonth, type DayNumber, type MonthIndex } from './calendar';
import { priceInYear, serviceAt, type QuantityModel } from './catalogue';
import type { CustomerModel, ShippingHabit } from './customer';
import type { InvoiceMeta } from './ledger';
import { createRng, hash32, pickWeighted, type Rng } from './prng';

export interface LineCore {
  readonly lineNo: number;
  readonly serviceIndex: number;
  readonly licenceIndex: number;
  readonly day: DayNumber;
  /** thousandths of a unit */
  readonly quantity: number;
  /** ten-thousandths of a franc */
  readonly unitPrice: number;
  readonly net: number;
  readonly vat: number;
  /** 0: no customer reference; otherwise seeds it */
  readonly referenceSeed: number;
  /** 0: no description; 1..: a posting location; -1: a credit-note text */
  readonly description: number;
  /** for credit-note lines, the original line they credit */
  readonly creditsLineNo: number;
}

const businessDaysCache = new Map<MonthIndex, readonly DayNumber[]>();
const businessDays = (month: MonthIndex): readonly DayNumber[] => {
  let days = businessDaysCache.get(month);
  if (days === undefined) {
    days = businessDaysOfMonth(month);
    businessDaysCache.set(month, days);
  }
  return days;
};

const drawQuantity = (model: QuantityModel, rng: Rng): number => {
  const u = rng.next();
  switch (model) {
    case 'letters':
      return (1 + Math.floor(300 * u * u * u)) * 1000;
    case 'parcels':
      return (1 + Math.floor(40 * u * u)) * 1000;
    case 'addon':
      return (1 + Math.floor(20 * u * u)) * 1000;
    case 'weight':
      // kilograms with gram precision
      return 500 + Math.floor(400_000 * u * u);
    case 'express':
      return (1 + Math.floor(3 * u)) * 1000;
    case 'mass':
      return (500 + Math.floor(24_500 * u)) * 1000;
    case 'once':
      return 1000;
  }
};

const priced = (base: Omit<LineCore, 'unitPrice' | 'net' | 'vat'>, period: MonthIndex): LineCore => {
  const service = serviceAt(base.serviceIndex);
  const unitPrice = priceInYear(service, yearOfMonth(period));
  const net = multiplyToCentimes(base.quantity, unitPrice);
  return { ...base, unitPrice, net, vat: vatOnNet(net, service.vatBasisPoints) };
};

const invoiceLine = (meta: InvoiceMeta, lineNo: number): LineCore => {
  const rrn = meta.rrn;
  const fixed = rrn.fixedServices;
  if (lineNo <= fixed.length) {
    const serviceIndex = fixed[lineNo - 1] ?? 0;
    // The licence base fee is charged per licence; rents and pick-ups once a month.
    const quantity = serviceAt(serviceIndex).code === 'FL-GEB' ? rrn.licences.length * 1000 : 1000;
    return priced(
      {
        lineNo,
        serviceIndex,
        licenceIndex: 0,
        day: meta.periodStart,
        quantity,
        referenceSeed: 0,
        description: 0,
        creditsLineNo: 0,
      },
      meta.period,
    );
  }
  const rng = createRng(hash32(meta.seed, lineNo));
  const serviceIndex = pickWeighted(rrn.serviceTable, rng.next());
  const licenceIndex = pickWeighted(rrn.licenceTable, rng.next());
  const quantity = drawQuantity(serviceAt(serviceIndex).quantity, rng);
  const referenceSeed = rng.next() < rrn.customerReferenceRate ? 1 + rng.int(0, 0x3fff_ffff) : 0;
  const description = rng.next() < 0.3 ? 1 + rng.int(0, POSTING_LOCATIONS.length - 1) : 0;
  // Lines run in date order across the period's business days.
  const days = businessDays(meta.period);
  const variable = meta.lineCount - fixed.length;
  const day = days[Math.floor(((lineNo - fixed.length - 1) * days.length) / variable)] ?? meta.periodStart;
  return priced(
    { lineNo, serviceIndex, licenceIndex, day, quantity, referenceSeed, description, creditsLineNo: 0 },
    meta.period,
  );
};

/** Line `lineNo` (1-based) of an invoice or credit note. */
export const lineCore = (meta: InvoiceMeta, lineNo: number): LineCore => {
  const correction = meta.correction;
  if (correction === null) return invoiceLine(meta, lineNo);
  const originalLineNo = correction.lineNos === null ? lineNo : (correction.lineNos[lineNo - 1] ?? 1);
  const original = invoiceLine(correction.original, originalLineNo);
  // A credit reverses the quantity at the original price, so amounts mirror the original exactly.
  return priced(
    { ...original, lineNo, quantity: -original.quantity, description: -1, creditsLineNo: originalLineNo },
    correction.original.period,
  );
};

/**
 * A planted anomaly (a test instrument, /__sim/plant): the lines of one service in the invoices of
 * one month carry `factor` times their quantity, priced as usual. Applied to the original's month
 * for a credit note too, so a credit still mirrors the line it credits.
 */
export interface Plant {
  readonly serviceIndex: number;
  readonly period: MonthIndex;
  readonly factor: number;
}

export const plantedLine = (core: LineCore, meta: InvoiceMeta, plants: readonly Plant[]): LineCore => {
  const period = meta.correction?.original.period ?? meta.period;
  const plant = plants.find((each) => each.period === period && each.serviceIndex === core.serviceIndex);
  if (plant === undefined) return core;
  const { unitPrice: _price, net: _net, vat: _vat, ...base } = core;
  return priced({ ...base, quantity: core.quantity * plant.factor }, period);
};

const POSTING_LOCATIONS: readonly string[] = [
  'Zürich-Mülligen',
  'Härkingen',
  'Frauenfeld',
  'Daillens',
  'Cadenazzo',
  'Vétroz',
  'Ostermundigen',
  'Untervaz',
  'Kriens',
  'Basel 2',
];

const POSTED_AT: Record<Language, string> = {
  de: 'Aufgabe',
  fr: 'Dépôt',
  it: 'Impostazione',
  en: 'Posted at',
};
const CREDIT_TEXT: Record<Language, (number: string, lineNo: number) => string> = {
  de: (n, l) => `Gutschrift zu Rechnung ${n}, Pos. ${l}`,
  fr: (n, l) => `Crédit sur facture ${n}, pos. ${l}`,
  it: (n, l) => `Accredito fattura ${n}, pos. ${l}`,
  en: (n, l) => `Credit on invoice ${n}, line ${l}`,
};

const REFERENCE_STYLE: Record<ShippingHabit, (rng: Rng, meta: InvoiceMeta) => string> = {
  correspondence: (rng) => `KST ${rng.int(1000, 9899)}`,
  'e-commerce': (rng) => `WEB-${rng.int(100_000, 999_999)}`,
  marketing: (rng, meta) =>
    `KAMPAGNE-${String(yearOfMonth(meta.period) % 100)}-${String(rng.int(1, 24)).padStart(2, '0')}`,
  export: (rng) => `EXP/${rng.int(10_000, 99_999)}/${rng.pick(['DE', 'FR', 'IT', 'AT', 'US', 'GB'])}`,
  publishing: (rng) => `ABO ${rng.int(100_000, 999_999)}`,
  mixed: (rng) => `PO ${rng.int(4_500_000_000, 4_599_999_999)}`,
};

export const customerReference = (core: LineCore, meta: InvoiceMeta): string | null => {
  if (core.referenceSeed === 0) return null;
  const owner = meta.correction?.original ?? meta;
  return REFERENCE_STYLE[owner.rrn.habit](createRng(core.referenceSeed), owner);
};

export const lineDescription = (core: LineCore, meta: InvoiceMeta, language: Language): string => {
  if (core.description === -1 && meta.correction !== null) {
    return CREDIT_TEXT[language](meta.correction.original.number, core.creditsLineNo);
  }
  if (core.description > 0) return `${POSTED_AT[language]} ${POSTING_LOCATIONS[core.description - 1] ?? ''}`;
  return '';
};

export const toLineItem = (core: LineCore, meta: InvoiceMeta, model: CustomerModel): LineItem => {
  const service = serviceAt(core.serviceIndex);
  const owner = meta.correction?.original ?? meta;
  return {
    lineNo: core.lineNo,
    serviceCode: service.code,
    description: lineDescription(core, meta, model.language),
    serviceDate: isoDate(core.day),
    invoiceReference: meta.rrn.number,
    frankingLicence: owner.rrn.licences[core.licenceIndex] ?? owner.rrn.licences[0] ?? '00000000',
    customerReference: customerReference(core, meta),
    quantity: formatQuantity(core.quantity),
    unitPrice:
      service.priceDecimals === 4 ? formatUnitPrice4(core.unitPrice) : formatUnitPrice(core.unitPrice),
    netAmount: formatMoney(core.net),
    vatRate: service.vatRate,
    vatAmount: formatMoney(core.vat),
  };
};

/** Per-piece mass-mailing rates are always printed with four decimals ("0.1950"). */
const formatUnitPrice4 = (tenThousandths: number): string => {
  const text = formatUnitPrice(tenThousandths);
  const decimals = text.split('.')[1]?.length ?? 0;
  return decimals >= 4 ? text : `${text}${'0'.repeat(4 - decimals)}`;
};
