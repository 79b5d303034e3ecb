import { describe, expect, it } from 'vitest';
import { DEFAULT_PAPER_COST } from '../../../shared/preferences/savings';
import { loadPaperCost, savePaperCost } from './paperCost';

const memoryStorage = (): Storage => {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
};

describe('the cost of one paper invoice', () => {
  it('defaults to CHF 9.00 to 15.00', () => {
    expect(loadPaperCost(memoryStorage(), 'p1')).toEqual({ lowCentimes: 900, highCentimes: 1500 });
  });

  it('keeps the clerk’s figures per profile as decimal strings, never floats', () => {
    const storage = memoryStorage();
    savePaperCost(storage, 'p1', { lowCentimes: 1235, highCentimes: 1235 });
    expect(storage.getItem('invoice-desk.profile.p1.paper-cost-low')).toBe('12.35');
    expect(loadPaperCost(storage, 'p1')).toEqual({ lowCentimes: 1235, highCentimes: 1235 });
    expect(loadPaperCost(storage, 'p2')).toEqual(DEFAULT_PAPER_COST);
  });

  it('falls back to the default for a damaged or reversed range, and refuses to store one', () => {
    const storage = memoryStorage();
    storage.setItem('invoice-desk.profile.p1.paper-cost-low', '9.5');
    storage.setItem('invoice-desk.profile.p1.paper-cost-high', '15.00');
    expect(loadPaperCost(storage, 'p1')).toEqual(DEFAULT_PAPER_COST);
    storage.setItem('invoice-desk.profile.p1.paper-cost-low', '20.00');
    expect(loadPaperCost(storage, 'p1')).toEqual(DEFAULT_PAPER_COST);
    expect(() => savePaperCost(storage, 'p1', { lowCentimes: 1500, highCentimes: 900 })).toThrow(RangeError);
  });
});
