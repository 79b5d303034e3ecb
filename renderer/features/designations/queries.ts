import { useLiveQuery } from 'dexie-react-hooks';
import { CustomerSchema, type Customer, type KeyKind } from '../../../shared/api/schemas';
import type { KindKey, NameSources } from '../../../shared/designations/nameRows';
import { useDatabase } from '../../db/DatabaseContext';
import type { InvoiceDeskDatabase } from '../../db/database';
import { checkDesignations, checkServices, monthRowsOf } from '../../db/rowChecks';
import type { OutboxRow, Preferences } from '../../db/records';

// Every read of the archive the designations feature makes. Each hook re-renders when its rows change.

export type StoredSources = Omit<NameSources, 'language'>;

const isCustomer = (value: Customer | Preferences): value is Customer => 'debtors' in value;

const distinctKeys = async (kind: KeyKind, keys: Promise<ReadonlyArray<unknown>>): Promise<KindKey[]> =>
  (await keys).filter((key): key is string => typeof key === 'string').map((key) => ({ kind, key }));

const ROLLUP_FIELDS = [
  ['service', 'serviceCode'],
  ['frankingLicence', 'frankingLicence'],
  ['invoiceReference', 'invoiceReference'],
] as const satisfies ReadonlyArray<readonly [KeyKind, string]>;

/**
 * The services, licences and references on stored lines, in key order per kind, from the rollups
 * (a month's in one record): a few dozen records, not the lines. Only the key fields are read; a
 * damaged row gives no key, its own check is the pages' that draw it.
 */
const rollupKeys = async (db: InvoiceDeskDatabase): Promise<KindKey[]> => {
  const found = new Map<KeyKind, Set<string>>(ROLLUP_FIELDS.map(([kind]) => [kind, new Set<string>()]));
  for (const record of await db.rollupMonths.toArray()) {
    for (const row of monthRowsOf(record) ?? []) {
      if (typeof row !== 'object' || row === null) continue;
      for (const [kind, field] of ROLLUP_FIELDS) {
        const key: unknown = Reflect.get(row, field);
        if (typeof key === 'string') found.get(kind)?.add(key);
      }
    }
  }
  return ROLLUP_FIELDS.flatMap(([kind]) => [...(found.get(kind) ?? [])].sort().map((key) => ({ kind, key })));
};

const designationEdits = (rows: readonly OutboxRow[]): NameSources['waiting'] =>
  rows.flatMap((row) =>
    row.entity === 'designation' ? [{ kind: row.payload.kind, key: row.payload.key, state: row.state }] : [],
  );

/**
 * Reads every local source of nameable keys. Index-only reads (uniqueKeys) for invoices and line
 * rollups: a licence used on lines but no longer on the customer record must stay nameable, and
 * reading the lines themselves would cost seconds on a large archive.
 */
const readSources = async (db: InvoiceDeskDatabase): Promise<StoredSources> => {
  const [services, customerRow, designations, outbox, ...seen] = await Promise.all([
    db.services.toArray(),
    db.singletons.get('customer'),
    db.designations.toArray(),
    // The outbox holds a handful of rows at most; a scan is cheaper than a second index.
    db.outbox.toArray(),
    distinctKeys('invoiceReference', db.invoices.orderBy('invoiceReference').uniqueKeys()),
    rollupKeys(db),
  ]);
  return {
    services: checkServices(services).rows,
    customer: customerRow && isCustomer(customerRow.value) ? customerRow.value : undefined,
    seen: seen.flat(),
    designations: checkDesignations(designations).rows,
    waiting: designationEdits(outbox),
  };
};

/** Every local source of nameable keys, live; undefined while loading. */
export const useDesignationSources = (): StoredSources | undefined => {
  const db = useDatabase();
  return useLiveQuery(() => readSources(db), [db]);
};

/** The operator's services and the clerk's designations, live; damaged rows are left out. */
export const useServicesAndDesignations = () => {
  const db = useDatabase();
  // Every page names things through here: a damaged row just leaves its code unnamed.
  const services = useLiveQuery(async () => checkServices(await db.services.toArray()).rows, [db]);
  const designations = useLiveQuery(
    async () => checkDesignations(await db.designations.toArray()).rows,
    [db],
  );
  // Checked whole: debtor names come from it, and a damaged record must leave them unnamed, not throw.
  const customer = useLiveQuery(async () => {
    const parsed = CustomerSchema.safeParse((await db.singletons.get('customer'))?.value);
    return parsed.success ? parsed.data : undefined;
  }, [db]);
  return { services, designations, customer };
};
