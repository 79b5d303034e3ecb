import { useTranslation } from 'react-i18next';
import type { BudgetLevel } from '../../../shared/analytics/budgets';
import { STATUS_ICONS, STATUS_KEYS } from './wording';
import './budgets.css';

/** A budget level as words with a shape and a colour: readable without the colour. */
export const BudgetStatus = ({ level }: { level: BudgetLevel }) => {
  const { t } = useTranslation();
  return (
    <span className={`budget-status budget-status--${level}`}>
      <span aria-hidden="true" className="budget-status__icon">
        {STATUS_ICONS[level]}
      </span>
      {t(STATUS_KEYS[level])}
    </span>
  );
};
