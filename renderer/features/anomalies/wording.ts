import type { TFunction } from 'i18next';
import { UNASSIGNED } from '../../../shared/allocation/assignments';
import type { AnomalyFlag, RiseDimension } from '../../../shared/analytics/anomalies';
import { formatChf, formatMonth, formatPercent } from '../../../shared/core/format';
import { formatUnitPrice } from '../../../shared/core/money';
import type { Language } from '../../../shared/i18n/languages';

export interface FlagNames {
  /** A service's name as the clerk reads it (their designation, the operator's name, the code). */
  service: (code: string) => string;
  licence: (key: string) => string;
  center: (code: string) => string;
}

const RISE_SUBJECT = {
  costCenter: 'alerts.anomalies.costCenter',
  service: 'alerts.anomalies.service',
  licence: 'alerts.anomalies.licence',
} as const satisfies Record<RiseDimension, string>;

const subjectName = (dimension: RiseDimension, key: string, names: FlagNames): string =>
  dimension === 'costCenter'
    ? names.center(key)
    : dimension === 'service'
      ? names.service(key)
      : names.licence(key);

/** A unit price as an amount in the clerk's form; a mass-mailing rate keeps its four decimals. */
const priceText = (tenThousandths: number, language: Language): string =>
  tenThousandths % 100 === 0
    ? formatChf(tenThousandths / 100, language)
    : `CHF ${formatUnitPrice(tenThousandths)}`;

/** One sentence per flag, in the clerk's language, with names and Swiss amounts: never a code of the app. */
export const describeFlag = (
  flag: AnomalyFlag,
  t: TFunction,
  language: Language,
  names: FlagNames,
): string => {
  const month = formatMonth(flag.month, language, 'long');
  switch (flag.kind) {
    case 'rise': {
      const what =
        flag.dimension === 'costCenter' && flag.key === UNASSIGNED
          ? t('alerts.anomalies.unassigned')
          : t(RISE_SUBJECT[flag.dimension], { name: subjectName(flag.dimension, flag.key, names) });
      const values = {
        what,
        cost: formatChf(flag.costCentimes, language),
        month,
        average: formatChf(flag.averageCentimes, language),
        count: flag.historyMonths,
      };
      if (flag.averageCentimes <= 0) return t('alerts.anomalies.riseFromNothing', values);
      const percent = formatPercent(
        (flag.costCentimes - flag.averageCentimes) / flag.averageCentimes,
        language,
      );
      return t('alerts.anomalies.rise', { ...values, percent });
    }
    case 'newService':
      return t('alerts.anomalies.newService', {
        name: names.service(flag.key),
        month,
        cost: formatChf(flag.costCentimes, language),
      });
    case 'newLicence':
      return t('alerts.anomalies.newLicence', {
        name: names.licence(flag.key),
        month,
        cost: formatChf(flag.costCentimes, language),
      });
    case 'unitPrice':
      return t('alerts.anomalies.unitPrice', {
        name: names.service(flag.key),
        count: flag.lines,
        month,
        price: priceText(flag.unitPrice, language),
        usual: priceText(flag.usualUnitPrice, language),
      });
  }
};
