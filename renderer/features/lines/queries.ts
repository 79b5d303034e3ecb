import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../db/DatabaseContext';

// Every read of the archive the line explorer makes itself (the index worker reads through db/lineSource.ts).

/** Changes whenever the index must refresh: a sync added blocks, or an assignment changed. */
export const useLineIndexChange = () => {
  const db = useDatabase();
  return useLiveQuery(
    async () =>
      `${await db.lineBlocks.count()}|${(await db.assignments.toArray()).map((row) => row.etag).join(',')}`,
    [db],
  );
};

/** The customer's cost centres, by code. */
export const useCostCentersByCode = () => {
  const db = useDatabase();
  return useLiveQuery(() => db.costCenters.orderBy('code').toArray(), [db]);
};
