import type { Customer, Designation, KeyKind, Language, Service } from '../api/schemas';

/** The one identity of a designation: its kind and key (also the outbox key of its edits). */
export const designationKey = (kind: KeyKind, key: string): string => `${kind}/${key}`;

export interface Names {
  /** The operator's name of a service in the UI language, or its code. */
  service: (code: string) => string;
  /** The clerk's own name for a service, licence or reference, if any. */
  designation: (kind: KeyKind, key: string) => string | undefined;
  /** "Own name (operator name)" for display; the operator's name alone when there is no own name. */
  label: (kind: KeyKind, key: string) => string;
  /** The operator's name of a debtor (customer record), if synchronised. */
  debtor: (number: string) => string | undefined;
  /** The operator's label of an invoice reference (customer record), if it has one. */
  referenceLabel: (number: string) => string | undefined;
}

/** Operator names and the clerk's designations as lookups, built once for a list of each. */
export const buildNames = (
  services: readonly Pick<Service, 'code' | 'names'>[],
  designations: readonly Pick<Designation, 'kind' | 'key' | 'text'>[],
  language: Language,
  customer?: Pick<Customer, 'debtors'>,
): Names => {
  const serviceNames = new Map(services.map((entry) => [entry.code, entry.names[language]]));
  const own = new Map(designations.map((row) => [designationKey(row.kind, row.key), row.text]));
  const service = (code: string) => serviceNames.get(code) ?? code;
  const designation = (kind: KeyKind, key: string) => own.get(designationKey(kind, key));
  const label = (kind: KeyKind, key: string) => {
    const base = kind === 'service' ? service(key) : key;
    const mine = designation(kind, key);
    return mine ? `${mine} (${base})` : base;
  };
  const debtors = new Map<string, string>();
  const referenceLabels = new Map<string, string>();
  for (const debtor of customer?.debtors ?? []) {
    if (debtor.name.trim()) debtors.set(debtor.number, debtor.name.trim());
    for (const reference of debtor.invoiceReferences) {
      const text = reference.label?.trim();
      if (text) referenceLabels.set(reference.number, text);
    }
  }
  return {
    service,
    designation,
    label,
    debtor: (number) => debtors.get(number),
    referenceLabel: (number) => referenceLabels.get(number),
  };
};
