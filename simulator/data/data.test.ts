import { describe, expect, it } from 'vitest';
import { ServiceSchema } from '../../shared/api/schemas';
import { dayFromIso, isoDate, nthBusinessDayFrom, subtractMonths } from './calendar';
import { CATALOGUE, priceInYear, toContractService } from './catalogue';
import { buildCustomerModel, catalogueCodes, servicesUsedByHabits } from './customer';
import { createLedger } from './ledger';
import { lineCore } from './lines';
import { groupQrReference, mod10Recursive, qrReference } from './qrReference';

const NOW = Date.parse('2026-11-22T12:00:00Z');

describe('calendar', () => {
  it('subtracts months clamping to the end of the month', () => {
    expect(isoDate(subtractMonths(dayFromIso('2026-11-22'), 18))).toBe('2025-05-22');
    expect(isoDate(subtractMonths(dayFromIso('2026-08-31'), 6))).toBe('2026-02-28');
    expect(isoDate(subtractMonths(dayFromIso('2028-08-31'), 6))).toBe('2028-02-29');
  });
  it('counts business days', () => {
    // 2026-05-01 is a Friday
    expect(isoDate(nthBusinessDayFrom(dayFromIso('2026-05-01'), 3))).toBe('2026-05-05');
  });
});

describe('QR reference', () => {
  it('computes the ISR check digit of the published example', () => {
    expect(mod10Recursive('21000000000313947143000901')).toBe(7);
    expect(groupQrReference('210000000003139471430009017')).toBe('21 00000 00003 13947 14300 09017');
  });
  it('is 27 digits', () => {
    expect(qrReference('1234567', '8260300001')).toMatch(/^[0-9]{27}$/);
  });
});

describe('catalogue', () => {
  it('has about forty valid services, all used by some shipping habit', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(38);
    for (const service of CATALOGUE)
      expect(ServiceSchema.safeParse(toContractService(service)).success).toBe(true);
    const used = servicesUsedByHabits();
    expect(catalogueCodes().filter((code) => !used.has(code))).toEqual([]);
  });
  it('moves prices by year, on the price grid', () => {
    const letter = CATALOGUE.find((s) => s.code === 'A-STD')!;
    expect(priceInYear(letter, 2026)).toBe(12000);
    expect(priceInYear(letter, 2025) % 500).toBe(0);
    expect(priceInYear(letter, 2025)).toBeLessThan(12000);
  });
});

describe('profiles', () => {
  const linesInWindow = (profile: 'demo' | 'large'): { invoices: number; lines: number } => {
    const ledger = createLedger(1, buildCustomerModel(1, profile));
    const order = ledger.feedOrder(NOW);
    return { invoices: order.length, lines: order.reduce((sum, s) => sum + s.meta.lineCount, 0) };
  };
  it('demo holds about 20,000 lines over the window', () => {
    const { lines } = linesInWindow('demo');
    expect(lines).toBeGreaterThan(15_000);
    expect(lines).toBeLessThan(30_000);
  });
  it('large holds over a million lines over the window', () => {
    expect(linesInWindow('large').lines).toBeGreaterThan(1_000_000);
  });
});

describe('lines', () => {
  it('are reproducible one by one, in any order', () => {
    const model = buildCustomerModel(5, 'demo');
    const ledger = createLedger(5, model);
    const meta = ledger.feedOrder(NOW).find((s) => s.meta.lineCount > 50)!.meta;
    const forward = Array.from({ length: meta.lineCount }, (_, i) => lineCore(meta, i + 1));
    const backward = Array.from({ length: meta.lineCount }, (_, i) =>
      lineCore(meta, meta.lineCount - i),
    ).reverse();
    expect(backward).toEqual(forward);
    // Dates never go backwards.
    expect(forward.every((line, i) => i === 0 || line.day >= (forward[i - 1]?.day ?? 0))).toBe(true);
  });
  it('credit-note lines mirror the lines they credit', () => {
    const model = buildCustomerModel(1, 'demo');
    const ledger = createLedger(1, model);
    const note = ledger.feedOrder(NOW).find((s) => s.meta.type === 'credit-note')!.meta;
    const correction = note.correction!;
    for (let lineNo = 1; lineNo <= note.lineCount; lineNo++) {
      const credit = lineCore(note, lineNo);
      const original = lineCore(correction.original, credit.creditsLineNo);
      expect(credit.net).toBe(-original.net);
      expect(credit.vat).toBe(-original.vat);
      expect(credit.serviceIndex).toBe(original.serviceIndex);
    }
  });
});
