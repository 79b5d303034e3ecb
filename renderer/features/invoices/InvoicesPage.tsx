import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChf } from '../../../shared/core/format';
import { localIsoDay } from '../../../shared/core/periods';
import { exportFileName } from '../../../shared/export/filename';
import type { InvoiceExportRequest } from '../../../shared/invoices/export';
import {
  invoiceQueryParams,
  invoiceSortKeys,
  parseInvoiceQuery,
  queryInvoices,
  totalInvoices,
  type InvoiceFilters,
  type InvoiceSort,
} from '../../../shared/invoices/filters';
import { parseInvoiceSearch } from '../../../shared/invoices/search';
import { ExportNotice, type ExportState } from '../../ui/ExportNotice';
import { PageHeader } from '../../ui/PageHeader';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import { UnknownValuesNotice } from '../../ui/UnknownValuesNotice';
import { VirtualTable } from '../../ui/VirtualTable';
import { useColumnLayout } from '../../ui/useColumnLayout';
import { useAsyncEffect } from '../../ui/useAsyncEffect';
import { useCheckedInvoices, useDocumentLoader } from './queries';
import { useLanguage } from '../../ui/useLanguage';
import { invoiceColumns, invoiceColumnSortKeys } from './invoiceColumns';
import { InvoiceFilterBar } from './InvoiceFilterBar';
import { useNames } from '../designations';
import { navigate } from '../../app/router/navigate';
import { hrefFor, hrefForInvoice } from '../../app/router/routes';
import { useLineIndex } from '../../workers/lineIndex/LineIndexContext';
import { useSaveAndRecord } from '../exports';

interface InvoicesPageProps {
  params: URLSearchParams;
}

const distinct = (values: Iterable<string>) => [...new Set(values)].sort();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const InvoicesPage = ({ params }: InvoicesPageProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = useNames();
  const loadDocuments = useDocumentLoader();
  const saveAndRecord = useSaveAndRecord();
  const lineIndex = useLineIndex();
  const checked = useCheckedInvoices();
  const invoices = checked?.rows;
  // The presets count from the day the page opened: a list does not jump at midnight.
  const [today] = useState(() => localIsoDay(new Date()));
  const [exportState, setExportState] = useState<ExportState>(null);
  const { filters, sort } = useMemo(() => parseInvoiceQuery(params), [params]);

  // Text that is no number or amount may be a customer reference on a line ("KST 7860"): the line
  // index knows which invoices carry it.
  const searchText = filters.search.trim();
  const searchesLines = parseInvoiceSearch(searchText) !== null;
  const [lineMatches, setLineMatches] = useState<{ text: string; ids: ReadonlySet<string> } | null>(null);
  // The worker starts and indexes the archive once for this page, on the first search that needs it.
  const indexed = useRef<Promise<unknown> | null>(null);
  useAsyncEffect(
    () =>
      searchesLines
        ? {
            run: async () => {
              indexed.current ??= lineIndex().refresh();
              await indexed.current;
              return lineIndex().invoicesWithText(searchText);
            },
            onValue: (ids) => setLineMatches({ text: searchText, ids: new Set(ids) }),
            // Without the index the search still finds numbers, references and amounts.
            onError: () => setLineMatches(null),
          }
        : null,
    [lineIndex, searchText, searchesLines],
  );

  const shown = useMemo(
    () =>
      queryInvoices(invoices ?? [], filters, sort, {
        referenceLabel: (reference) => names.designation('invoiceReference', reference) ?? null,
        lineMatches: lineMatches?.text === searchText ? lineMatches.ids : null,
      }),
    [invoices, filters, sort, names, lineMatches, searchText],
  );
  const totals = useMemo(() => totalInvoices(shown), [shown]);
  const columns = useMemo(() => invoiceColumns(t, language, names), [t, language, names]);
  const columnLayout = useColumnLayout('invoices', columns);
  const debtors = useMemo(
    () => distinct((invoices ?? []).map((invoice) => invoice.debtorNumber)),
    [invoices],
  );
  const references = useMemo(
    () => distinct((invoices ?? []).map((invoice) => invoice.invoiceReference)),
    [invoices],
  );

  const update = (next: InvoiceFilters, nextSort: InvoiceSort, options?: { replace?: boolean }) =>
    navigate(hrefFor('invoices', invoiceQueryParams(next, nextSort)), options);

  const onSort = (columnId: string) => {
    const key = invoiceColumnSortKeys[columnId];
    if (!key || !invoiceSortKeys.includes(key)) return;
    update(filters, { key, direction: sort.key === key && sort.direction === 'desc' ? 'asc' : 'desc' });
  };
  const sortedColumn = Object.entries(invoiceColumnSortKeys).find(([, key]) => key === sort.key)?.[0];

  const runExport = async (format: 'csv' | 'xlsx') => {
    setExportState({ tone: 'ok', text: t('lists.exporting') });
    try {
      const headers: InvoiceExportRequest['headers'] = {
        number: t('invoices.columns.number'),
        type: t('lists.columns.type'),
        debtor: t('invoices.columns.debtor'),
        reference: t('invoices.columns.reference'),
        referenceName: t('lists.columns.referenceName'),
        periodStart: t('lists.columns.periodStart'),
        periodEnd: t('lists.columns.periodEnd'),
        issueDate: t('invoices.columns.issueDate'),
        dueDate: t('invoices.columns.dueDate'),
        net: t('invoices.columns.net'),
        vat: t('invoices.columns.vat'),
        gross: t('invoices.columns.gross'),
        status: t('invoices.columns.status'),
        qrReference: t('lists.columns.qrReference'),
      };
      // The spreadsheet writer is large and only an export needs it: loaded on demand, not at start.
      const { exportInvoices } = await import('../../../shared/invoices/export');
      const bytes = exportInvoices(shown, {
        format,
        language,
        sheetName: t('lists.invoiceSheetName'),
        headers,
        statusLabel: (invoice) => t(`invoices.statuses.${invoice.status}`),
        typeLabel: (invoice) =>
          invoice.type === 'credit-note' ? t('invoices.types.creditNote') : t('invoices.types.invoice'),
        referenceName: (reference) => names.designation('invoiceReference', reference) ?? null,
      });
      const outcome = await saveAndRecord(
        {
          suggestedName: exportFileName('invoices', new Date(), format),
          mimeType: format === 'csv' ? 'text/csv' : XLSX,
          bytes,
        },
        'invoiceList',
        shown.length,
      );
      setExportState(outcome === 'saved' ? { tone: 'ok', text: t('lists.exported') } : null);
    } catch (error) {
      setExportState({ tone: 'error', error });
    }
  };

  const runZip = async () => {
    setExportState({ tone: 'ok', text: t('lists.exporting') });
    try {
      const [documents, { zipInvoicePdfs }] = await Promise.all([
        loadDocuments(shown.map((invoice) => invoice.id)),
        import('../../../shared/invoices/pdfZip'),
      ]);
      const zip = zipInvoicePdfs(
        shown.map((invoice) => ({ invoice, bytes: documents.get(invoice.id) ?? null })),
        { missingFileName: t('lists.missingFileName'), missingIntro: t('lists.missingIntro') },
      );
      const outcome = await saveAndRecord(
        {
          suggestedName: exportFileName('invoices-pdf', new Date(), 'zip'),
          mimeType: 'application/zip',
          bytes: zip.bytes,
        },
        'invoicePdfs',
        zip.pdfs,
      );
      if (outcome !== 'saved') return setExportState(null);
      const saved = t('lists.zipped', { count: zip.pdfs + (zip.missing > 0 ? 1 : 0) });
      setExportState({
        tone: 'ok',
        text:
          zip.missing > 0
            ? `${saved} ${t('lists.zipMissing', { count: zip.missing, file: t('lists.missingFileName') })}`
            : saved,
      });
    } catch (error) {
      setExportState({ tone: 'error', error });
    }
  };

  return (
    <section>
      <PageHeader title={t('pages.invoices.title')} />
      <InvoiceFilterBar
        filters={filters}
        debtors={debtors}
        references={references}
        names={names}
        today={today}
        onChange={(next, options) => update(next, sort, options)}
      />
      {invoices && (
        <UnknownValuesNotice
          fields={[
            {
              label: t('invoices.debtor'),
              options: debtors.map((value) => ({ value, label: value })),
              selected: filters.debtors,
            },
            {
              label: t('invoices.reference'),
              options: references.map((value) => ({ value, label: value })),
              selected: filters.invoiceReferences,
            },
          ]}
        />
      )}
      <SkippedRowsNotice kind="invoices" skipped={checked?.skipped} area="invoices list" />
      <div className="totals" aria-live="polite">
        <strong>{t('invoices.count', { count: totals.count })}</strong>
        <span>
          {t('invoices.totals', {
            net: formatChf(totals.netCentimes, language),
            vat: formatChf(totals.vatCentimes, language),
            gross: formatChf(totals.grossCentimes, language),
          })}
        </span>
        <span className="status-bar__spacer" />
        <button
          type="button"
          className="secondary"
          disabled={shown.length === 0}
          onClick={() => void runExport('xlsx')}
        >
          {t('lists.exportXlsx')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={shown.length === 0}
          onClick={() => void runExport('csv')}
        >
          {t('lists.exportCsv')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={shown.length === 0}
          onClick={() => void runZip()}
        >
          {t('lists.exportPdfs')}
        </button>
      </div>
      <ExportNotice
        state={exportState}
        failed={(reason) => t('lists.exportFailed', { reason })}
        area="invoices export"
      />
      <VirtualTable
        label={t('invoices.tableLabel')}
        columns={columns}
        layout={columnLayout}
        rows={shown}
        rowKey={(invoice) => invoice.id}
        sort={sortedColumn ? { columnId: sortedColumn, direction: sort.direction } : undefined}
        onSort={onSort}
        onOpen={(invoice) =>
          navigate(hrefForInvoice(invoice.id, new URLSearchParams({ from: params.toString() })))
        }
        empty={
          invoices ? (
            <p className="empty">
              {invoices.length === 0 ? t('pages.invoices.empty') : t('invoices.noMatch')}
            </p>
          ) : null
        }
      />
    </section>
  );
};
