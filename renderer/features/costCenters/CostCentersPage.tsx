import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment, CostCenter } from '../../../shared/api/schemas';
import { formatChf, formatDate } from '../../../shared/core/format';
import { parseMoney } from '../../../shared/core/money';
import { PageHeader } from '../../ui/PageHeader';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import { useLanguage } from '../../ui/useLanguage';
import { useNames, type Names } from '../designations';
import { CostCenterImport } from './import/CostCenterImport';
import { useAssignments, useCostCenters } from './queries';

/** Assignments in the order the matcher ranks them: licence over reference over service, then by key. */
const kindOrder: Record<Assignment['kind'], number> = { frankingLicence: 0, invoiceReference: 1, service: 2 };

const byKindAndKey = (a: Assignment, b: Assignment) =>
  kindOrder[a.kind] - kindOrder[b.kind] ||
  a.key.localeCompare(b.key, 'en', { numeric: true }) ||
  (a.validFrom ?? '').localeCompare(b.validFrom ?? '');

const chargedName = (assignment: Assignment, names: Names): string | undefined =>
  assignment.kind === 'service'
    ? names.service(assignment.key)
    : names.designation(assignment.kind, assignment.key);

/**
 * What the operator holds for this customer, read-only until the cost-centre editor arrives:
 * the cost centres as synced, and which licence, reference or service is charged to which of them.
 */
export const CostCentersPage = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = useNames();
  const centers = useCostCenters();
  const assignments = useAssignments();
  const centerByCode = useMemo(
    () => new Map<string, CostCenter>((centers?.rows ?? []).map((center) => [center.code, center])),
    [centers],
  );
  const sortedAssignments = useMemo(() => [...(assignments?.rows ?? [])].sort(byKindAndKey), [assignments]);
  const assignmentCount = (code: string) =>
    sortedAssignments.filter((assignment) => assignment.splits.some((split) => split.costCenterCode === code))
      .length;

  if (centers === undefined || assignments === undefined)
    return <PageHeader title={t('pages.costCenters.title')} />;

  const validity = (assignment: Assignment) =>
    assignment.validFrom && assignment.validTo
      ? t('costCenterPage.validFromTo', {
          from: formatDate(assignment.validFrom, language),
          to: formatDate(assignment.validTo, language),
        })
      : assignment.validFrom
        ? t('costCenterPage.validFrom', { from: formatDate(assignment.validFrom, language) })
        : assignment.validTo
          ? t('costCenterPage.validTo', { to: formatDate(assignment.validTo, language) })
          : t('costCenterPage.validAlways');

  return (
    <section className="cost-centers">
      <PageHeader title={t('pages.costCenters.title')} />
      <CostCenterImport current={centers.rows} />
      <p className="muted">{t('costCenterPage.readOnly')}</p>
      <SkippedRowsNotice kind="rows" skipped={centers.skipped} area="cost centres" />
      {centers.rows.length === 0 ? (
        <p className="empty">{t('pages.costCenters.empty')}</p>
      ) : (
        <section className="card" aria-labelledby="cost-centers-list">
          <h2 id="cost-centers-list">{t('costCenterPage.centersTitle', { count: centers.rows.length })}</h2>
          <div className="table-scroll">
            <table className="data" aria-labelledby="cost-centers-list">
              <thead>
                <tr>
                  <th scope="col">{t('costCenterPage.columns.code')}</th>
                  <th scope="col">{t('costCenterPage.columns.name')}</th>
                  <th scope="col">{t('costCenterPage.columns.type')}</th>
                  <th scope="col">{t('costCenterPage.columns.owner')}</th>
                  <th scope="col">{t('costCenterPage.columns.status')}</th>
                  <th scope="col" className="num">
                    {t('costCenterPage.columns.budget')}
                  </th>
                  <th scope="col" className="num">
                    {t('costCenterPage.columns.assignments')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {centers.rows.map((center) => (
                  <tr key={center.code}>
                    <td className="nowrap">{center.code}</td>
                    <td>{center.name}</td>
                    <td>{t(`costCenterPage.objectTypes.${center.objectType}`)}</td>
                    <td>{center.owner ?? <span className="muted">{t('costCenterPage.noOwner')}</span>}</td>
                    <td>
                      <span className={`badge badge--${center.active ? 'ok' : 'warning'}`}>
                        {t(center.active ? 'costCenterPage.active' : 'costCenterPage.inactive')}
                      </span>
                    </td>
                    <td className="num">
                      {center.monthlyBudget ? (
                        formatChf(parseMoney(center.monthlyBudget), language)
                      ) : (
                        <span className="muted">{t('costCenterPage.noBudget')}</span>
                      )}
                    </td>
                    <td className="num">{assignmentCount(center.code)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <SkippedRowsNotice kind="rows" skipped={assignments.skipped} area="assignments" />
      <section className="card" aria-labelledby="cost-centers-assignments">
        <h2 id="cost-centers-assignments">
          {t('costCenterPage.assignmentsTitle', { count: sortedAssignments.length })}
        </h2>
        {sortedAssignments.length === 0 ? (
          <p className="empty">{t('costCenterPage.noAssignments')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data" aria-labelledby="cost-centers-assignments">
              <thead>
                <tr>
                  <th scope="col">{t('costCenterPage.columns.kind')}</th>
                  <th scope="col">{t('costCenterPage.columns.charged')}</th>
                  <th scope="col">{t('costCenterPage.columns.splits')}</th>
                  <th scope="col">{t('costCenterPage.columns.validity')}</th>
                </tr>
              </thead>
              <tbody>
                {sortedAssignments.map((assignment) => {
                  const name = chargedName(assignment, names);
                  return (
                    <tr key={assignment.id}>
                      <td>{t(`names.kinds.${assignment.kind}`)}</td>
                      <td>
                        {assignment.key}
                        {name && name !== assignment.key && <span className="muted"> · {name}</span>}
                      </td>
                      <td>
                        <ul className="plain-list">
                          {assignment.splits.map((split) => (
                            <li key={split.costCenterCode}>
                              {t('costCenterPage.split', {
                                percent: split.percent,
                                code: split.costCenterCode,
                                name: centerByCode.get(split.costCenterCode)?.name ?? '',
                              })}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="nowrap">{validity(assignment)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
};
