import { useMemo } from 'react';
import { buildNames, type Names } from '../../../shared/designations/names';
import { useLanguage } from '../../ui/useLanguage';
import { useServicesAndDesignations } from './queries';

export type { Names };

/** Operator names and the clerk's designations, live from the local archive. */
export const useNames = (): Names => {
  const language = useLanguage();
  const { services, designations, customer } = useServicesAndDesignations();
  return useMemo(
    () => buildNames(services ?? [], designations ?? [], language, customer),
    [services, designations, language, customer],
  );
};
