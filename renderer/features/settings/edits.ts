import { useCallback } from 'react';
import { PreferencesEditError } from '../../../shared/preferences/errors';
import { preferencesFromDraft, type PreferencesDraft } from '../../../shared/preferences/validation';
import { useDatabase } from '../../db/DatabaseContext';
import type { InvoiceDeskDatabase } from '../../db/database';
import { resolveKeepMine, resolveTakeTheirs, savePreferences } from '../../db/localEdits';

// Every write the settings make to the archive: the operator's preferences and settling outbox
// conflicts (db/localEdits.ts, which also keeps the audit trail of both).

/** Settles a conflict: keep the clerk's version (pushed again) or take the operator's. */
export const useSettleConflict = () => {
  const db = useDatabase();
  return useCallback(
    (action: 'mine' | 'theirs', seq: number) =>
      action === 'mine' ? resolveKeepMine(db, seq) : resolveTakeTheirs(db, seq),
    [db],
  );
};

/**
 * Writes the clerk's preferences and their outbox entry (pushed with If-Match at the next sync), or
 * throws a `PreferencesEditError`: the addresses break the contract's rules, or the preferences
 * have not been synchronised yet (there is no ETag to base the edit on). Nothing is written then.
 */
export const savePreferencesDraft = async (
  db: InvoiceDeskDatabase,
  draft: PreferencesDraft,
): Promise<void> => {
  const result = preferencesFromDraft(draft);
  if (!result.ok) throw new PreferencesEditError('invalid', result.problems);
  if (!(await db.singletons.get('preferences'))?.etag) throw new PreferencesEditError('notSynced');
  await savePreferences(db, result.value);
};

export const useSavePreferences = () => {
  const db = useDatabase();
  return useCallback((draft: PreferencesDraft) => savePreferencesDraft(db, draft), [db]);
};
