import type { OutboxRow } from '../../db/records';

/** A short, human reading of an outbox payload or a server representation, for side-by-side display. */
export const describeValue = (entity: OutboxRow['entity'], value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (typeof value !== 'object') return '';
  const record = value as Record<string, unknown>;
  switch (entity) {
    case 'designation':
      return typeof record.text === 'string' ? record.text : '';
    case 'costCenter':
      return [record.name, record.owner]
        .filter((part) => typeof part === 'string' && part !== '')
        .join(' · ');
    case 'assignment':
    case 'preferences':
      return JSON.stringify(value);
  }
};
