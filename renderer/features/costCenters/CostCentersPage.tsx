import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment, CostCenter } from '../../../shared/api/schemas';
import {
  assignmentsUsing,
  buildCenterRows,
  centerQueryParams,
  centerStatuses,
  parseCenterQuery,
  queryCenterRows,
  toggleSort,
  type CenterQuery,
  type CenterStatus,
} from '../../../shared/costCenters/centerList';
import { centerFormOf, emptyCenterForm } from '../../../shared/costCenters/centerForm';
import { formatDate } from '../../../shared/core/format';
import { navigate } from '../../app/router/navigate';
import type { PageProps } from '../../app/router/routeDescriptor';
import { hrefFor } from '../../app/router/routes';
import { FilterField } from '../../ui/FilterField';
import { PageHeader } from '../../ui/PageHeader';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import { useColumnLayout } from '../../ui/useColumnLayout';
import { useLanguage } from '../../ui/useLanguage';
import { useSlashToSearch } from '../../ui/useSlashToSearch';
import { VirtualTable } from '../../ui/VirtualTable';
import { useNames, type Names } from '../designations';
import { CenterDialog } from './CenterDialog';
import { centerColumns, centerColumnSortKeys, type CenterActions } from './centerColumns';
import './costCenters.css';
import { DeleteDialog } from './DeleteDialog';
import { CostCenterImport } from './import/CostCenterImport';
import { costCenterImportRequests } from '../../app/commands/importRequests';
import { useDeleteCostCenter, useSaveCostCenter } from './edits';
import { useAssignments, useCostCenterOption, useCostCenters, useWaitingCenterEdits } from './queries';
import { useEditFailure } from './useEditFailure';

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

const statusLabels = {
  all: 'costCenterPage.statusAll',
  active: 'costCenterPage.statusActive',
  inactive: 'costCenterPage.statusInactive',
} as const satisfies Record<CenterStatus, string>;

type Dialog = { kind: 'create' } | { kind: 'edit'; code: string } | { kind: 'delete'; code: string };

const inputOf = (center: CostCenter, active: boolean) => ({
  name: center.name,
  owner: center.owner ?? null,
  active,
  objectType: center.objectType,
  monthlyBudget: center.monthlyBudget ?? null,
});

/**
 * The clerk's cost centres: searched, sorted, created, edited, deactivated and deleted here, each
 * change written locally with its outbox entry and pushed by the next sync. Read-only (and saying
 * why) while the customer's cost-centre option is off, so nothing is queued that the operator refuses.
 */
export const CostCentersPage = ({ params }: PageProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = useNames();
  const centers = useCostCenters();
  const assignments = useAssignments();
  const waiting = useWaitingCenterEdits();
  const option = useCostCenterOption();
  const saveCenter = useSaveCostCenter();
  const deleteCenter = useDeleteCostCenter();
  const [dialog, setDialog] = useState<(Dialog & { seq: number }) | null>(null);
  // Each opening is a new dialog (its `seq` is its key): one the browser closed before the page
  // heard of it can never swallow the next opening.
  const openDialog = useCallback(
    (next: Dialog) => setDialog((previous) => ({ ...next, seq: (previous?.seq ?? 0) + 1 })),
    [],
  );
  const [announcement, setAnnouncement] = useState('');
  const { failure, setFailure, describe } = useEditFailure();
  const search = useRef<HTMLInputElement>(null);
  useSlashToSearch(search);

  const query = useMemo(() => parseCenterQuery(params), [params]);
  const update = (next: CenterQuery, options?: { replace?: boolean }) =>
    navigate(hrefFor('costCenters', centerQueryParams(next)), options);

  const rows = useMemo(
    () =>
      centers && assignments && waiting
        ? buildCenterRows({ centers: centers.rows, assignments: assignments.rows, waiting })
        : undefined,
    [centers, assignments, waiting],
  );
  const shown = useMemo(
    () => queryCenterRows(rows ?? [], query, (type) => t(`costCenterPage.objectTypes.${type}`)),
    [rows, query, t],
  );
  const editable = option === 'on';
  // Without the option there is no import: a file handed over for one is dropped while the page says why.
  useEffect(() => {
    if (option !== 'off' && option !== 'unknown') return;
    const taken = costCenterImportRequests.take(() => undefined);
    return () => {
      taken.dispose();
    };
  }, [option]);

  const columns = useMemo(() => {
    const actions: CenterActions = {
      edit: (row) => openDialog({ kind: 'edit', code: row.code }),
      toggleActive: (row) => {
        setFailure(null);
        saveCenter(row.code, inputOf(row, !row.active), false).then(
          () => setAnnouncement(t('costCenterPage.saved', { code: row.code })),
          setFailure,
        );
      },
      remove: (row) => openDialog({ kind: 'delete', code: row.code }),
    };
    return centerColumns(t, language, editable ? actions : null);
  }, [t, language, editable, saveCenter, setFailure, openDialog]);
  const columnLayout = useColumnLayout('costCenters', columns);
  const sortedColumn = Object.entries(centerColumnSortKeys).find(([, key]) => key === query.sort.key)?.[0];

  const sortedAssignments = useMemo(() => [...(assignments?.rows ?? [])].sort(byKindAndKey), [assignments]);
  const centerByCode = useMemo(
    () => new Map<string, CostCenter>((centers?.rows ?? []).map((center) => [center.code, center])),
    [centers],
  );

  if (!centers || !assignments || !rows) return <PageHeader title={t('pages.costCenters.title')} />;

  const dialogCenter =
    dialog && dialog.kind !== 'create' ? rows.find((row) => row.code === dialog.code) : undefined;
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
      <div className="cc-header">
        <PageHeader title={t('pages.costCenters.title')} />
        <div className="cc-header__actions">
          {editable && (
            <button type="button" onClick={() => openDialog({ kind: 'create' })}>
              {t('costCenterPage.newCenter')}
            </button>
          )}
        </div>
      </div>
      {/* Only where an edit can be pushed: with the option off, an import would queue what never arrives. */}
      {editable && <CostCenterImport current={centers.rows} />}
      {option === 'off' ? (
        <div className="notice notice--warning cc-option" role="status">
          <h2>{t('costCenterPage.option.offTitle')}</h2>
          <p>{t('costCenterPage.option.offBody')}</p>
        </div>
      ) : option === 'unknown' ? (
        <p className="notice notice--warning">{t('costCenterPage.option.unknown')}</p>
      ) : (
        <p className="muted cc-intro">{t('costCenterPage.intro')}</p>
      )}
      <SkippedRowsNotice kind="rows" skipped={centers.skipped} area="cost centres" />
      <div className="filters" role="search" aria-label={t('costCenterPage.filtersLabel')}>
        <FilterField label={t('costCenterPage.search')}>
          {(id) => (
            <input
              id={id}
              ref={search}
              type="search"
              placeholder={t('costCenterPage.searchPlaceholder')}
              maxLength={100}
              value={query.search}
              // One history entry per search, not per keystroke.
              onChange={(event) => update({ ...query, search: event.target.value }, { replace: true })}
            />
          )}
        </FilterField>
        <FilterField label={t('costCenterPage.statusFilter')}>
          {(id) => (
            <select
              id={id}
              value={query.status}
              onChange={(event) =>
                update({
                  ...query,
                  status: centerStatuses.find((status) => status === event.target.value) ?? 'all',
                })
              }
            >
              {centerStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(statusLabels[status])}
                </option>
              ))}
            </select>
          )}
        </FilterField>
      </div>
      <p className="totals" aria-live="polite">
        <strong>{t('costCenterPage.centersTitle', { count: shown.length })}</strong>
        <span role="status">{announcement}</span>
      </p>
      {failure !== null && (
        <p role="alert" className="notice notice--error">
          {describe(failure)}
        </p>
      )}
      <VirtualTable
        label={t('costCenterPage.tableLabel')}
        columns={columns}
        layout={columnLayout}
        rows={shown}
        rowKey={(row) => row.code}
        onOpen={editable ? (row) => openDialog({ kind: 'edit', code: row.code }) : undefined}
        sort={sortedColumn ? { columnId: sortedColumn, direction: query.sort.direction } : undefined}
        onSort={(columnId) => {
          const key = centerColumnSortKeys[columnId];
          if (key) update({ ...query, sort: toggleSort(query.sort, key) });
        }}
        empty={
          <p className="empty">
            {rows.length === 0 ? t('pages.costCenters.empty') : t('costCenterPage.noMatch')}
          </p>
        }
      />
      <SkippedRowsNotice kind="rows" skipped={assignments.skipped} area="assignments" />
      <details className="card cc-assignments">
        <summary>
          <h2 id="cost-center-assignments">
            {t('costCenterPage.assignmentsTitle', { count: sortedAssignments.length })}
          </h2>
        </summary>
        {sortedAssignments.length === 0 ? (
          <p className="empty">{t('costCenterPage.noAssignments')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data" aria-labelledby="cost-center-assignments">
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
      </details>
      {dialog?.kind === 'create' && (
        <CenterDialog
          key={dialog.seq}
          code={null}
          initial={emptyCenterForm()}
          existingCodes={new Set(rows.map((row) => row.code))}
          onSave={async (code, input) => {
            await saveCenter(code, input, true);
            setAnnouncement(t('costCenterPage.saved', { code }));
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'edit' && dialogCenter && (
        <CenterDialog
          key={dialog.seq}
          code={dialogCenter.code}
          initial={centerFormOf(dialogCenter)}
          existingCodes={new Set()}
          onSave={async (code, input) => {
            await saveCenter(code, input, false);
            setAnnouncement(t('costCenterPage.saved', { code }));
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && dialogCenter && (
        <DeleteDialog
          key={dialog.seq}
          center={dialogCenter}
          usedBy={assignmentsUsing(dialogCenter.code, sortedAssignments)}
          names={names}
          onDelete={async () => {
            await deleteCenter(dialogCenter.code);
            setAnnouncement(t('costCenterPage.deleted', { code: dialogCenter.code }));
          }}
          onDeactivate={async () => {
            await saveCenter(dialogCenter.code, inputOf(dialogCenter, false), false);
            setAnnouncement(t('costCenterPage.saved', { code: dialogCenter.code }));
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
};
