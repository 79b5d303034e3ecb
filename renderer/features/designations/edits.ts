import { useCallback } from 'react';
import type { KeyKind } from '../../../shared/api/schemas';
import { useDatabase } from '../../db/DatabaseContext';
import { saveDesignation } from '../../db/localEdits';

// Every write the designations feature makes: through the outbox (db/localEdits.ts), in one transaction.

/** Saves (or, with an empty text, removes) the clerk's own name for a key. */
export const useSaveDesignation = () => {
  const db = useDatabase();
  return useCallback(
    (kind: KeyKind, key: string, text: string) => saveDesignation(db, kind, key, text),
    [db],
  );
};
