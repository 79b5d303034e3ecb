import type { TFunction } from 'i18next';
import { formatChf, formatDate, formatPercent } from '../../../shared/core/format';
import { isMoney, parseMoney } from '../../../shared/core/money';
import type { Language } from '../../../shared/i18n/languages';
import type { OutboxRow } from '../../db/records';

const fieldOf = (value: unknown, field: string): unknown =>
  typeof value === 'object' && value !== null && field in value
    ? Object.getOwnPropertyDescriptor(value, field)?.value
    : undefined;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * What a waiting change is about, in the clerk's words ("Franking licence 65602908"): the outbox key
 * ("frankingLicence/65602908") is the app's own and never shown.
 */
export const describeSubject = (row: OutboxRow, t: TFunction): string => {
  switch (row.entity) {
    case 'designation':
      return `${t(`names.kinds.${row.payload.kind}`)} ${row.payload.key}`;
    case 'costCenter':
      return `${t('outbox.entity.costCenter')} ${row.key}`;
    case 'assignment':
      return row.op === 'put'
        ? t('outbox.assignmentOf', { what: `${t(`names.kinds.${row.payload.kind}`)} ${row.payload.key}` })
        : t('outbox.entity.assignment');
    case 'preferences':
      return t('outbox.entity.preferences');
  }
};

const describeSplits = (value: unknown, language: Language): string => {
  const splits = fieldOf(value, 'splits');
  if (!Array.isArray(splits)) return '';
  return splits
    .map((split: unknown) => {
      const code = text(fieldOf(split, 'costCenterCode'));
      const percent = fieldOf(split, 'percent');
      return typeof percent === 'number' ? `${code} ${formatPercent(percent / 100, language)}` : code;
    })
    .join(', ');
};

const describePreferences = (value: unknown, t: TFunction): string => {
  const paper = fieldOf(value, 'paper');
  const notifications = fieldOf(value, 'notifications');
  const on = (flag: unknown) => flag === true;
  const chosen = [
    on(fieldOf(paper, 'invoiceByPost')) && t('outbox.preferences.invoiceByPost'),
    on(fieldOf(paper, 'detailedStatementByPost')) && t('outbox.preferences.detailedStatementByPost'),
    on(fieldOf(notifications, 'newDocuments')) && t('outbox.preferences.newDocuments'),
    on(fieldOf(notifications, 'paymentReminders')) && t('outbox.preferences.paymentReminders'),
  ].filter((part) => typeof part === 'string');
  return chosen.length > 0 ? chosen.join(', ') : t('outbox.preferences.none');
};

/** A short, human reading of an outbox payload or a server representation, for side-by-side display. */
export const describeValue = (
  entity: OutboxRow['entity'],
  value: unknown,
  t: TFunction,
  language: Language,
): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return '';
  switch (entity) {
    case 'designation':
      return text(fieldOf(value, 'text'));
    case 'costCenter': {
      // Every field the clerk can change, so two versions that differ read differently.
      const budget = text(fieldOf(value, 'monthlyBudget'));
      return [
        text(fieldOf(value, 'name')),
        text(fieldOf(value, 'owner')),
        isMoney(budget) ? formatChf(parseMoney(budget), language) : '',
        fieldOf(value, 'active') === false ? t('costCenterPage.inactive') : '',
      ]
        .filter((part) => part !== '')
        .join(' · ');
    }
    case 'assignment': {
      // The period too: a refusal for overlapping periods (409) is only understood beside it.
      const day = (field: string) => {
        const iso = text(fieldOf(value, field));
        return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso, language) : null;
      };
      const from = day('validFrom');
      const to = day('validTo');
      const period =
        from && to
          ? t('assignmentChanges.period.between', { from, to })
          : from
            ? t('assignmentChanges.period.from', { from })
            : to
              ? t('assignmentChanges.period.until', { to })
              : null;
      const splits = describeSplits(value, language);
      return period ? `${splits} · ${period}` : splits;
    }
    case 'preferences':
      return describePreferences(value, t);
  }
};

const rejectionKeys = {
  'api.badRequest': 'badRequest',
  'api.conflict': 'conflict',
  'api.notFound': 'notFound',
  'api.forbidden': 'forbidden',
} as const;

/** Why the operator refused an edit, translated from its code; the operator's own text is English. */
export const describeRejection = (code: string | undefined, t: TFunction): string => {
  const key = Object.entries(rejectionKeys).find(([known]) => known === code)?.[1] ?? 'other';
  return t(`outbox.rejection.${key}`);
};
