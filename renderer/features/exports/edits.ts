import { useCallback } from 'react';
import { recordFileExported } from '../../db/auditLog';
import { useDatabase } from '../../db/DatabaseContext';

// Every write the exports feature makes: the audit entry of a finished export.

type Exported = Parameters<typeof recordFileExported>[1];

/** Logs a saved export; the file is already where the clerk chose, so a failure to log is reported, not thrown. */
export const useRecordExport = () => {
  const db = useDatabase();
  return useCallback(
    (exported: Exported) =>
      recordFileExported(db, exported).then(
        () => undefined,
        (error: unknown) => {
          console.error('The audit log could not record the export', error);
        },
      ),
    [db],
  );
};
