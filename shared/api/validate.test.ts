import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvoiceSchema } from './schemas';
import { InvalidResponseError } from './errors';
import { formatIssues, memberId, parseOrThrow, validateItems } from './validate';

const invoice = {
  id: 'inv-1',
  number: '1000000001',
  debtorNumber: '123456',
  invoiceReference: '12345678',
  type: 'invoice',
  issueDate: '2026-10-31',
  dueDate: '2026-11-30',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  currency: 'CHF',
  netTotal: '100.00',
  vatTotal: '8.10',
  grossTotal: '108.10',
  status: 'open',
  lineCount: 1,
  documentSha256: 'a'.repeat(64),
  revision: 1,
  updatedAt: '2026-10-31T08:00:00Z',
};

describe('formatIssues', () => {
  it('writes one "path: message" per issue', () => {
    const schema = z.object({
      netTotal: z.string().regex(/^[0-9]+\.[0-9]{2}$/),
      splits: z.array(z.object({ p: z.int() })),
    });
    const result = schema.safeParse({ netTotal: '1.5', splits: [{ p: 'x' }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(formatIssues(result.error)).toBe(
      'netTotal: Invalid string: must match pattern /^[0-9]+\\.[0-9]{2}$/; splits[0].p: Invalid input: expected number, received string',
    );
  });

  it('leaves out the path of an issue about the whole value', () => {
    const result = z.object({}).safeParse(3);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(formatIssues(result.error)).toBe('Invalid input: expected object, received number');
  });
});

describe('validateItems', () => {
  it('keeps the valid items and quarantines the invalid ones with index, id and issues', () => {
    const raw = [invoice, { ...invoice, id: 'inv-2', netTotal: '100' }, 'junk', { ...invoice, id: 'inv-4' }];
    const result = validateItems(raw, InvoiceSchema, memberId('id'));
    expect(result.items.map((item) => item.id)).toEqual(['inv-1', 'inv-4']);
    expect(result.invalid).toHaveLength(2);
    expect(result.invalid[0]).toMatchObject({ index: 1, id: 'inv-2' });
    expect(result.invalid[0]?.issues).toMatch(/^netTotal: /);
    expect(result.invalid[1]).toEqual({
      index: 2,
      issues: 'Invalid input: expected object, received string',
    });
  });
});

describe('memberId', () => {
  it('reads string and number members, joined', () => {
    expect(memberId('lineNo')({ lineNo: 7 })).toBe('7');
    expect(memberId('kind', 'key')({ kind: 'service', key: 'PP' })).toBe('service/PP');
  });

  it('gives up on missing or odd members', () => {
    expect(memberId('id')({})).toBeUndefined();
    expect(memberId('id')({ id: { nested: true } })).toBeUndefined();
    expect(memberId('id')(null)).toBeUndefined();
  });
});

describe('parseOrThrow', () => {
  it('throws InvalidResponseError with readable issues', () => {
    const run = (): unknown => parseOrThrow(z.object({ next: z.string() }), { next: 3 }, 'The page', 200);
    expect(run).toThrow(InvalidResponseError);
    expect(run).toThrow(
      'The page does not match the contract: next: Invalid input: expected string, received number',
    );
  });
});
