import type { Customer } from '../api/schemas';

/** The connected customer as the operator describes it; with or without the cost-centre option. */
export const customerFixture = (overrides: Partial<Customer> = {}): Customer => ({
  customerNumber: '1234567',
  name: 'Muster AG',
  language: 'de',
  debtors: [],
  costCenterOption: true,
  ...overrides,
});
