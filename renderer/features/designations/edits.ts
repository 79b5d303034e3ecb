import { useCallback } from 'react';
import type { KeyKind } from '../../../shared/api/schemas';
import { useDatabase } from '../../db/DatabaseContext';

// Every write the designations feature makes: through the outbox (db/localEdits.ts), in one transaction.

/** Saves (or, with an empty text, removes) the clerk's own name for a key. */
export const useSaveDesignation = () => {
  const db = useDatabase();
  return useCallback(
    async (kind: KeyKind, key: string, text: string) => {
      // The writers (with the contract's schemas and the audit log) load with the first rename: the
      // lists that show names draw their first rows without them.
      const { saveDesignation } = await import('../../db/localEdits');
      await saveDesignation(db, kind, key, text);
    },
    [db],
  );
};
