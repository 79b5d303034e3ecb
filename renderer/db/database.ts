import { Dexie, type EntityTable, type PromiseExtended, type Table } from 'dexie';
import type { AuditDevice } from '../../shared/audit/device';
import { ArchiveError, storedVersion } from './archiveErrors';
import type * as UpgradeModule from './upgrades';
import type {
  AnomalyDismissalRow,
  BudgetNoticeRow,
  AllocatedRollupKey,
  AllocatedRollupRow,
  Assignment,
  AuditRow,
  CostCenter,
  Customer,
  ImportMemoryRow,
  LineBlock,
  OutboxRow,
  Preferences,
  QuarantineRow,
  RollupMonth,
  Service,
  SingletonRow,
  StoredDesignation,
  StoredDocument,
  StoredInvoice,
  SyncRunRow,
  SyncStateRow,
} from './records';

/**
 * The local archive. Versions only ever follow one another: each `version(n)` names its whole schema
 * and, where rows change shape or move, an `upgrade()` that rewrites them. Never edit a released
 * version.
 */
export const DATABASE_NAME = 'invoice-desk';

export const schemaV1 = {
  invoices: 'id, issueDate, status, debtorNumber, invoiceReference, number, linesState, documentState',
  lineBlocks: '[invoiceId+blockNo], invoiceId',
  documents: 'invoiceId',
  rollups: 'key, month, serviceCode, frankingLicence, invoiceReference',
  services: 'code',
  singletons: 'key',
  costCenters: 'code',
  assignments: 'id, [kind+key]',
  designations: '[kind+key]',
  outbox: '++seq, [entity+key], state',
  syncState: 'key',
  quarantine: '++id, kind, invoiceId',
  syncRuns: '++id, startedAt',
} as const;

/** v2: the archive mark and due dates become queryable (Overview: due soon, archived filter). */
export const schemaV2 = {
  ...schemaV1,
  invoices:
    'id, issueDate, dueDate, updatedAt, status, debtorNumber, invoiceReference, number, linesState, documentState, archived, [status+dueDate]',
  auditLog: '++id, at, kind',
} as const;

/** v3: what the cost-centre import remembers: the clerk's column mapping per header layout, and the last import (for its undo). */
export const schemaV3 = {
  ...schemaV2,
  importMemory: 'key',
} as const;

/**
 * v4: allocated rollups per (month, cost centre or UNASSIGNED, service), exact to the centime; and
 * the blocks indexed by the strings of their dictionary, so that the lines of one licence,
 * reference or service are found without reading every block (re-allocation after an assignment
 * change).
 */
export const schemaV4 = {
  ...schemaV3,
  lineBlocks: '[invoiceId+blockNo], invoiceId, *dict',
  allocatedRollups: '[month+costCenterCode+serviceCode], month',
} as const;

/**
 * v5: the anomaly flags the clerk dismissed (with a note; the flag's id is its key), and the budget
 * alerts a desktop notification has already told (one per cost centre, threshold and month).
 */
export const schemaV5 = {
  ...schemaV4,
  anomalyDismissals: 'id, dismissedAt',
  budgetNotices: 'key',
} as const;

/**
 * v6: the audit log becomes a hash chain (shared/audit/chain.ts): each row has its unique place
 * (`seq`), the hash before it and its own, and the device it was made on.
 */
export const schemaV6 = {
  ...schemaV5,
  auditLog: '++id, at, kind, &seq',
} as const;

/**
 * v7: the rollups of a month in one record (shared/lines/rollup.ts, RollupMonth): the sync's lines
 * commits wrote and read back hundreds of small rows each, one IndexedDB request per row. v8 drops
 * the per-key table once v7 has moved its rows.
 */
export const schemaV7 = {
  ...schemaV6,
  rollupMonths: 'month',
} as const;

export const schemaV8 = {
  ...schemaV7,
  rollups: null,
} as const;

type Upgrades = typeof UpgradeModule;

export class InvoiceDeskDatabase extends Dexie {
  invoices!: EntityTable<StoredInvoice, 'id'>;
  lineBlocks!: Table<LineBlock, [string, number]>;
  documents!: EntityTable<StoredDocument, 'invoiceId'>;
  rollupMonths!: EntityTable<RollupMonth, 'month'>;
  allocatedRollups!: Table<AllocatedRollupRow, AllocatedRollupKey>;
  services!: EntityTable<Service, 'code'>;
  singletons!: Table<SingletonRow<Customer | Preferences>, string>;
  costCenters!: EntityTable<CostCenter, 'code'>;
  assignments!: EntityTable<Assignment, 'id'>;
  designations!: Table<StoredDesignation, [string, string]>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  quarantine!: EntityTable<QuarantineRow, 'id'>;
  syncRuns!: EntityTable<SyncRunRow, 'id'>;
  // A plain Table: EntityTable's insert type (an Omit) would flatten the entry union to its common fields.
  auditLog!: Table<AuditRow, number>;
  // A plain Table for the same reason: its rows are a union keyed by kind of memory.
  importMemory!: Table<ImportMemoryRow, string>;
  anomalyDismissals!: EntityTable<AnomalyDismissalRow, 'id'>;
  budgetNotices!: EntityTable<BudgetNoticeRow, 'key'>;

  /** Which install writes through this connection: stamped on every audit entry (renderer/db/auditLog.ts). */
  auditDevice: AuditDevice | null = null;

  private readonly factory: IDBFactory;
  private versionCheck: Promise<void> | null = null;
  /** The upgrades' code (with the allocator and the audit chain's hash), loaded only for an older archive. */
  private loadedUpgrades: Upgrades | null = null;

  private upgrades(): Upgrades {
    // open() loads them before Dexie opens an archive older than this schema.
    if (this.loadedUpgrades === null) throw new Error('An upgrade ran before its code was loaded');
    return this.loadedUpgrades;
  }

  constructor(
    name: string = DATABASE_NAME,
    options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
  ) {
    super(name, options);
    this.factory = options?.indexedDB ?? globalThis.indexedDB;
    this.version(1).stores(schemaV1);
    this.version(2)
      .stores(schemaV2)
      .upgrade(async (tx) => {
        // v1 kept no archive mark: every invoice it holds was current when stored.
        await tx
          .table<StoredInvoice>('invoices')
          .toCollection()
          .modify((invoice) => {
            if (typeof invoice.archived !== 'number') invoice.archived = 0;
          });
      });
    // Only a table is added: nothing stored before changes shape.
    this.version(3).stores(schemaV3);
    this.version(4)
      .stores(schemaV4)
      // The lines already stored, allocated under the assignments already stored: from then on the
      // sync and every assignment change keep the rows current.
      .upgrade((tx) => this.upgrades().allocateStoredLines(tx));
    // Only tables are added: nothing stored before changes shape.
    this.version(5).stores(schemaV5);
    this.version(6)
      .stores(schemaV6)
      // The rows written so far, chained in the order they were written; no device was recorded.
      .upgrade((tx) => this.upgrades().chainAuditRows(tx));
    this.version(7)
      .stores(schemaV7)
      .upgrade((tx) => this.upgrades().groupRollupsByMonth(tx));
    this.version(8).stores(schemaV8);
  }

  /**
   * Refuses an archive written by a newer version of the app before Dexie touches it: Dexie would
   * otherwise open it anyway and, where its indexes differ, "patch" it to this older schema.
   * Dexie's auto-open goes through here too, so no query can reach such an archive.
   */
  override open(): PromiseExtended<Dexie> {
    this.versionCheck ??= storedVersion(this.factory, this.name).then(async (version) => {
      // Dexie stores version n as native version 10n (plus a unit for each schema patch of its own).
      // A new archive is created at the current version without upgrades; only an older one runs
      // them, so only then is their code fetched (not on the way to every start's first rows).
      if (version !== null && Math.floor(version / 10) < this.verno)
        this.loadedUpgrades = await import('./upgrades');
      if (version === null || Math.floor(version / 10) <= this.verno) return;
      // Later queries then fail at once instead of trying to open it again.
      this.close({ disableAutoOpen: true });
      throw new ArchiveError(
        'newerVersion',
        `The archive has version ${version / 10}; this app knows up to ${this.verno}`,
      );
    });
    const check = this.versionCheck;
    return Dexie.Promise.resolve(check).then(() => super.open());
  }
}
