import { describe, expect, it } from 'vitest';
import { lineQueryParams, parseLineQuery } from './filterQuery';
import { UNASSIGNED } from '../allocation/assignments';

describe('line explorer URL filters', () => {
  it('round-trips every filter', () => {
    const filter = {
      services: ['PP-PRI', 'A-POST'],
      licences: ['60000001'],
      references: ['12345678'],
      costCenter: '3300',
      from: '2026-01-01',
      to: '2026-03-31',
      text: 'Order 4711',
    };
    expect(parseLineQuery(lineQueryParams(filter))).toEqual(filter);
    expect(parseLineQuery(lineQueryParams({ costCenter: UNASSIGNED }))).toEqual({ costCenter: UNASSIGNED });
  });

  it('drops malformed values instead of trusting them', () => {
    expect(
      parseLineQuery(new URLSearchParams('svc=<script>&from=2026-13-45&to=yesterday&cc=a%20b&q=%20%20')),
    ).toEqual({});
  });
});
