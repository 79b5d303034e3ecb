import { useCallback } from 'react';
import { recordFileExported } from '../../db/auditLog';
import { useDatabase } from '../../db/DatabaseContext';

// Every write the audit page makes: the entry for its own export (the log is otherwise only read).

export const useRecordAuditExport = () => {
  const db = useDatabase();
  return useCallback(
    (exported: Parameters<typeof recordFileExported>[1]) => recordFileExported(db, exported),
    [db],
  );
};
