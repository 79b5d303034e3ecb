/** A planted anomaly: one service's volume in one month raised, deterministically, totals included. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceFeedPageSchema, LinesPageSchema, type Invoice, type LineItem } from '../shared/api/schemas';
import { addMoney, parseMoney } from '../shared/core/money';
import { openTestApi, type TestApi } from './testing/testApi';

let planted: TestApi;
let plain: TestApi;

beforeAll(async () => {
  [planted, plain] = await Promise.all([openTestApi(), openTestApi()]);
});
afterAll(() => Promise.all([planted.close(), plain.close()]));

const october = async (api: TestApi): Promise<Invoice> => {
  const page = InvoiceFeedPageSchema.parse((await api.json('/v1/invoices?limit=500')).body);
  const invoice = page.items.find(
    (item) => item.type === 'invoice' && item.periodStart === '2026-10-01' && item.lineCount > 20,
  );
  if (!invoice) throw new Error('no October invoice');
  return invoice;
};

/** The invoice as the feed serves it now (the seed's 212 invoices fit one page). */
const headerOf = async (api: TestApi, id: string): Promise<Invoice | undefined> =>
  InvoiceFeedPageSchema.parse((await api.json('/v1/invoices?limit=500')).body).items.find(
    (item) => item.id === id,
  );

const linesOf = async (api: TestApi, id: string): Promise<LineItem[]> =>
  LinesPageSchema.parse((await api.json(`/v1/invoices/${id}/lines?limit=5000`)).body).items;

describe('POST /__sim/plant', () => {
  it('multiplies one service’s quantities in one month, keeps the totals true and leaves other simulators alone', async () => {
    const invoice = await october(plain);
    const before = await linesOf(plain, invoice.id);
    const serviceCode = before.at(-1)?.serviceCode ?? '';
    expect(
      await planted.control('/__sim/plant', 'POST', { serviceCode, month: '2026-10', factor: 5 }),
    ).toEqual({
      status: 200,
      body: { serviceCode, month: '2026-10', factor: 5 },
    });
    const after = await linesOf(planted, invoice.id);
    expect(after).toHaveLength(before.length);
    after.forEach((line, i) => {
      const was = before[i]!;
      if (line.serviceCode !== serviceCode) expect(line).toEqual(was);
      else {
        expect(parseMoney(line.netAmount)).toBeGreaterThan(4 * parseMoney(was.netAmount));
        expect(line.unitPrice).toBe(was.unitPrice);
      }
    });
    const header = await headerOf(planted, invoice.id);
    expect(header?.netTotal).toBe(addMoney(...after.map((line) => line.netAmount)));
    expect(header?.netTotal).not.toBe(invoice.netTotal);
    // The same data set in another simulator is unchanged.
    const again = await headerOf(plain, invoice.id);
    expect(again?.netTotal).toBe(invoice.netTotal);
    expect(await linesOf(plain, invoice.id)).toEqual(before);
  });

  it('refuses an unknown service and a malformed plant', async () => {
    expect(
      (await planted.control('/__sim/plant', 'POST', { serviceCode: 'NOPE', month: '2026-10', factor: 2 }))
        .status,
    ).toBe(404);
    expect(
      (await planted.control('/__sim/plant', 'POST', { serviceCode: 'A-STD', month: '2026-13', factor: 2 }))
        .status,
    ).toBe(400);
    expect(
      (await planted.control('/__sim/plant', 'POST', { serviceCode: 'A-STD', month: '2026-10', factor: 1 }))
        .status,
    ).toBe(400);
  });
});
