import type { Assignment } from '../api/schemas';

/** An assignment as the operator returns it: service PP-PRI charged wholly to 2100, without limit. */
export const assignmentFixture = (overrides: Partial<Assignment> = {}): Assignment => ({
  id: 'a-1',
  kind: 'service',
  key: 'PP-PRI',
  splits: [{ costCenterCode: '2100', percent: 100 }],
  validFrom: null,
  validTo: null,
  etag: '"a-1"',
  updatedAt: '2026-11-01T08:00:00Z',
  ...overrides,
});
