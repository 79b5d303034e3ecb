import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../db/DatabaseContext';

/** The months the allocated rollups hold, oldest first; undefined while loading. */
export const useExportMonths = (): string[] | undefined => {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const months = await db.allocatedRollups.orderBy('month').uniqueKeys();
    return months.filter((month): month is string => typeof month === 'string');
  }, [db]);
};

/** The archive's name, which the export worker opens on its own. */
export const useDatabaseName = (): string => useDatabase().name;
