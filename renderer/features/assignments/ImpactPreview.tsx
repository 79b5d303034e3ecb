import { useTranslation } from 'react-i18next';
import type { CostCenter } from '../../../shared/api/schemas';
import { UNASSIGNED } from '../../../shared/allocation/assignments';
import type { AssignmentChange, ImpactRow } from '../../../shared/allocation/changes';
import { formatAmount, formatInteger, formatMonth } from '../../../shared/core/format';
import { useLanguage } from '../../ui/useLanguage';
import { centreName } from './assignmentText';
import { useAssignmentImpact } from './queries';
import './assignments.css';

interface ImpactPreviewProps {
  /** The batch about to be written; memoise it, a new array is a new computation. */
  changes: readonly AssignmentChange[] | null;
  centers: ReadonlyMap<string, CostCenter>;
}

/** The centres the rows touch, the unassigned bucket first (where cost usually comes from). */
const columnsOf = (rows: readonly ImpactRow[]): string[] =>
  [...new Set(rows.map((row) => row.costCenterCode))].sort((a, b) =>
    a === UNASSIGNED ? -1 : b === UNASSIGNED ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );

/**
 * Before a change is confirmed: how much net cost it moves, per month, from which cost centre (−)
 * to which (+), over every stored line. Computed by the same engine that will write it, so what is
 * shown is what the analytics will show after.
 */
export const ImpactPreview = ({ changes, centers }: ImpactPreviewProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const impact = useAssignmentImpact(changes);
  if (impact === null) return null;
  const body = () => {
    if (impact.state === 'loading') return <p role="status">{t('assignmentChanges.impactLoading')}</p>;
    if (impact.state === 'failed') return <p role="status">{t('assignmentChanges.impactFailed')}</p>;
    const { rows, lines } = impact.impact;
    if (rows.length === 0) return <p role="status">{t('assignmentChanges.impactNone')}</p>;
    const columns = columnsOf(rows);
    const months = [...new Set(rows.map((row) => row.month))];
    const cell = new Map(rows.map((row) => [`${row.month}\u0001${row.costCenterCode}`, row.netCentimes]));
    const totals = columns.map((code) =>
      rows.filter((row) => row.costCenterCode === code).reduce((sum, row) => sum + row.netCentimes, 0),
    );
    const amount = (centimes: number | undefined) =>
      centimes === undefined || centimes === 0
        ? ''
        : `${centimes > 0 ? '+' : ''}${formatAmount(centimes, language)}`;
    return (
      <>
        <p className="impact__hint">
          {t('assignmentChanges.impactHint')}{' '}
          {t('assignmentChanges.impactLines', { count: lines, n: formatInteger(lines, language) })}
        </p>
        {/* Keyboard users scroll a long history too: the region takes the focus. */}
        <div
          className="impact__scroll"
          tabIndex={0}
          role="region"
          aria-label={t('assignmentChanges.impactTable')}
        >
          <table className="impact__table">
            <thead>
              <tr>
                <th scope="col">{t('assignmentChanges.month')}</th>
                {columns.map((code) => (
                  <th scope="col" key={code} className="num">
                    {centreName(t, code, centers)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((month) => (
                <tr key={month}>
                  <th scope="row">{formatMonth(month, language, 'long')}</th>
                  {columns.map((code) => (
                    <td key={code} className="num">
                      {amount(cell.get(`${month}\u0001${code}`))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('assignmentChanges.total')}</th>
                {totals.map((total, index) => (
                  <td key={columns[index]} className="num">
                    {amount(total)}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      </>
    );
  };
  return (
    <section className="impact" aria-label={t('assignmentChanges.impactTitle')}>
      <h3>{t('assignmentChanges.impactTitle')}</h3>
      {body()}
    </section>
  );
};
