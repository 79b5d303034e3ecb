import type { AnomalyKind, RiseDimension } from '../analytics/anomalies';
import type { AssignmentInput, CostCenterInput, KeyKind, Preferences } from '../api/schemas';
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
      /**
       * A file of cost centres applied in one transaction; skipped counts the rows with errors left
       * out; sha256 is the file's (absent in entries from before it was recorded).
       */
      kind: 'costCenterImport';
      params: {
        fileName: string;
        created: number;
        changed: number;
        deactivated: number;
        skipped: number;
        sha256?: string;
      };
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
    }
  | {
      /** A document (invoice PDF) stored for the first time, with the verdict of its hash check. */
      kind: 'documentRetrieved';
      params: { invoiceId: string; invoiceNumber: string; sha256: string; size: number; verified: boolean };
    }
  | { kind: 'documentOpened'; params: { invoiceId: string; invoiceNumber: string } }
  | {
      kind: 'costCenterEdited';
      params: { code: string; action: 'created' | 'changed' | 'deleted' };
      before: CostCenterInput | null;
      after: CostCenterInput | null;
    }
  | {
      /** The clerk's own name for a key; null on a side where there was none. */
      kind: 'designationEdited';
      params: { kind: KeyKind; key: string };
      before: string | null;
      after: string | null;
    }
  | {
      kind: 'preferencesEdited';
      params: Record<string, never>;
      before: Preferences | null;
      after: Preferences;
    }
  | {
      /** One batch of assignment changes (a drop, the split dialog, an undo or redo): the touched assignments before and after. */
      kind: 'assignmentsEdited';
      params: { origin: AssignmentEditOrigin; created: number; changed: number; deleted: number };
      before: AssignmentSnapshot[];
      after: AssignmentSnapshot[];
    }
  | {
      kind: 'assignmentImport';
      params: { fileName: string; sha256: string; created: number; changed: number; deleted: number };
      before: AssignmentSnapshot[];
      after: AssignmentSnapshot[];
    }
  | {
      /** How a conflict (or a refusal) was settled; before is the clerk's edit, after what the operator had. */
      kind: 'conflictSettled';
      params: { entity: OutboxChange['entity']; key: string; settlement: ConflictSettlement };
      before: unknown;
      after: unknown;
    }
  | {
      /** A file the app wrote for the clerk: its suggested name, size and SHA-256 of the bytes written. */
      kind: 'fileExported';
      params: { what: ExportedFile; fileName: string; sha256: string; bytes: number; rows: number };
    };

export type AuditKind = AuditEntry['kind'];

/** An assignment as the log keeps it: what the clerk set, without the operator's bookkeeping. */
export type AssignmentSnapshot = AssignmentInput & { id: string };

export type AssignmentEditOrigin = 'edit' | 'undo' | 'redo';

/** keepMine and takeTheirs are the clerk's; alreadyApplied the sync's (the operator had the edit already); refusalAccepted a refused edit dropped. */
export type ConflictSettlement = 'keepMine' | 'takeTheirs' | 'alreadyApplied' | 'refusalAccepted';

export type ExportedFile =
  | 'workbook'
  | 'journal'
  | 'auditCsv'
  | 'auditXlsx'
  | 'archive'
  | 'invoiceList'
  | 'invoicePdfs'
  | 'invoicePdf'
  | 'lineList'
  | 'lineGroups'
  | 'costCenters'
  | 'chartPng';

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
  | 'audit.documentRetrieved'
  | 'audit.documentMismatch'
  | 'audit.documentOpened'
  | `audit.costCenter.${'created' | 'changed' | 'deleted'}`
  | 'audit.designation.set'
  | 'audit.designation.cleared'
  | 'audit.preferences'
  | `audit.assignments.${AssignmentEditOrigin}`
  | 'audit.assignmentImport'
  | `audit.settled.${ConflictSettlement}`
  | `audit.exported.${ExportedFile}`
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
    case 'costCenterImport': {
      const { sha256: _sha256, ...params } = entry.params;
      return t('costCenterImport.audit.applied', params);
    }
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
    case 'documentRetrieved':
      return t(entry.params.verified ? 'audit.documentRetrieved' : 'audit.documentMismatch', {
        number: entry.params.invoiceNumber,
      });
    case 'documentOpened':
      return t('audit.documentOpened', { number: entry.params.invoiceNumber });
    case 'costCenterEdited':
      return t(`audit.costCenter.${entry.params.action}`, {
        code: entry.params.code,
        name: entry.after?.name ?? entry.before?.name ?? '',
      });
    case 'designationEdited':
      return t(entry.after === null ? 'audit.designation.cleared' : 'audit.designation.set', {
        key: entry.params.key,
        text: entry.after ?? '',
      });
    case 'preferencesEdited':
      return t('audit.preferences');
    case 'assignmentsEdited': {
      const { origin, ...counts } = entry.params;
      return t(`audit.assignments.${origin}`, counts);
    }
    case 'assignmentImport': {
      const { sha256: _sha256, ...params } = entry.params;
      return t('audit.assignmentImport', params);
    }
    case 'conflictSettled':
      return t(`audit.settled.${entry.params.settlement}`, {
        entity: t(`outbox.entity.${entry.params.entity}`),
        key: entry.params.key,
      });
    case 'fileExported':
      return t(`audit.exported.${entry.params.what}`, {
        fileName: entry.params.fileName,
        rows: entry.params.rows,
      });
  }
};
