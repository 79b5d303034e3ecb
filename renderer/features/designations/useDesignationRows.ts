import { useMemo } from 'react';
import { buildNameRows, type NameRow } from '../../../shared/designations/nameRows';
import { useLanguage } from '../../ui/useLanguage';
import { useDesignationSources } from './queries';

/** Every nameable service, licence and reference with its names and outbox state, live; undefined while loading. */
export const useDesignationRows = (): NameRow[] | undefined => {
  const language = useLanguage();
  const sources = useDesignationSources();
  return useMemo(() => (sources ? buildNameRows({ ...sources, language }) : undefined), [sources, language]);
};
