import { describe, expect, it } from 'vitest';
import type { Service } from '../api/schemas';
import { buildNameRows, type NameSources } from './nameRows';

const service = (code: string, en: string, fr = en): Service => ({
  code,
  names: { de: en, fr, it: en, en },
  category: 'letters',
  unit: 'piece',
});

const sources = (patch: Partial<NameSources> = {}): NameSources => ({
  services: [],
  language: 'en',
  customer: undefined,
  seen: [],
  designations: [],
  waiting: [],
  ...patch,
});

describe('buildNameRows', () => {
  it('lists services, licences and references once each, sorted by kind then key', () => {
    const rows = buildNameRows(
      sources({
        services: [service('B-STD', 'B-Mail letter'), service('A-STD', 'A-Mail letter')],
        customer: {
          debtors: [
            {
              number: '1000001',
              name: 'Head office',
              invoiceReferences: [
                { number: '100000001', label: 'Geneva', frankingLicences: ['60000002', '60000001'] },
                { number: '99999999', frankingLicences: ['60000001'] },
              ],
            },
          ],
        },
        seen: [
          { kind: 'invoiceReference', key: '99999999' },
          { kind: 'frankingLicence', key: '60000003' },
          { kind: 'frankingLicence', key: '' },
        ],
      }),
    );
    expect(rows.map((row) => [row.kind, row.key, row.operatorName])).toEqual([
      ['service', 'A-STD', 'A-Mail letter'],
      ['service', 'B-STD', 'B-Mail letter'],
      ['frankingLicence', '60000001', null],
      ['frankingLicence', '60000002', null],
      ['frankingLicence', '60000003', null],
      ['invoiceReference', '99999999', null],
      ['invoiceReference', '100000001', 'Geneva'],
    ]);
  });

  it('names services in the UI language', () => {
    const [row] = buildNameRows(
      sources({ services: [service('A-STD', 'A-Mail letter', 'Lettre A')], language: 'fr' }),
    );
    expect(row?.operatorName).toBe('Lettre A');
  });

  it('keeps a reference label met under a second debtor when the first has none', () => {
    const reference = (label?: string) => ({
      number: '12345678',
      frankingLicences: [],
      ...(label === undefined ? {} : { label }),
    });
    const rows = buildNameRows(
      sources({
        customer: {
          debtors: [
            { number: '1000001', name: 'A', invoiceReferences: [reference('  ')] },
            { number: '1000002', name: 'B', invoiceReferences: [reference('Lausanne')] },
          ],
        },
      }),
    );
    expect(rows).toEqual([
      { kind: 'invoiceReference', key: '12345678', operatorName: 'Lausanne', ownName: null, waiting: null },
    ]);
  });

  it('adds own names and outbox marks, including keys only they know', () => {
    const rows = buildNameRows(
      sources({
        services: [service('A-STD', 'A-Mail letter')],
        designations: [
          { kind: 'service', key: 'A-STD', text: 'Our letters' },
          { kind: 'frankingLicence', key: '60000009', text: 'Basement machine' },
        ],
        waiting: [
          { kind: 'service', key: 'A-STD', state: 'pending' },
          { kind: 'service', key: 'A-STD', state: 'conflict' },
          { kind: 'invoiceReference', key: '12345678', state: 'pending' },
        ],
      }),
    );
    expect(rows).toEqual([
      {
        kind: 'service',
        key: 'A-STD',
        operatorName: 'A-Mail letter',
        ownName: 'Our letters',
        waiting: 'conflict',
      },
      {
        kind: 'frankingLicence',
        key: '60000009',
        operatorName: null,
        ownName: 'Basement machine',
        waiting: null,
      },
      { kind: 'invoiceReference', key: '12345678', operatorName: null, ownName: null, waiting: 'pending' },
    ]);
  });

  it('lists nothing before the first sync', () => {
    expect(buildNameRows(sources())).toEqual([]);
  });
});
