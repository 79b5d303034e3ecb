import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseBudgetInput } from '../../../shared/costCenters/centerForm';
import { formatAmount } from '../../../shared/core/format';
import { parseMoney } from '../../../shared/core/money';
import { useLanguage } from '../../ui/useLanguage';
import {
  loadAnomalyThresholds,
  loadNotifyBudgetAlerts,
  MAX_ANOMALY_PERCENT,
  saveAnomalyThresholds,
  saveNotifyBudgetAlerts,
} from './alertSettings';
import { useProfile } from './profiles/ProfileContext';
import './alertSettings.css';

/** Budget notifications and the thresholds of a rise anomaly, for the active customer archive. */
export const AlertSettings = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const profile = useProfile();
  const id = useId();
  const [notify, setNotify] = useState(() => loadNotifyBudgetAlerts(localStorage, profile.id));
  const [stored] = useState(() => loadAnomalyThresholds(localStorage, profile.id));
  const [percent, setPercent] = useState(String(stored.percent));
  const [amount, setAmount] = useState(() => formatAmount(stored.minimumCentimes, language));
  const [problems, setProblems] = useState<{ percent?: string; amount?: string }>({});
  const [saved, setSaved] = useState(false);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const percentValue = /^\s*\d{1,4}\s*$/.test(percent) ? Number(percent) : Number.NaN;
    const amountValue = parseBudgetInput(amount);
    const next: { percent?: string; amount?: string } = {};
    if (!(percentValue >= 0 && percentValue <= MAX_ANOMALY_PERCENT))
      next.percent = t('alerts.settings.percentInvalid');
    if (!amountValue.ok || amountValue.value === null) next.amount = t('alerts.settings.amountInvalid');
    setProblems(next);
    setSaved(false);
    if (next.percent || next.amount || !amountValue.ok || amountValue.value === null) return;
    saveAnomalyThresholds(localStorage, profile.id, {
      percent: percentValue,
      minimumCentimes: parseMoney(amountValue.value),
    });
    setSaved(true);
  };

  const describedBy = (field: 'percent' | 'amount') =>
    [`${id}-help`, problems[field] ? `${id}-${field}-problem` : ''].filter(Boolean).join(' ');

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('alerts.settings.title')}</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={notify}
          aria-describedby={`${id}-notify-help`}
          onChange={(event) => {
            saveNotifyBudgetAlerts(localStorage, profile.id, event.target.checked);
            setNotify(event.target.checked);
          }}
        />
        {t('alerts.settings.notifyBudget')}
      </label>
      <p className="hint" id={`${id}-notify-help`}>
        {t('alerts.settings.notifyBudgetHelp')}
      </p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-percent`}>{t('alerts.settings.percent')}</label>
          <input
            id={`${id}-percent`}
            className="alert-settings__number"
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            value={percent}
            aria-invalid={problems.percent !== undefined}
            aria-describedby={describedBy('percent')}
            onChange={(event) => setPercent(event.target.value)}
          />
          {problems.percent && (
            <p className="notice notice--error" id={`${id}-percent-problem`}>
              {problems.percent}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-amount`}>{t('alerts.settings.amount')}</label>
          <input
            id={`${id}-amount`}
            className="alert-settings__number"
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            value={amount}
            aria-invalid={problems.amount !== undefined}
            aria-describedby={describedBy('amount')}
            onChange={(event) => setAmount(event.target.value)}
          />
          {problems.amount && (
            <p className="notice notice--error" id={`${id}-amount-problem`}>
              {problems.amount}
            </p>
          )}
        </div>
        <p className="hint" id={`${id}-help`}>
          {t('alerts.settings.thresholdsHelp')}
        </p>
        <div className="actions">
          <button type="submit">{t('alerts.settings.save')}</button>
          <span role="status">{saved ? t('alerts.settings.saved') : ''}</span>
        </div>
      </form>
    </section>
  );
};
