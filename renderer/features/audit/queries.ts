import { useLiveQuery } from 'dexie-react-hooks';
import { readAuditLog } from '../../db/auditLog';
import { useDatabase } from '../../db/DatabaseContext';
import type { AuditRow } from '../../db/records';

/** The whole log in stored order, live; undefined while loading. */
export const useAuditLog = (): AuditRow[] | undefined => {
  const db = useDatabase();
  return useLiveQuery(() => readAuditLog(db), [db]);
};

/** The log as stored right now, for "Verify the log": read afresh, not the page's possibly older copy. */
export const useReadAuditLog = () => {
  const db = useDatabase();
  return () => readAuditLog(db);
};
