import { describe, expect, it } from 'vitest';
import type { Assignment, CostCenter } from '../api/schemas';
import {
  assignmentsUsing,
  buildCenterRows,
  centerQueryParams,
  DEFAULT_CENTER_QUERY,
  parseCenterQuery,
  queryCenterRows,
  toggleSort,
  type CenterQuery,
} from './centerList';

const center = (code: string, more: Partial<CostCenter> = {}): CostCenter => ({
  code,
  name: `Centre ${code}`,
  owner: null,
  active: true,
  objectType: 'costCenter',
  monthlyBudget: null,
  etag: `"${code}"`,
  updatedAt: '2026-11-01T10:00:00Z',
  ...more,
});

const assignment = (id: string, codes: string[]): Assignment => ({
  id,
  kind: 'service',
  key: id,
  etag: `"${id}"`,
  updatedAt: '2026-11-01T10:00:00Z',
  splits: codes.map((costCenterCode) => ({ costCenterCode, percent: 100 / codes.length })),
});

const centers = [
  center('1000', { name: 'Geschäftsleitung', owner: 'Hélène Dubois', monthlyBudget: '900.00' }),
  center('900', { name: 'Versand', owner: 'Marco Rossi', monthlyBudget: '12500.00', active: false }),
  center('KST-10', { name: 'Marketing', objectType: 'internalOrder', updatedAt: '2026-11-20T08:00:00Z' }),
  center('KST-9', { name: 'Empfang', owner: 'Ana Müller', monthlyBudget: '1250.50' }),
];
const assignments = [
  assignment('a', ['1000', 'KST-9']),
  assignment('b', ['1000']),
  assignment('c', ['KST-9', 'KST-9']),
];
const rows = buildCenterRows({
  centers,
  assignments,
  waiting: [
    { code: 'KST-10', state: 'pending' },
    { code: 'KST-10', state: 'conflict' },
    { code: '900', state: 'pending' },
  ],
});
const codes = (query: Partial<CenterQuery>) =>
  queryCenterRows(rows, { ...DEFAULT_CENTER_QUERY, ...query }).map((row) => row.code);

describe('buildCenterRows', () => {
  it('counts the assignments using each code once each, and keeps the most urgent waiting state', () => {
    expect(rows.map((row) => [row.code, row.assignments, row.waiting])).toEqual([
      ['1000', 2, null],
      ['900', 0, 'pending'],
      ['KST-10', 0, 'conflict'],
      ['KST-9', 2, null],
    ]);
    expect(assignmentsUsing('KST-9', assignments).map((a) => a.id)).toEqual(['a', 'c']);
    expect(assignmentsUsing('900', assignments)).toEqual([]);
  });
});

describe('queryCenterRows', () => {
  it('sorts codes numerically, both ways', () => {
    expect(codes({})).toEqual(['900', '1000', 'KST-9', 'KST-10']);
    expect(codes({ sort: { key: 'code', direction: 'desc' } })).toEqual(['KST-10', 'KST-9', '1000', '900']);
  });

  it('sorts by every column, empty values last either way, ties by code', () => {
    expect(codes({ sort: { key: 'name', direction: 'asc' } })).toEqual(['KST-9', '1000', 'KST-10', '900']);
    expect(codes({ sort: { key: 'owner', direction: 'asc' } })).toEqual(['KST-9', '1000', '900', 'KST-10']);
    expect(codes({ sort: { key: 'owner', direction: 'desc' } })).toEqual(['900', '1000', 'KST-9', 'KST-10']);
    expect(codes({ sort: { key: 'monthlyBudget', direction: 'asc' } })).toEqual([
      '1000',
      'KST-9',
      '900',
      'KST-10',
    ]);
    expect(codes({ sort: { key: 'monthlyBudget', direction: 'desc' } })).toEqual([
      '900',
      'KST-9',
      '1000',
      'KST-10',
    ]);
    expect(codes({ sort: { key: 'active', direction: 'asc' } })).toEqual(['900', '1000', 'KST-9', 'KST-10']);
    expect(codes({ sort: { key: 'updatedAt', direction: 'desc' } })).toEqual([
      'KST-10',
      'KST-9',
      '1000',
      '900',
    ]);
    expect(codes({ sort: { key: 'assignments', direction: 'desc' } })).toEqual([
      'KST-9',
      '1000',
      'KST-10',
      '900',
    ]);
    expect(codes({ sort: { key: 'objectType', direction: 'asc' } })).toEqual([
      '900',
      '1000',
      'KST-9',
      'KST-10',
    ]);
  });

  it('sorts the object type by its translated label', () => {
    const label = (type: string) => (type === 'internalOrder' ? 'Auftrag' : 'Kostenstelle');
    expect(
      queryCenterRows(
        rows,
        { ...DEFAULT_CENTER_QUERY, sort: { key: 'objectType', direction: 'asc' } },
        label,
      ).map((row) => row.code),
    ).toEqual(['KST-10', '900', '1000', 'KST-9']);
  });

  it('searches code, name and owner without case or accents, every word', () => {
    expect(codes({ search: 'helene' })).toEqual(['1000']);
    expect(codes({ search: 'MULLER empf' })).toEqual(['KST-9']);
    expect(codes({ search: 'kst' })).toEqual(['KST-9', 'KST-10']);
    expect(codes({ search: 'geschaftsleitung' })).toEqual(['1000']);
    expect(codes({ search: 'rossi marketing' })).toEqual([]);
  });

  it('filters active and inactive', () => {
    expect(codes({ status: 'inactive' })).toEqual(['900']);
    expect(codes({ status: 'active' })).toEqual(['1000', 'KST-9', 'KST-10']);
  });
});

describe('the query in the URL', () => {
  it('round-trips and drops defaults and unknown values', () => {
    const query: CenterQuery = {
      search: 'Genève',
      status: 'inactive',
      sort: { key: 'monthlyBudget', direction: 'desc' },
    };
    expect(parseCenterQuery(centerQueryParams(query))).toEqual(query);
    expect(centerQueryParams(DEFAULT_CENTER_QUERY).toString()).toBe('');
    expect(parseCenterQuery(new URLSearchParams('status=gone&sort=colour.up'))).toEqual(DEFAULT_CENTER_QUERY);
  });

  it('flips the sorted column and starts another ascending', () => {
    expect(toggleSort({ key: 'name', direction: 'asc' }, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(toggleSort({ key: 'name', direction: 'desc' }, 'code')).toEqual({ key: 'code', direction: 'asc' });
  });
});
