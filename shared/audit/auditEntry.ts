import type { AnomalyKind, RiseDimension } from '../analytics/anomalies';
import type { OutboxChange } from '../sync/outbox';
import type { SyncRunRecord } from '../sync/ports';

/**
 * An audit log entry as data: what happened (kind), its parameters, and the values before and after
 * where there are two sides. The screen words it through i18n (describeAudit); the archive never
 * holds English prose, so the log reads in the clerk's language whenever it is shown.
 */
export type AuditEntry =
  | {
      kind: 'sync';
      params: {
        outcome: SyncRunRecord['outcome'];
        newInvoices: number;
        updatedInvoices: number;
        linesStored: number;
        documentsStored: number;
        errorCode: string | null;
      };
    }
  | {
      kind: 'archive';
      params: { firstServedIssueDate: string; archived: number; restored: number };
    }
  | {
      /** 412: someone else changed it; before is the clerk's edit, after what the operator has now. */
      kind: 'conflict';
      params: { entity: OutboxChange['entity']; key: string };
      before: unknown;
      after: unknown;
    }
  | {
      /** The operator refused the edit as such; before is the clerk's edit. */
      kind: 'rejected';
      params: { entity: OutboxChange['entity']; key: string; reasonCode: string; reason: string };
      before: unknown;
    }
  | {
      /** A file of cost centres applied in one transaction; skipped counts the rows with errors left out. */
      kind: 'costCenterImport';
      params: { fileName: string; created: number; changed: number; deactivated: number; skipped: number };
    }
  | { kind: 'costCenterImportUndone'; params: { fileName: string; restored: number } }
  | {
      /** An anomaly flag set aside by the clerk, with the note they gave. */
      kind: 'anomalyDismissed';
      params: {
        flag: AnomalyKind;
        dimension: RiseDimension | null;
        key: string;
        month: string;
        note: string;
      };
    };

/** How the log names a flag: its kind, and for a rise what rose. */
export type DismissedFlagWording =
  'riseCostCenter' | 'riseService' | 'riseLicence' | 'newService' | 'newLicence' | 'unitPrice';

const RISE_WORDING: Record<RiseDimension, DismissedFlagWording> = {
  costCenter: 'riseCostCenter',
  service: 'riseService',
  licence: 'riseLicence',
};

/** A row written before entries were data: its English prose is all there is, shown as it is. */
export interface LegacyAuditEntry {
  kind: 'sync' | 'edit' | 'conflict' | 'import' | 'archive';
  message: string;
}

/** The audit keys of the catalogues (entities are named as the outbox names them); each message takes the entry's parameters by name. */
export type AuditMessageKey =
  | 'audit.sync.ok'
  | 'audit.sync.cancelled'
  | 'audit.sync.failed'
  | 'audit.archive'
  | 'audit.archiveRestored'
  | 'audit.conflict'
  | 'audit.rejected'
  | 'costCenterImport.audit.applied'
  | 'costCenterImport.audit.undone'
  | 'alerts.anomalies.audit.dismissed'
  | `alerts.anomalies.audit.flag.${DismissedFlagWording}`
  | `outbox.entity.${OutboxChange['entity']}`;

export type AuditTranslate = (key: AuditMessageKey, params?: Record<string, string | number>) => string;

export const describeAudit = (entry: AuditEntry | LegacyAuditEntry, t: AuditTranslate): string => {
  if ('message' in entry) return entry.message;
  switch (entry.kind) {
    case 'sync': {
      const { outcome, errorCode, ...counts } = entry.params;
      return t(`audit.sync.${outcome}`, { ...counts, errorCode: errorCode ?? '' });
    }
    case 'archive': {
      const { firstServedIssueDate, archived, restored } = entry.params;
      return t(restored > 0 ? 'audit.archiveRestored' : 'audit.archive', {
        date: firstServedIssueDate,
        archived,
        restored,
      });
    }
    case 'conflict':
      return t('audit.conflict', {
        entity: t(`outbox.entity.${entry.params.entity}`),
        key: entry.params.key,
      });
    case 'rejected':
      return t('audit.rejected', {
        entity: t(`outbox.entity.${entry.params.entity}`),
        key: entry.params.key,
        reason: entry.params.reason,
      });
    case 'costCenterImport':
      return t('costCenterImport.audit.applied', entry.params);
    case 'costCenterImportUndone':
      return t('costCenterImport.audit.undone', entry.params);
    case 'anomalyDismissed': {
      const { flag, dimension, key, month, note } = entry.params;
      const wording = flag === 'rise' ? RISE_WORDING[dimension ?? 'service'] : flag;
      return t('alerts.anomalies.audit.dismissed', {
        flag: t(`alerts.anomalies.audit.flag.${wording}`, { key, month }),
        note,
      });
    }
  }
};
