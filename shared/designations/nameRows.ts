import type { Customer, KeyKind, Service } from '../api/schemas';
import type { Language } from '../i18n/languages';
import { designationKey } from './names';

/**
 * Everything a clerk can give an own name ("designation"): the operator's services, franking
 * licences and invoice references, gathered from every local source that knows one, one row each.
 * Pure, so the Names page and its tests share it.
 */

/** The order kinds are listed in (and filtered by). */
export const nameKinds = [
  'service',
  'frankingLicence',
  'invoiceReference',
] as const satisfies readonly KeyKind[];

/** Where a designation edit waiting in the outbox stands (as renderer/db/records.ts OutboxRow). */
export type WaitingState = 'pending' | 'conflict' | 'rejected';

export interface NameRow {
  kind: KeyKind;
  key: string;
  /** A service's name in the UI language, a reference's label; null where the operator gives none. */
  operatorName: string | null;
  /** The clerk's designation, if any. */
  ownName: string | null;
  /** The designation edit still waiting in the outbox, if any. */
  waiting: WaitingState | null;
}

export interface KindKey {
  kind: KeyKind;
  key: string;
}

export interface NameSources {
  /** The operator's catalogue. */
  services: readonly Service[];
  language: Language;
  /** The customer record; undefined before the first sync. */
  customer: Pick<Customer, 'debtors'> | undefined;
  /** Keys met elsewhere in the archive (invoice headers, line rollups), possibly repeated. */
  seen: readonly KindKey[];
  designations: readonly (KindKey & { text: string })[];
  /** Designation edits in the outbox. */
  waiting: readonly (KindKey & { state: WaitingState })[];
}

const rowId = designationKey;

// A waiting conflict or refusal needs the clerk; it outranks a plain pending push if both show up.
const urgency: Record<WaitingState, number> = { pending: 0, rejected: 1, conflict: 2 };

// Numeric, so reference 99999999 sorts before 100000000; fixed locale, so the order is the same everywhere.
const keyOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

export const compareNameRows = (a: NameRow, b: NameRow): number =>
  nameKinds.indexOf(a.kind) - nameKinds.indexOf(b.kind) || keyOrder.compare(a.key, b.key);

export const buildNameRows = (sources: NameSources): NameRow[] => {
  const rows = new Map<string, NameRow>();
  const add = (kind: KeyKind, key: string, operatorName: string | null = null): NameRow | undefined => {
    // Lines without a licence or reference carry an empty key: nothing to name.
    if (key === '') return undefined;
    const id = rowId(kind, key);
    const existing = rows.get(id);
    if (existing) {
      existing.operatorName ??= operatorName;
      return existing;
    }
    const row: NameRow = { kind, key, operatorName, ownName: null, waiting: null };
    rows.set(id, row);
    return row;
  };

  for (const service of sources.services) add('service', service.code, service.names[sources.language]);
  for (const debtor of sources.customer?.debtors ?? []) {
    for (const reference of debtor.invoiceReferences) {
      add('invoiceReference', reference.number, reference.label?.trim() || null);
      for (const licence of reference.frankingLicences) add('frankingLicence', licence);
    }
  }
  for (const { kind, key } of sources.seen) add(kind, key);
  for (const { kind, key, text } of sources.designations) {
    const row = add(kind, key);
    if (row) row.ownName = text.trim() || null;
  }
  for (const { kind, key, state } of sources.waiting) {
    // A waiting delete names something the archive may no longer list: it still shows, marked.
    const row = add(kind, key);
    if (row && (row.waiting === null || urgency[state] > urgency[row.waiting])) row.waiting = state;
  }
  return [...rows.values()].sort(compareNameRows);
};
