import { useId, useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../../shared/api/schemas';
import { parseBudgetInput } from '../../../shared/costCenters/centerForm';
import {
  formatAmount,
  formatChf,
  formatFixed,
  formatInteger,
  formatMonth,
  formatNumber,
} from '../../../shared/core/format';
import { parseMoney } from '../../../shared/core/money';
import {
  ASSUMED_SHEETS_PER_INVOICE,
  CO2_GRAMS_PER_LETTER,
  DEFAULT_PAPER_COST,
  paperlessSavings,
  SHEET_PAPER_TENTH_MILLIGRAMS,
  type PaperCost,
  type PeriodSavings,
} from '../../../shared/preferences/savings';
import { useLanguage } from '../../ui/useLanguage';
import { loadPaperCost, savePaperCost } from './paperCost';
import { useProfile } from './profiles/ProfileContext';
import { useInvoicesForSavings } from './queries';

const TENTH_MILLIGRAMS_PER_KG = 10_000_000;

/** The cost of one paper invoice the figures count with: the clerk's own range or the default. */
const CostForm = ({ cost, onChange }: { cost: PaperCost; onChange: (cost: PaperCost) => void }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const profile = useProfile();
  const id = useId();
  const [low, setLow] = useState(() => formatAmount(cost.lowCentimes, language));
  const [high, setHigh] = useState(() => formatAmount(cost.highCentimes, language));
  const [problem, setProblem] = useState<'costInvalid' | 'costOrder' | null>(null);
  const [applied, setApplied] = useState(false);

  const apply = (next: PaperCost) => {
    savePaperCost(localStorage, profile.id, next);
    onChange(next);
    setApplied(true);
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setApplied(false);
    const lowValue = parseBudgetInput(low);
    const highValue = parseBudgetInput(high);
    if (!lowValue.ok || !highValue.ok || lowValue.value === null || highValue.value === null) {
      setProblem('costInvalid');
      return;
    }
    const next = { lowCentimes: parseMoney(lowValue.value), highCentimes: parseMoney(highValue.value) };
    if (next.highCentimes < next.lowCentimes) {
      setProblem('costOrder');
      return;
    }
    setProblem(null);
    apply(next);
  };

  const reset = () => {
    setLow(formatAmount(DEFAULT_PAPER_COST.lowCentimes, language));
    setHigh(formatAmount(DEFAULT_PAPER_COST.highCentimes, language));
    setProblem(null);
    apply(DEFAULT_PAPER_COST);
  };

  const describedBy = problem ? `${id}-problem` : undefined;
  return (
    <form onSubmit={submit} noValidate className="savings__cost" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('savings.costTitle')}</h4>
      <div className="savings__cost-fields">
        <label htmlFor={`${id}-low`}>{t('savings.costFrom')}</label>
        <input
          id={`${id}-low`}
          inputMode="decimal"
          autoComplete="off"
          maxLength={12}
          value={low}
          aria-invalid={problem !== null}
          aria-describedby={describedBy}
          onChange={(event) => setLow(event.target.value)}
        />
        <label htmlFor={`${id}-high`}>{t('savings.costTo')}</label>
        <input
          id={`${id}-high`}
          inputMode="decimal"
          autoComplete="off"
          maxLength={12}
          value={high}
          aria-invalid={problem !== null}
          aria-describedby={describedBy}
          onChange={(event) => setHigh(event.target.value)}
        />
        <button type="submit">{t('savings.costApply')}</button>
        <button type="button" className="secondary" onClick={reset}>
          {t('savings.costDefault')}
        </button>
        <span role="status">{applied ? t('savings.costApplied') : ''}</span>
      </div>
      {problem && (
        <p className="notice notice--error" id={`${id}-problem`}>
          {t(`savings.${problem}`)}
        </p>
      )}
    </form>
  );
};

const SavingsRow = ({ label, period, cost }: { label: string; period: PeriodSavings; cost: PaperCost }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const chf = (centimes: number) => formatChf(centimes, language);
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="amount">{formatInteger(period.letters, language)}</td>
      <td className="amount">{formatInteger(period.sheets, language)}</td>
      <td className="amount savings__saved">
        {cost.lowCentimes === cost.highCentimes
          ? chf(period.lowCentimes)
          : t('savings.range', { low: chf(period.lowCentimes), high: chf(period.highCentimes) })}
      </td>
      <td className="amount">
        {t('savings.kilograms', {
          value: formatFixed(period.paperTenthMilligrams / TENTH_MILLIGRAMS_PER_KG, language, 2),
        })}
      </td>
      <td className="amount">
        {t('savings.kilograms', { value: formatFixed(period.co2Grams / 1000, language, 2) })}
      </td>
    </tr>
  );
};

/**
 * Beside the paper settings: what receiving invoices by e-mail saves (paper off) or would save
 * (paper on), per calendar year of issue and over the last twelve months, with its factors.
 */
export const PaperlessSavings = ({ paper }: { paper: Preferences['paper'] }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const profile = useProfile();
  const titleId = useId();
  const invoices = useInvoicesForSavings();
  const [cost, setCost] = useState(() => loadPaperCost(localStorage, profile.id));
  const savings = useMemo(() => (invoices ? paperlessSavings(invoices, cost) : null), [invoices, cost]);
  const paperOff = !paper.invoiceByPost && !paper.detailedStatementByPost;
  const last12 = savings?.last12Months;
  const assumed = savings?.years.reduce((sum, year) => sum + year.lettersWithAssumedSheets, 0) ?? 0;

  return (
    <section className="savings" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('savings.title')}</h3>
      {!savings && <p className="empty">{t('savings.loading')}</p>}
      {savings && !last12 && <p className="empty">{t('savings.empty')}</p>}
      {savings && last12 && (
        <>
          <p>{t(paperOff ? 'savings.achieved' : 'savings.potential')}</p>
          <div className="savings__table">
            <table className="data">
              <caption className="visually-hidden">{t('savings.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('savings.period')}</th>
                  <th scope="col" className="amount">
                    {t('savings.letters')}
                  </th>
                  <th scope="col" className="amount">
                    {t('savings.sheets')}
                  </th>
                  <th scope="col" className="amount">
                    {t('savings.cost')}
                  </th>
                  <th scope="col" className="amount">
                    {t('savings.paperWeight')}
                  </th>
                  <th scope="col" className="amount">
                    {t('savings.co2')}
                  </th>
                </tr>
              </thead>
              <tbody>
                <SavingsRow
                  label={t('savings.last12', {
                    from: formatMonth(last12.fromMonth, language, 'long'),
                    to: formatMonth(last12.toMonth, language, 'long'),
                  })}
                  period={last12}
                  cost={cost}
                />
                {[...savings.years].reverse().map((year) => (
                  <SavingsRow key={year.year} label={year.year} period={year} cost={cost} />
                ))}
              </tbody>
            </table>
          </div>
          {assumed > 0 && (
            <p className="hint">
              {t('savings.assumed', {
                invoices: formatInteger(assumed, language),
                sheets: ASSUMED_SHEETS_PER_INVOICE,
              })}
            </p>
          )}
        </>
      )}
      <CostForm cost={cost} onChange={setCost} />
      <details className="savings__help">
        <summary>{t('savings.helpTitle')}</summary>
        <ul>
          <li>{t('savings.helpLetters')}</li>
          <li>{t('savings.helpCost')}</li>
          <li>{t('savings.helpSheets', { sheets: ASSUMED_SHEETS_PER_INVOICE })}</li>
          <li>
            {t('savings.helpPaper', {
              grams: formatNumber(SHEET_PAPER_TENTH_MILLIGRAMS / 10_000, language),
            })}
          </li>
          <li>{t('savings.helpCo2', { grams: formatInteger(CO2_GRAMS_PER_LETTER, language) })}</li>
        </ul>
      </details>
    </section>
  );
};
