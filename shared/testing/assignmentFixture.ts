import type { Assignment, KeyKind } from '../api/schemas';

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

/** An assignment of `key` split as listed (`[['SALES', 70], ['OPS', 30]]`), valid in [validFrom, validTo]. */
export const splitAssignment = (
  id: string,
  kind: KeyKind,
  key: string,
  splits: ReadonlyArray<readonly [costCenterCode: string, percent: number]>,
  validFrom: string | null = null,
  validTo: string | null = null,
): Assignment =>
  assignmentFixture({
    id,
    kind,
    key,
    splits: splits.map(([costCenterCode, percent]) => ({ costCenterCode, percent })),
    validFrom,
    validTo,
    etag: `"${id}"`,
    updatedAt: '2026-01-01T00:00:00Z',
  });
