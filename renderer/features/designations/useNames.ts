import { useMemo } from 'react';
import type { KeyKind } from '../../../shared/api/schemas';
import { useLanguage } from '../../ui/useLanguage';
import { useServicesAndDesignations } from './queries';

export interface Names {
  /** The operator's name of a service in the UI language, or its code. */
  service: (code: string) => string;
  /** The clerk's own name for a service, licence or reference, if any. */
  designation: (kind: KeyKind, key: string) => string | undefined;
  /** "Own name (operator name)" for display; the operator's name alone when there is no own name. */
  label: (kind: KeyKind, key: string) => string;
}

/** Operator names and the clerk's designations, live from the local archive. */
export const useNames = (): Names => {
  const language = useLanguage();
  const { services, designations } = useServicesAndDesignations();
  return useMemo(() => {
    const serviceNames = new Map((services ?? []).map((service) => [service.code, service.names[language]]));
    const own = new Map((designations ?? []).map((row) => [`${row.kind}/${row.key}`, row.text]));
    const service = (code: string) => serviceNames.get(code) ?? code;
    const designation = (kind: KeyKind, key: string) => own.get(`${kind}/${key}`);
    const label = (kind: KeyKind, key: string) => {
      const base = kind === 'service' ? service(key) : key;
      const mine = designation(kind, key);
      return mine ? `${mine} (${base})` : base;
    };
    return { service, designation, label };
  }, [services, designations, language]);
};
