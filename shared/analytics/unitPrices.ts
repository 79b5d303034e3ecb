import { dayToMonth } from '../core/dates';
import type { LineBlock } from '../lines/block';
import type { UnitPriceCount } from './anomalies';

type Columns = Pick<LineBlock, 'count' | 'dict' | 'serviceCode' | 'serviceDay' | 'unitPrice'>;

/**
 * Counts lines per service, month of service date and unit price, one block at a time: what the
 * unusual-price flag needs, a few hundred rows however many lines there are.
 */
export const createUnitPriceTally = () => {
  const counts = new Map<string, UnitPriceCount>();
  const months = new Map<number, string>();
  return {
    add: (block: Columns) => {
      for (let i = 0; i < block.count; i += 1) {
        const day = block.serviceDay[i] ?? 0;
        let month = months.get(day);
        if (month === undefined) {
          month = dayToMonth(day);
          months.set(day, month);
        }
        const serviceCode = block.dict[block.serviceCode[i] ?? 0] ?? '';
        const unitPrice = block.unitPrice[i] ?? 0;
        const key = `${serviceCode}|${month}|${unitPrice}`;
        const entry = counts.get(key);
        if (entry) entry.lines += 1;
        else counts.set(key, { serviceCode, month, unitPrice, lines: 1 });
      }
    },
    result: (): UnitPriceCount[] => [...counts.values()],
  };
};
