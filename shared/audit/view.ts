import { formatChf, formatDate } from '../core/format';
import { isMoney, parseMoney } from '../core/money';
import type { Language } from '../i18n/languages';
import type { OutboxChange } from '../sync/outbox';
import {
  describeAudit,
  type AuditEntry,
  type AuditKind,
  type AuditMessageKey,
  type LegacyAuditEntry,
} from './auditEntry';
import type { ChainLink, ChainProblem } from './chain';
import type { AuditDevice } from './device';

/** What the audit page groups the kinds into for its filter. */
export type AuditCategory = 'documents' | 'changes' | 'conflicts' | 'files' | 'sync';
export const auditCategories: readonly AuditCategory[] = [
  'documents',
  'changes',
  'conflicts',
  'files',
  'sync',
];

const CATEGORY: Record<AuditKind | LegacyAuditEntry['kind'], AuditCategory> = {
  sync: 'sync',
  archive: 'sync',
  documentRetrieved: 'documents',
  documentOpened: 'documents',
  conflict: 'conflicts',
  rejected: 'conflicts',
  conflictSettled: 'conflicts',
  costCenterEdited: 'changes',
  designationEdited: 'changes',
  preferencesEdited: 'changes',
  assignmentsEdited: 'changes',
  anomalyDismissed: 'changes',
  costCenterImportUndone: 'changes',
  edit: 'changes',
  costCenterImport: 'files',
  assignmentImport: 'files',
  fileExported: 'files',
  import: 'files',
};

export const auditCategory = (kind: AuditKind | LegacyAuditEntry['kind']): AuditCategory => CATEGORY[kind];

/** A stored entry as the page and the export read it. */
export type AuditRecord = { at: string; device: AuditDevice | null } & ChainLink &
  (AuditEntry | LegacyAuditEntry);

/** The page's own keys (auditTrail.*) that the wording of values needs. */
export type AuditViewKey =
  | AuditMessageKey
  | 'auditTrail.yes'
  | 'auditTrail.no'
  | 'auditTrail.always'
  | 'auditTrail.validity'
  | 'auditTrail.openStart'
  | 'auditTrail.openEnd'
  | 'auditTrail.assignmentLine'
  | 'auditTrail.nothing'
  | `auditTrail.keyKinds.${'frankingLicence' | 'invoiceReference' | 'service'}`
  | `auditTrail.fields.${AuditField}`
  | `costCenterPage.objectTypes.${'costCenter' | 'costUnit' | 'wbsElement' | 'internalOrder'}`
  | ChainProblemKey;

export type AuditViewTranslate = (key: AuditViewKey, params?: Record<string, string | number>) => string;

type AuditField =
  | 'name'
  | 'owner'
  | 'active'
  | 'objectType'
  | 'monthlyBudget'
  | 'text'
  | 'newDocuments'
  | 'paymentReminders'
  | 'emails'
  | 'invoiceByPost'
  | 'detailedStatementByPost';

/** An entry in words: what happened, and each side as lines ("Name: Logistics"); null where a side does not apply. */
export interface AuditView {
  record: AuditRecord;
  category: AuditCategory;
  text: string;
  before: string[] | null;
  after: string[] | null;
  /** The SHA-256 of an imported or exported file. */
  fileHash: string | null;
  /** Everything the text search looks in, lower-cased. */
  haystack: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const CENTER_FIELDS = ['name', 'owner', 'active', 'objectType', 'monthlyBudget'] as const;
const OBJECT_TYPES = ['costCenter', 'costUnit', 'wbsElement', 'internalOrder'] as const;

const words = (t: AuditViewTranslate, language: Language) => {
  const flag = (value: unknown) => (value === true ? t('auditTrail.yes') : t('auditTrail.no'));
  const field = (name: AuditField, value: string) => `${t(`auditTrail.fields.${name}`)}: ${value}`;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : '—');

  const center = (value: Record<string, unknown>): string[] =>
    CENTER_FIELDS.flatMap((name) => {
      const raw = value[name];
      if (raw === undefined) return [];
      if (name === 'active') return [field(name, flag(raw))];
      if (name === 'objectType') {
        const type = OBJECT_TYPES.find((candidate) => candidate === raw);
        return [field(name, type ? t(`costCenterPage.objectTypes.${type}`) : text(raw))];
      }
      if (name === 'monthlyBudget')
        return [field(name, isMoney(raw) ? formatChf(parseMoney(raw), language) : '—')];
      return [field(name, text(raw))];
    });

  const preferences = (value: Record<string, unknown>): string[] => {
    const notifications = isRecord(value.notifications) ? value.notifications : {};
    const paper = isRecord(value.paper) ? value.paper : {};
    const emails = Array.isArray(notifications.emails)
      ? notifications.emails.filter((email) => typeof email === 'string')
      : [];
    return [
      field('newDocuments', flag(notifications.newDocuments)),
      field('paymentReminders', flag(notifications.paymentReminders)),
      field('emails', emails.length > 0 ? emails.join(', ') : '—'),
      field('invoiceByPost', flag(paper.invoiceByPost)),
      field('detailedStatementByPost', flag(paper.detailedStatementByPost)),
    ];
  };

  const assignment = (value: Record<string, unknown>): string => {
    const kind =
      value.kind === 'frankingLicence' || value.kind === 'invoiceReference' ? value.kind : 'service';
    const splits = Array.isArray(value.splits)
      ? value.splits
          .filter(isRecord)
          .map((split) => `${String(split.percent)} % ${String(split.costCenterCode)}`)
          .join(', ')
      : '';
    const from = typeof value.validFrom === 'string' ? formatDate(value.validFrom, language) : null;
    const to = typeof value.validTo === 'string' ? formatDate(value.validTo, language) : null;
    const validity =
      from === null && to === null
        ? t('auditTrail.always')
        : t('auditTrail.validity', {
            from: from ?? t('auditTrail.openStart'),
            to: to ?? t('auditTrail.openEnd'),
          });
    return t('auditTrail.assignmentLine', {
      kind: t(`auditTrail.keyKinds.${kind}`),
      key: text(value.key),
      splits,
      validity,
    });
  };

  /** One side of an outbox entity's change (a conflict's or a refusal's payload, an edit's value). */
  const side = (entity: OutboxChange['entity'] | 'assignments', value: unknown): string[] => {
    if (value === null || value === undefined) return [t('auditTrail.nothing')];
    if (entity === 'assignments')
      return Array.isArray(value) && value.length > 0
        ? value.filter(isRecord).map(assignment)
        : [t('auditTrail.nothing')];
    if (typeof value === 'string') return [field('text', value)];
    if (!isRecord(value)) return [t('auditTrail.nothing')];
    switch (entity) {
      case 'costCenter':
        return center(value);
      case 'designation':
        return [field('text', text(value.text))];
      case 'preferences':
        return preferences(value);
      case 'assignment':
        return [assignment(value)];
    }
  };
  return { side };
};

/** The entry in the clerk's language, with both sides where it has them. */
export const viewAuditRecord = (
  record: AuditRecord,
  t: AuditViewTranslate,
  language: Language,
): AuditView => {
  const { side } = words(t, language);
  const text = describeAudit(record, t);
  let before: string[] | null = null;
  let after: string[] | null = null;
  let fileHash: string | null = null;
  if (!('message' in record)) {
    switch (record.kind) {
      case 'conflict':
      case 'conflictSettled':
        before = side(record.params.entity, record.before);
        after = side(record.params.entity, record.after);
        break;
      case 'rejected':
        before = side(record.params.entity, record.before);
        break;
      case 'costCenterEdited':
        before = side('costCenter', record.before);
        after = side('costCenter', record.after);
        break;
      case 'designationEdited':
        before = side('designation', record.before);
        after = side('designation', record.after);
        break;
      case 'preferencesEdited':
        before = side('preferences', record.before);
        after = side('preferences', record.after);
        break;
      case 'assignmentsEdited':
        before = side('assignments', record.before);
        after = side('assignments', record.after);
        break;
      case 'assignmentImport':
        before = side('assignments', record.before);
        after = side('assignments', record.after);
        fileHash = record.params.sha256;
        break;
      case 'costCenterImport':
        fileHash = record.params.sha256 ?? null;
        break;
      case 'fileExported':
      case 'documentRetrieved':
        fileHash = record.params.sha256;
        break;
      default:
        break;
    }
  }
  const haystack = [text, ...(before ?? []), ...(after ?? []), fileHash ?? '', record.device?.name ?? '']
    .join('\n')
    .toLowerCase();
  return { record, category: auditCategory(record.kind), text, before, after, fileHash, haystack };
};

export interface AuditFilter {
  category: AuditCategory | null;
  /** Calendar days in the clerk's time zone, inclusive; null leaves that end open. */
  from: string | null;
  to: string | null;
  /** A device id; '' for entries without one. */
  device: string | null;
  text: string;
}

export const emptyAuditFilter: AuditFilter = { category: null, from: null, to: null, device: null, text: '' };

/** The entries the filter keeps, in the order given; `dayOf` turns an instant into the clerk's calendar day. */
export const filterAuditViews = (
  views: readonly AuditView[],
  filter: AuditFilter,
  dayOf: (instant: string) => string,
): AuditView[] => {
  const needle = filter.text.trim().toLowerCase();
  return views.filter((view) => {
    if (filter.category !== null && view.category !== filter.category) return false;
    if (filter.device !== null && (view.record.device?.id ?? '') !== filter.device) return false;
    if (filter.from !== null || filter.to !== null) {
      const day = dayOf(view.record.at);
      if (filter.from !== null && day < filter.from) return false;
      if (filter.to !== null && day > filter.to) return false;
    }
    return needle === '' || view.haystack.includes(needle);
  });
};

/** The devices the log names, each once, in the order they first appear. */
export const auditDevices = (records: readonly AuditRecord[]): (AuditDevice | null)[] => {
  const seen = new Map<string, AuditDevice | null>();
  for (const record of records) {
    const id = record.device?.id ?? '';
    if (!seen.has(id)) seen.set(id, record.device);
  }
  return [...seen.values()];
};

export type ChainProblemKey = `auditTrail.verify.problems.${ChainProblem['code'] | 'missingRange'}`;

/** A problem of the chain in the clerk's words. */
export const describeChainProblem = (
  problem: ChainProblem,
  t: (key: ChainProblemKey, params: Record<string, number>) => string,
): string => {
  switch (problem.code) {
    case 'missing':
      return problem.from === problem.to
        ? t('auditTrail.verify.problems.missing', { from: problem.from })
        : t('auditTrail.verify.problems.missingRange', { from: problem.from, to: problem.to });
    case 'tailMissing':
      return t('auditTrail.verify.problems.tailMissing', { from: problem.from, to: problem.to });
    case 'outOfOrder':
      return t('auditTrail.verify.problems.outOfOrder', { seq: problem.seq, after: problem.after });
    default:
      return t(`auditTrail.verify.problems.${problem.code}`, { seq: problem.seq });
  }
};
