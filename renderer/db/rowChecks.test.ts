import { describe, expect, it } from 'vitest';
import { encodeBlock } from '../../shared/lines/block';
import { invoiceFixture } from '../../shared/testing/invoiceFixture';
import {
  blockProblem,
  checkBlocks,
  checkInvoice,
  checkInvoices,
  checkRollupMonths,
  checkRollups,
} from './rowChecks';

const stored = (id: string, overrides: Record<string, unknown> = {}) => ({
  ...invoiceFixture({ id }),
  archived: 0,
  linesState: 'complete',
  linesCursor: null,
  linesNextBlock: 1,
  linesStored: 1,
  documentState: 'verified',
  receivedAt: '2026-02-01T08:00:00Z',
  ...overrides,
});

const block = (invoiceId: string) =>
  encodeBlock(invoiceId, 0, [
    {
      lineNo: 1,
      serviceCode: 'A-STD',
      serviceDate: '2026-01-05',
      invoiceReference: '12345678',
      frankingLicence: '87654321',
      customerReference: null,
      quantity: '2',
      unitPrice: '1.1000',
      netAmount: '2.20',
      vatRate: '8.1',
      vatAmount: '0.18',
    },
  ]);

describe('stored invoices', () => {
  it('keeps valid rows, with fields a newer build added, and skips damaged ones with the reason', () => {
    const { rows, skipped } = checkInvoices([
      stored('ok', { futureField: 'kept' }),
      stored('comma', { grossTotal: '12,5' }),
      stored('number', { netTotal: 12.5 }),
      { ...stored('missing'), documentState: undefined },
      null,
    ]);
    expect(rows.map((row) => row.id)).toEqual(['ok']);
    expect(rows[0]).toHaveProperty('futureField', 'kept');
    expect(skipped.map((row) => row.key)).toEqual(['comma', 'number', 'missing', 'null']);
    expect(skipped[0]?.issue).toMatch(/^grossTotal:/);
    expect(skipped[1]?.issue).toMatch(/^netTotal:/);
    expect(skipped[2]?.issue).toMatch(/^documentState:/);
  });

  it('tells a damaged invoice from an absent one', () => {
    expect(checkInvoice(undefined)).toEqual({ state: 'absent' });
    expect(checkInvoice(stored('a')).state).toBe('ok');
    const damaged = checkInvoice(stored('b', { vatTotal: '' }));
    expect(damaged.state === 'damaged' && damaged.skipped.key).toBe('b');
  });
});

describe('stored line blocks', () => {
  it('accepts a block as the sync stores it', () => {
    expect(blockProblem(block('a'))).toBeNull();
  });

  it('skips blocks whose columns have the wrong type or length, or are missing', () => {
    const short = { ...block('short'), netCentimes: new Float64Array(3) };
    const untyped = { ...block('untyped'), vatCentimes: [18] };
    const noDict = { ...block('noDict'), dict: undefined };
    const huge = { ...block('huge'), count: 10_000_000 };
    const { rows, skipped } = checkBlocks([block('ok'), short, untyped, noDict, huge, undefined]);
    expect(rows.map((row) => row.invoiceId)).toEqual(['ok']);
    expect(skipped).toEqual([
      { key: 'short#0', issue: 'netCentimes: 3 values for 1 lines' },
      { key: 'untyped#0', issue: 'vatCentimes: not a Float64Array' },
      { key: 'noDict#0', issue: 'dict: not a list of strings' },
      { key: 'huge#0', issue: 'count: not a line count' },
    ]);
  });
});

describe('stored rollups', () => {
  const row = (month: string, key: string) => ({
    key,
    month,
    serviceCode: 'A',
    frankingLicence: '1',
    invoiceReference: '2',
    lines: 1,
    netCentimes: 100,
    vatCentimes: 8,
  });

  it('skips a rollup whose sums are not numbers', () => {
    const { rows, skipped } = checkRollups([
      row('2026-01', 'k'),
      { ...row('2026-01', 'bad'), netCentimes: '1.00' },
    ]);
    expect(rows).toHaveLength(1);
    expect(skipped.map((entry) => entry.key)).toEqual(['bad']);
  });

  it('reads the rows of every month record, skipping a record without rows by its month and a bad row by its key', () => {
    const { rows, skipped } = checkRollupMonths([
      { month: '2026-01', rows: [row('2026-01', 'a'), { ...row('2026-01', 'bad'), lines: 'one' }] },
      { month: '2026-02', rows: 'damaged' },
      { month: '2026-03', rows: [row('2026-03', 'c')] },
      null,
    ]);
    expect(rows.map((entry) => entry.key)).toEqual(['a', 'c']);
    expect(skipped.map((entry) => entry.key)).toEqual(['2026-02', 'null', 'bad']);
  });
});
