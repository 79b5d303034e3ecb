import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildNames, type Names } from '../../shared/designations/names';
import { useDatabase } from '../db/DatabaseContext';
import { checkDesignations, checkServices } from '../db/rowChecks';
import { useLanguage } from '../i18n/useLanguage';

export type { Names };

/** Operator names and the clerk's designations, live from the local archive. */
export const useNames = (): Names => {
  const db = useDatabase();
  const language = useLanguage();
  // Every page names things through here: a damaged row just leaves its code unnamed.
  const services = useLiveQuery(async () => checkServices(await db.services.toArray()).rows, [db]);
  const designations = useLiveQuery(
    async () => checkDesignations(await db.designations.toArray()).rows,
    [db],
  );
  return useMemo(
    () => buildNames(services ?? [], designations ?? [], language),
    [services, designations, language],
  );
};
