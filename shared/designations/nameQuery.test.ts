import { describe, expect, it } from 'vitest';
import { DEFAULT_NAME_QUERY, filterNameRows, nameQueryParams, parseNameQuery } from './nameQuery';
import type { NameRow } from './nameRows';

const row = (patch: Partial<NameRow> & Pick<NameRow, 'kind' | 'key'>): NameRow => ({
  operatorName: null,
  ownName: null,
  waiting: null,
  ...patch,
});

const rows: NameRow[] = [
  row({ kind: 'service', key: 'PP-GE', operatorName: 'Colis Genève Priority' }),
  row({ kind: 'service', key: 'A-STD', operatorName: 'A-Mail letter', ownName: 'Our Zürich letters' }),
  row({ kind: 'frankingLicence', key: '60000001', ownName: 'Basement machine' }),
  row({ kind: 'invoiceReference', key: '12345678', operatorName: 'Geneva branch' }),
];

const keys = (query: Partial<typeof DEFAULT_NAME_QUERY>) =>
  filterNameRows(rows, { ...DEFAULT_NAME_QUERY, ...query }).map((match) => match.key);

describe('Names URL query', () => {
  it('round-trips kind and text, leaving defaults out', () => {
    const query = { kind: 'licences', text: 'Genève ' } as const;
    expect(parseNameQuery(nameQueryParams(query))).toEqual(query);
    expect(nameQueryParams(DEFAULT_NAME_QUERY).toString()).toBe('');
    expect(nameQueryParams({ kind: 'all', text: '   ' }).toString()).toBe('');
  });

  it('ignores an unknown kind and cuts an overlong search', () => {
    const query = parseNameQuery(new URLSearchParams({ kind: 'cats', q: 'x'.repeat(500) }));
    expect(query.kind).toBe('all');
    expect(query.text).toHaveLength(120);
  });
});

describe('filterNameRows', () => {
  it('shows everything by default, in the given order', () => {
    expect(keys({})).toEqual(['PP-GE', 'A-STD', '60000001', '12345678']);
  });

  it('filters by kind', () => {
    expect(keys({ kind: 'services' })).toEqual(['PP-GE', 'A-STD']);
    expect(keys({ kind: 'licences' })).toEqual(['60000001']);
    expect(keys({ kind: 'references' })).toEqual(['12345678']);
  });

  it('searches key, operator name and own name, ignoring case and accents', () => {
    expect(keys({ text: 'geneve' })).toEqual(['PP-GE']);
    expect(keys({ text: 'GENÈVE' })).toEqual(['PP-GE']);
    expect(keys({ text: 'genev' })).toEqual(['PP-GE', '12345678']);
    expect(keys({ text: 'zurich' })).toEqual(['A-STD']);
    expect(keys({ text: 'a-std' })).toEqual(['A-STD']);
    expect(keys({ text: '6000' })).toEqual(['60000001']);
    expect(keys({ text: 'basement' })).toEqual(['60000001']);
  });

  it('needs every word, each within one field', () => {
    expect(keys({ text: 'colis priority' })).toEqual(['PP-GE']);
    expect(keys({ text: 'colis machine' })).toEqual([]);
    // "letter" ends the operator name and "our" starts the own name: no match across the seam.
    expect(keys({ text: 'letterour' })).toEqual([]);
  });

  it('combines kind and search', () => {
    expect(keys({ kind: 'references', text: 'gen' })).toEqual(['12345678']);
  });
});
