import { describe, expect, it } from 'vitest';
import type { LineItem } from '../api/schemas';
import { encodeBlock } from '../lines/block';
import { createUnitPriceTally } from './unitPrices';

const line = (lineNo: number, serviceCode: string, serviceDate: string, unitPrice: string): LineItem => ({
  lineNo,
  serviceCode,
  description: '',
  serviceDate,
  invoiceReference: '1234567',
  frankingLicence: '60001234',
  customerReference: null,
  quantity: '1',
  unitPrice,
  netAmount: unitPrice.slice(0, unitPrice.indexOf('.') + 3),
  vatRate: '8.1',
  vatAmount: '0.00',
});

describe('createUnitPriceTally', () => {
  it('counts lines per service, month and unit price across blocks', () => {
    const tally = createUnitPriceTally();
    tally.add(
      encodeBlock('a', 0, [
        line(1, 'PP-PRI', '2026-10-01', '1.10'),
        line(2, 'PP-PRI', '2026-10-30', '1.10'),
        line(3, 'PP-PRI', '2026-11-02', '1.10'),
      ]),
    );
    tally.add(
      encodeBlock('b', 0, [
        line(1, 'PP-PRI', '2026-10-05', '1.25'),
        line(2, 'MM-PROMO', '2026-10-05', '0.1950'),
      ]),
    );
    expect(
      tally
        .result()
        .sort((x, y) =>
          `${x.serviceCode}${x.month}${x.unitPrice}`.localeCompare(
            `${y.serviceCode}${y.month}${y.unitPrice}`,
          ),
        ),
    ).toEqual([
      { serviceCode: 'MM-PROMO', month: '2026-10', unitPrice: 1_950, lines: 1 },
      { serviceCode: 'PP-PRI', month: '2026-10', unitPrice: 11_000, lines: 2 },
      { serviceCode: 'PP-PRI', month: '2026-10', unitPrice: 12_500, lines: 1 },
      { serviceCode: 'PP-PRI', month: '2026-11', unitPrice: 11_000, lines: 1 },
    ]);
  });
});
