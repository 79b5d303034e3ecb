import type { TFunction } from 'i18next';
import type { KeyKind } from '../../../shared/api/schemas';
import { formatDate, formatPercent } from '../../../shared/core/format';
import type { Language } from '../../../shared/i18n/languages';
import type { LinePart, LineRow } from '../../../shared/lines/lineIndex';
import type { LineReason } from '../../../shared/lines/lineReason';
import type { Names } from '../designations';

/** A whole percentage in the locale's Swiss form (shared/core/format.ts: "70%", French "70 %"). */
export const percentText = (percent: number, language: Language): string =>
  formatPercent(percent / 100, language, 0);

/** The clerk's name for a key, else the operator's, else none. */
const nameOf = (kind: KeyKind, key: string, names: Names): string | undefined => {
  const own = names.designation(kind, key);
  if (own) return own;
  if (kind === 'invoiceReference') return names.referenceLabel(key);
  if (kind === 'service') {
    const operator = names.service(key);
    return operator === key ? undefined : operator;
  }
  return undefined;
};

const validityText = (
  reason: Extract<LineReason, { kind: 'charged' }>,
  t: TFunction,
  language: Language,
): string => {
  const from = reason.validFrom === null ? null : formatDate(reason.validFrom, language);
  const to = reason.validTo === null ? null : formatDate(reason.validTo, language);
  if (from !== null && to !== null) return t('lines.reason.validBetween', { from, to });
  if (from !== null) return t('lines.reason.validFrom', { from });
  if (to !== null) return t('lines.reason.validUntil', { to });
  return t('lines.reason.noLimit');
};

/**
 * Why a line (or one of its parts, with `percent`) went where it went, in the clerk's language:
 * "Licence 60012345 (Bern mail room), 70% of the split, valid from 01.03.2026". Without `percent`, a
 * split line names all its shares.
 */
export const reasonText = (
  reason: LineReason,
  t: TFunction,
  language: Language,
  names: Names,
  percent?: number,
): string => {
  if (reason.kind === 'notCharged')
    return t('lines.reason.notCharged', {
      licence: reason.frankingLicence,
      reference: reason.invoiceReference,
      service: reason.serviceCode,
      date: formatDate(reason.serviceDate, language),
    });
  const name = nameOf(reason.by, reason.key, names);
  const subject = name
    ? t(`lines.reason.named.${reason.by}`, { key: reason.key, name })
    : t(`lines.reason.key.${reason.by}`, { key: reason.key });
  const validity = validityText(reason, t, language);
  if (reason.percents.length <= 1)
    return t('lines.reason.whole', { subject, share: percentText(100, language), validity });
  if (percent !== undefined)
    return t('lines.reason.shareOfSplit', { subject, share: percentText(percent, language), validity });
  return t('lines.reason.split', {
    subject,
    shares: reason.percents.map((share) => percentText(share, language)).join(' · '),
    validity,
  });
};

/** The cost-centre column: "2100 70% · 3100 30%", the centre alone at 100 %, or "not charged". */
export const partsText = (parts: readonly LinePart[], t: TFunction, language: Language): string => {
  const [first] = parts;
  if (!first || first.costCenterCode === null) return t('lines.notCharged');
  if (parts.length === 1) return first.costCenterCode;
  return parts
    .map((part) => `${part.costCenterCode ?? ''} ${percentText(part.percent, language)}`)
    .join(' · ');
};

/**
 * The reason the column shows for a row: with a cost-centre filter and a split, the chosen centre's
 * share of it; otherwise the whole line's.
 */
export const rowReasonText = (
  row: LineRow,
  chosen: readonly string[] | undefined,
  t: TFunction,
  language: Language,
  names: Names,
): string => {
  const part =
    row.parts.length > 1 && chosen && chosen.length > 0
      ? row.parts.find(
          (candidate) => candidate.costCenterCode !== null && chosen.includes(candidate.costCenterCode),
        )
      : undefined;
  return reasonText(row.reason, t, language, names, part?.percent);
};
