import { describe, expect, it } from 'vitest';
import type { Assignment } from '../api/schemas';
import { isoToDay } from '../core/dates';
import { createAssignmentMatcher, splitCentimes } from './assignments';

const assignment = (
  id: string,
  kind: Assignment['kind'],
  key: string,
  validFrom: string | null = null,
  validTo: string | null = null,
): Assignment => ({
  id,
  kind,
  key,
  splits: [{ costCenterCode: 'CC', percent: 100 }],
  validFrom,
  validTo,
  etag: 'e',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('assignment matching', () => {
  const assignments = [
    assignment('svc', 'service', 'PP-PRI'),
    assignment('ref', 'invoiceReference', '12345678', '2026-01-01', '2026-06-30'),
    assignment('lic-early', 'frankingLicence', '60000001', null, '2026-02-28'),
    assignment('lic-late', 'frankingLicence', '60000001', '2026-03-01', null),
  ];
  const matcher = createAssignmentMatcher(assignments);
  const line = (
    serviceDate: string,
    frankingLicence = '69999999',
    invoiceReference = '99999999',
    serviceCode = 'PP-PRI',
  ) => ({
    frankingLicence,
    invoiceReference,
    serviceCode,
    serviceDay: isoToDay(serviceDate),
  });
  const id = (index: number) => (index === -1 ? null : assignments[index]?.id);

  it('prefers the licence, then the reference, then the service', () => {
    expect(id(matcher.match(line('2026-02-10', '60000001', '12345678')))).toBe('lic-early');
    expect(id(matcher.match(line('2026-02-10', '69999999', '12345678')))).toBe('ref');
    expect(id(matcher.match(line('2026-02-10')))).toBe('svc');
    expect(id(matcher.match(line('2026-02-10', '69999999', '99999999', 'A-POST')))).toBeNull();
  });

  it('respects inclusive validity bounds', () => {
    expect(id(matcher.match(line('2026-02-28', '60000001')))).toBe('lic-early');
    expect(id(matcher.match(line('2026-03-01', '60000001')))).toBe('lic-late');
    expect(id(matcher.match(line('2026-06-30', '69999999', '12345678')))).toBe('ref');
    expect(id(matcher.match(line('2026-07-01', '69999999', '12345678')))).toBe('svc');
  });
});

describe('splitCentimes', () => {
  it('always adds up, the remainder going to the first split', () => {
    expect(splitCentimes(1000, [33, 33, 34])).toEqual([330, 330, 340]);
    // Both halves round up to 501; the first split gives the extra centime back.
    expect(splitCentimes(1001, [50, 50])).toEqual([500, 501]);
    expect(splitCentimes(1, [33, 33, 34])).toEqual([1, 0, 0]);
    expect(splitCentimes(-1005, [50, 50])).toEqual([-502, -503]);
    for (const amount of [-99_999, -1, 0, 1, 7, 12_345, 99_999_999_999_999]) {
      const parts = splitCentimes(amount, [17, 29, 54]);
      expect(parts.reduce((sum, part) => sum + part, 0)).toBe(amount);
    }
  });
});
