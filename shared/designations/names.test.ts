import { describe, expect, it } from 'vitest';
import { buildNames, designationKey } from './names';

describe('names', () => {
  const names = buildNames(
    [
      {
        code: 'PP-PRI',
        names: { de: 'PostPac Priority', fr: 'PostPac Priority FR', it: 'PostPac IT', en: 'Parcel' },
      },
    ],
    [
      { kind: 'service', key: 'PP-PRI', text: 'Parcels' },
      { kind: 'frankingLicence', key: '60012345', text: 'Shipping room' },
    ],
    'fr',
  );

  it('keys a designation by kind and key', () => {
    expect(designationKey('invoiceReference', '123')).toBe('invoiceReference/123');
  });

  it('names services in the language, falling back to the code', () => {
    expect(names.service('PP-PRI')).toBe('PostPac Priority FR');
    expect(names.service('A-POST')).toBe('A-POST');
  });

  it('finds the own name by kind and key, and labels with the operator name beside it', () => {
    expect(names.designation('frankingLicence', '60012345')).toBe('Shipping room');
    expect(names.designation('invoiceReference', '60012345')).toBeUndefined();
    expect(names.label('service', 'PP-PRI')).toBe('Parcels (PostPac Priority FR)');
    expect(names.label('frankingLicence', '60012345')).toBe('Shipping room (60012345)');
    expect(names.label('invoiceReference', '42')).toBe('42');
  });

  it('names debtors and invoice references as the customer record does, trimmed, nothing when it has none', () => {
    const withCustomer = buildNames([], [], 'de', {
      debtors: [
        {
          number: '100200',
          name: ' Muster AG, Bern ',
          invoiceReferences: [
            { number: '12345678', label: 'Versand Bern', frankingLicences: [] },
            { number: '12345679', label: '  ', frankingLicences: [] },
            { number: '12345680', frankingLicences: [] },
          ],
        },
      ],
    });
    expect(withCustomer.debtor('100200')).toBe('Muster AG, Bern');
    expect(withCustomer.debtor('999999')).toBeUndefined();
    expect(withCustomer.referenceLabel('12345678')).toBe('Versand Bern');
    expect(withCustomer.referenceLabel('12345679')).toBeUndefined();
    expect(withCustomer.referenceLabel('12345680')).toBeUndefined();
    expect(names.debtor('100200')).toBeUndefined();
  });
});
