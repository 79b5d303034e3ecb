import { useMemo, useState } from 'react';
import { readProfileSetting, useProfile } from '../settings';
import { useTranslation } from 'react-i18next';
import { exportFileName } from '../../../shared/export/filename';
import { formatChf } from '../../../shared/core/format';
import {
  lineQueryParams,
  parseLineQuery,
  parseLineView,
  type LineView,
} from '../../../shared/lines/filterQuery';
import { lineSortKeys, type LineFilter, type LineRow } from '../../../shared/lines/lineIndex';
import { localIsoDay } from '../../../shared/core/periods';
import { FailureNotice, useFailureReason } from '../../ui/FailureNotice';
import { ExportNotice, type ExportState } from '../../ui/ExportNotice';
import { PageHeader } from '../../ui/PageHeader';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import { VirtualTable } from '../../ui/VirtualTable';
import { useLanguage } from '../../ui/useLanguage';
import {
  explorerColumnIds,
  explorerColumns,
  linesPageColumnIds,
  type ExplorerColumnId,
} from './explorerColumns';
import { LinePartsPanel } from './LineParts';
import { useCostCentersByCode } from './queries';
import type { GridCell } from '../../ui/VirtualTable';
import { useColumnLayout } from '../../ui/useColumnLayout';
import { EMPTY_LAYOUT, type ColumnLayout } from '../../../shared/tables/columnLayout';
import { useLineIndexClient } from '../../workers/lineIndex/LineIndexContext';
import { LineFilterBar } from './LineFilterBar';
import { LineGroups } from './LineGroups';
import { useLineExplorer } from './useLineExplorer';
import { useNames } from '../designations';
import { navigate } from '../../app/router/navigate';
import { hrefFor, hrefForInvoice } from '../../app/router/routes';
import { useSaveAndRecord } from '../exports';

interface LinesPageProps {
  params: URLSearchParams;
}

/** Before column layouts, the explorer kept only a list of shown columns under this key. */
const LEGACY_COLUMNS_KEY = 'invoice-desk.line-columns';

const legacyColumns = (profileId: string): ColumnLayout | null => {
  try {
    const stored: unknown = JSON.parse(
      readProfileSetting(localStorage, profileId, LEGACY_COLUMNS_KEY) ?? 'null',
    );
    const valid = Array.isArray(stored) ? explorerColumnIds.filter((id) => stored.includes(id)) : [];
    if (valid.length === 0) return null;
    return {
      ...EMPTY_LAYOUT,
      visible: Object.fromEntries(explorerColumnIds.map((id) => [id, valid.includes(id)])),
    };
  } catch {
    return null;
  }
};

/** Every line of every cached invoice: filters in the URL, exact totals, export of what is shown. */
export const LinesPage = ({ params }: LinesPageProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = useNames();
  const saveAndRecord = useSaveAndRecord();
  const client = useLineIndexClient();
  const filter = useMemo(() => parseLineQuery(params), [params]);
  const view = useMemo(() => parseLineView(params), [params]);
  // The presets count from the day the page opened: a list does not jump at midnight.
  const [today] = useState(() => localIsoDay(new Date()));
  const { facts, totals, groups, resultId, rows, previewing, failure } = useLineExplorer(filter, view);
  const reason = useFailureReason();
  const profile = useProfile();
  const [exportState, setExportState] = useState<ExportState>(null);
  const [detail, setDetail] = useState<{ row: LineRow; back: GridCell | null } | null>(null);
  const costCenters = useCostCentersByCode();
  const centerName = useMemo(() => {
    const byCode = new Map((costCenters ?? []).map((center) => [center.code, center.name]));
    return (code: string) => byCode.get(code);
  }, [costCenters]);
  const chosenCenters = filter.costCenters;
  const definitions = useMemo(
    () =>
      explorerColumns(t, language, names, {
        costCenters: chosenCenters,
        onShowParts: (row, back) => setDetail({ row, back }),
      }),
    [t, language, names, chosenCenters],
  );
  // Every column but the reason sorts: the worker keeps one order per column (shared/lines/lineIndex.ts).
  // The charged share is there only under a cost-centre filter.
  const columns = useMemo(
    () =>
      linesPageColumnIds
        .filter((id) => id !== 'charged' || (chosenCenters?.length ?? 0) > 0)
        .map((id) => ({ ...definitions[id], sortable: id !== 'reason' })),
    [definitions, chosenCenters],
  );
  const closeDetail = () => {
    const back = detail?.back;
    setDetail(null);
    back?.focus();
  };
  const columnLayout = useColumnLayout('lines', columns, () => legacyColumns(profile.id));
  const chosen = columnLayout.chosen.flatMap((id) => linesPageColumnIds.find((known) => known === id) ?? []);
  const go = (nextFilter: LineFilter, nextView: LineView, options?: { replace?: boolean }) =>
    navigate(hrefFor('lines', lineQueryParams(nextFilter, nextView)), options);
  const onSort = (columnId: string) => {
    const key = lineSortKeys.find((candidate) => candidate === columnId);
    if (!key) return;
    const direction = view.sort?.key === key && view.sort.direction === 'asc' ? 'desc' : 'asc';
    go(filter, { ...view, sort: { key, direction } });
  };
  const headers = useMemo(
    () =>
      Object.fromEntries(linesPageColumnIds.map((id) => [id, definitions[id].header])) as Record<
        ExplorerColumnId,
        string
      >,
    [definitions],
  );

  const runExport = async (format: 'csv' | 'xlsx') => {
    if (resultId === null) return;
    setExportState({ tone: 'ok', text: t('lines.exporting') });
    try {
      // Designations ride along in their own columns beside the operator's codes.
      const exportColumns = chosen.flatMap((id) =>
        id === 'service'
          ? ['service', 'serviceDesignation']
          : id === 'licence'
            ? ['licence', 'licenceDesignation']
            : id === 'reference'
              ? ['reference', 'referenceDesignation']
              : id === 'charged'
                ? ['charged', 'chargedVat']
                : [id],
      );
      const exportHeaders: Record<string, string> = {
        ...headers,
        serviceDesignation: `${headers.service} (${t('designation.placeholder')})`,
        licenceDesignation: `${headers.licence} (${t('designation.placeholder')})`,
        referenceDesignation: `${headers.reference} (${t('designation.placeholder')})`,
        chargedVat: t('lines.chargedVat'),
      };
      const bytes = await client.exportLines({
        resultId,
        view: 'lines',
        format,
        columns: exportColumns,
        headers: exportHeaders,
        unassignedLabel: t('lines.notCharged'),
        language,
        sheetName: t('lines.sheetName'),
      });
      const outcome = await saveAndRecord(
        {
          suggestedName: exportFileName('lines', new Date(), format),
          mimeType:
            format === 'csv'
              ? 'text/csv'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          bytes,
        },
        'lineList',
        0,
      );
      setExportState(outcome === 'saved' ? { tone: 'ok', text: t('lines.exported') } : null);
    } catch (error) {
      setExportState({ tone: 'error', error });
    }
  };

  return (
    <section>
      <PageHeader title={t('pages.lines.title')} />
      <LineFilterBar
        filter={filter}
        facts={facts}
        names={names}
        today={today}
        onChange={(next, options) => go(next, view, options)}
      />
      {/* Busy until the count and totals are known, even with the first rows on screen. */}
      <div
        className="totals"
        aria-live="polite"
        aria-busy={totals === null && failure === null}
        data-testid="line-totals"
      >
        {totals ? (
          <>
            <strong>{t('lines.count', { count: totals.count })}</strong>
            <span>
              {t('lines.totals', {
                net: formatChf(totals.netCentimes, language),
                vat: formatChf(totals.vatCentimes, language),
                gross: formatChf(totals.grossCentimes, language),
              })}
            </span>
            {totals.chargedNetCentimes !== null && filter.costCenters && (
              <span>{t('lines.charged', { amount: formatChf(totals.chargedNetCentimes, language) })}</span>
            )}
            {/* The Analytics page links here with VAT or gross figures: the charged share of each. */}
            {totals.chargedNetCentimes !== null &&
              totals.chargedVatCentimes !== null &&
              filter.costCenters && (
                <span>
                  {t('lines.chargedVatGross', {
                    vat: formatChf(totals.chargedVatCentimes, language),
                    gross: formatChf(totals.chargedNetCentimes + totals.chargedVatCentimes, language),
                  })}
                </span>
              )}
          </>
        ) : (
          <span>{previewing ? t('lines.previewing') : t('lines.loading')}</span>
        )}
        <span className="status-bar__spacer" />
        {/* The two exports wrap together, never one alone on a line. */}
        <span className="line-totals__actions">
          <button
            type="button"
            className="secondary"
            disabled={!totals || totals.count === 0}
            onClick={() => void runExport('xlsx')}
          >
            {t('lines.exportXlsx')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!totals || totals.count === 0}
            onClick={() => void runExport('csv')}
          >
            {t('lines.exportCsv')}
          </button>
        </span>
      </div>
      <ExportNotice
        state={exportState}
        failed={(reason) => t('lines.failed', { reason })}
        area="lines export"
      />
      {failure !== null && (
        <p>
          <FailureNotice
            error={failure}
            text={t('problems.action.linesLoad', { reason: reason(failure) })}
            area="lines index"
          />
        </p>
      )}
      <LineGroups
        group={view.group}
        groups={groups}
        resultId={resultId}
        names={names}
        onGroup={(group) => go(filter, { ...view, group })}
      />
      {detail && (
        <LinePartsPanel
          row={detail.row}
          chosen={chosenCenters}
          names={names}
          centerName={centerName}
          onClose={closeDetail}
        />
      )}
      <SkippedRowsNotice kind="invoices" skipped={facts?.skippedInvoices} area="lines invoices" />
      <SkippedRowsNotice kind="blocks" skipped={facts?.skippedBlocks} area="lines blocks" />
      <VirtualTable
        label={t('lines.tableLabel')}
        columns={columns}
        layout={columnLayout}
        rows={rows}
        rowKey={(row) => `${row.invoiceId}#${row.lineNo}`}
        sort={view.sort ? { columnId: view.sort.key, direction: view.sort.direction } : undefined}
        onSort={onSort}
        onOpen={(row) => navigate(hrefForInvoice(row.invoiceId))}
        empty={
          totals ? (
            <p className="empty">{facts?.size === 0 ? t('pages.lines.empty') : t('lines.noMatch')}</p>
          ) : null
        }
      />
    </section>
  );
};
