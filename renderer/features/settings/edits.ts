import { useCallback } from 'react';
import { useDatabase } from '../../db/DatabaseContext';
import { resolveKeepMine, resolveTakeTheirs } from '../../db/localEdits';

// Every write the settings make to the archive: settling outbox conflicts (db/localEdits.ts).

/** Settles a conflict: keep the clerk's version (pushed again) or take the operator's. */
export const useSettleConflict = () => {
  const db = useDatabase();
  return useCallback(
    (action: 'mine' | 'theirs', seq: number) =>
      action === 'mine' ? resolveKeepMine(db, seq) : resolveTakeTheirs(db, seq),
    [db],
  );
};
