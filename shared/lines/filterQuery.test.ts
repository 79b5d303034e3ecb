import { describe, expect, it } from 'vitest';
import { lineQueryParams, parseLineQuery, parseLineView } from './filterQuery';
import { UNASSIGNED } from '../allocation/assignments';

describe('line explorer URL filters', () => {
  it('round-trips every filter', () => {
    const filter = {
      services: ['PP-PRI', 'A-POST'],
      licences: ['60000001'],
      references: ['12345678'],
      costCenters: ['3300', UNASSIGNED],
      from: '2026-01-01',
      to: '2026-03-31',
      text: 'Order 4711',
    };
    expect(parseLineQuery(lineQueryParams(filter))).toEqual(filter);
    expect(parseLineQuery(lineQueryParams({ costCenters: [UNASSIGNED] }))).toEqual({
      costCenters: [UNASSIGNED],
    });
  });

  it('keeps several values per field, once each, and the older single cost-centre links', () => {
    expect(parseLineQuery(new URLSearchParams('lic=1&lic=2&lic=1&cc=-&cc=3300'))).toEqual({
      licences: ['1', '2'],
      costCenters: [UNASSIGNED, '3300'],
    });
    expect(lineQueryParams({ services: ['A', 'B'], costCenters: ['X', UNASSIGNED] }).toString()).toBe(
      'svc=A&svc=B&cc=X&cc=-',
    );
  });

  it('drops malformed values instead of trusting them', () => {
    expect(
      parseLineQuery(new URLSearchParams('svc=<script>&from=2026-13-45&to=yesterday&cc=a%20b&q=%20%20')),
    ).toEqual({});
  });

  it('keeps the sort and the grouping beside the filters, and ignores unknown ones', () => {
    const params = lineQueryParams(
      { services: ['A'] },
      { sort: { key: 'gross', direction: 'desc' }, group: 'month' },
    );
    expect(params.toString()).toBe('svc=A&sort=gross&dir=desc&group=month');
    expect(parseLineView(params)).toEqual({ sort: { key: 'gross', direction: 'desc' }, group: 'month' });
    expect(parseLineQuery(params)).toEqual({ services: ['A'] });
    expect(parseLineView(new URLSearchParams('sort=evil&group=year'))).toEqual({});
  });
});
