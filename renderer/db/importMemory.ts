import type { ColumnMapping } from '../../shared/costCenters/fileContract';
import type { InvoiceDeskDatabase } from './database';

/**
 * The clerk's column mapping, remembered per header layout (the reader's layoutKey), so the next
 * file laid out alike is read the same way without asking again. Each profile has its own archive,
 * so each profile remembers its own.
 */
const mappingKey = (layoutKey: string) => `mapping:${layoutKey}` as const;

export const saveImportMapping = async (
  db: InvoiceDeskDatabase,
  layoutKey: string,
  mapping: ColumnMapping,
  now: () => Date,
): Promise<void> => {
  await db.importMemory.put({ key: mappingKey(layoutKey), mapping, savedAt: now().toISOString() });
};

export const loadImportMapping = async (
  db: InvoiceDeskDatabase,
  layoutKey: string,
): Promise<ColumnMapping | null> => {
  const row = await db.importMemory.get(mappingKey(layoutKey));
  return row !== undefined && 'mapping' in row ? row.mapping : null;
};
