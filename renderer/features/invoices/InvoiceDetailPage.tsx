import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChf, formatDate, formatQrReference } from '../../../shared/core/format';
import { parseMoney } from '../../../shared/core/money';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { PageHeader } from '../../ui/PageHeader';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import { VirtualTable } from '../../ui/VirtualTable';
import { useColumnLayout } from '../../ui/useColumnLayout';
import { useRecordDocumentOpened } from './edits';
import { useCorrectedInvoice, useInvoiceBlocks, useInvoiceDocument, useStoredInvoice } from './queries';
import { useLanguage } from '../../ui/useLanguage';
import { IntegrityBadge } from './IntegrityBadge';
import { InvoiceFigures } from './InvoiceFigures';
import { NamedNumber, OperatorLabel } from './NamedNumber';
import { explorerColumnIds, explorerColumns } from '../lines';
import { blockRows } from '../../../shared/lines/blockRows';
import { SavePdfButton } from './SavePdfButton';
import { DesignationName, useNames } from '../designations';
import { RetentionFacts } from '../archive';
import { navigate } from '../../app/router/navigate';
import { hrefFor } from '../../app/router/routes';

// pdf.js is large: it loads only when an invoice is opened.
const PdfViewer = lazy(() => import('./PdfViewer').then((module) => ({ default: module.PdfViewer })));

/**
 * The explorer's columns minus those that repeat the invoice itself or need the index (cost centres),
 * all offered; what a narrow window leaves out first is ranked for reading one invoice.
 */
const detailPriorities: Partial<Record<(typeof explorerColumnIds)[number], number>> = {
  lineNo: 2,
  service: 1,
  description: 4,
  serviceDate: 3,
  licence: 4,
  reference: 5,
  customerReference: 5,
  quantity: 2,
  unitPrice: 3,
  net: 1,
  vatRate: 3,
  vat: 2,
  gross: 1,
};
const detailColumns = explorerColumnIds.filter((id) => id !== 'invoiceNumber' && id !== 'costCenter');

interface InvoiceDetailPageProps {
  itemId: string;
  params: URLSearchParams;
}

export const InvoiceDetailPage = ({ itemId: invoiceId, params }: InvoiceDetailPageProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = useNames();
  const stored = useStoredInvoice(invoiceId);
  const invoice = stored?.state === 'ok' ? stored.invoice : undefined;
  const checkedBlocks = useInvoiceBlocks(invoiceId);
  const blocks = checkedBlocks?.rows;
  const document = useInvoiceDocument(invoiceId);
  const corrected = useCorrectedInvoice(invoice?.correctsInvoiceId);
  const recordOpened = useRecordDocumentOpened(invoice);
  const rows = useMemo(
    () => (blocks ?? []).flatMap((block) => blockRows(block, invoice?.number ?? '')),
    [blocks, invoice?.number],
  );
  const columns = useMemo(() => {
    const all = explorerColumns(t, language, names);
    return detailColumns.map((id) => ({
      ...all[id],
      hiddenByDefault: false,
      priority: detailPriorities[id],
    }));
  }, [t, language, names]);
  const columnLayout = useColumnLayout('invoice-lines', columns);
  const backHref = hrefFor('invoices', new URLSearchParams(params.get('from') ?? ''));

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) navigate(backHref);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [backHref]);

  if (stored?.state === 'damaged') {
    return (
      <section>
        <a href={backHref}>← {t('invoice.back')}</a>
        <PageHeader title={t('problems.damagedInvoice')} />
        <SkippedRowsNotice kind="invoices" skipped={[stored.skipped]} area="invoice detail" />
      </section>
    );
  }

  if (invoice === undefined) {
    return (
      <section>
        <a href={backHref}>← {t('invoice.back')}</a>
        {stored !== undefined && blocks !== undefined && <PageHeader title={t('invoice.notFound')} />}
      </section>
    );
  }

  const money = (value: string) => formatChf(parseMoney(value), language);
  const title =
    invoice.type === 'credit-note'
      ? t('invoice.creditNoteTitle', { number: invoice.number })
      : t('invoice.title', { number: invoice.number });

  return (
    <section className="invoice-detail">
      <a href={backHref}>← {t('invoice.back')}</a>
      <PageHeader title={title} />
      <div className="invoice-detail__grid">
        <section className="card" aria-label={t('invoice.details')}>
          <dl className="facts">
            <dt>{t('invoices.columns.debtor')}</dt>
            <dd>
              <NamedNumber number={invoice.debtorNumber} name={names.debtor(invoice.debtorNumber)} />
            </dd>
            <dt>{t('invoices.columns.reference')}</dt>
            <dd>
              <DesignationName kind="invoiceReference" itemKey={invoice.invoiceReference} names={names} />
              <OperatorLabel invoiceReference={invoice.invoiceReference} names={names} />
            </dd>
            <dt>{t('invoice.period')}</dt>
            <dd>
              {t('invoice.periodValue', {
                from: formatDate(invoice.periodStart, language),
                to: formatDate(invoice.periodEnd, language),
              })}
            </dd>
            <dt>{t('invoices.columns.issueDate')}</dt>
            <dd>{formatDate(invoice.issueDate, language)}</dd>
            <dt>{t('invoices.columns.dueDate')}</dt>
            <dd>{formatDate(invoice.dueDate, language)}</dd>
            <dt>{t('invoices.columns.status')}</dt>
            <dd>
              {t(`invoices.statuses.${invoice.status}`)}
              {invoice.archived === 1 && <> · {t('invoices.archivedMark')}</>}
            </dd>
            <RetentionFacts issueDate={invoice.issueDate} />
            {corrected && (
              <>
                <dt>{t('invoices.types.creditNote')}</dt>
                <dd>{t('invoice.corrects', { number: corrected.number })}</dd>
              </>
            )}
            {invoice.qrReference && (
              <>
                <dt>{t('invoice.qrReference')}</dt>
                <dd>
                  <code>{formatQrReference(invoice.qrReference)}</code>
                </dd>
              </>
            )}
            <dt>{t('invoices.columns.net')}</dt>
            <dd className="amount">{money(invoice.netTotal)}</dd>
            <dt>{t('invoices.columns.vat')}</dt>
            <dd className="amount">{money(invoice.vatTotal)}</dd>
            <dt>{t('invoices.columns.gross')}</dt>
            <dd className="amount">
              <strong>{money(invoice.grossTotal)}</strong>
            </dd>
          </dl>
        </section>
        <section className="card" aria-label={t('invoice.documentTitle')}>
          <h2>{t('invoice.documentTitle')}</h2>
          <ErrorBoundary variant="panel" area="invoice document" resetKey={invoice.id}>
            <p>
              <IntegrityBadge invoice={invoice} document={document} />
            </p>
            {document && (
              <>
                <SavePdfButton invoiceNumber={invoice.number} bytes={document.bytes} />
                <Suspense fallback={<p className="empty">…</p>}>
                  <PdfViewer bytes={document.bytes} title={title} onOpened={recordOpened} />
                </Suspense>
              </>
            )}
          </ErrorBoundary>
        </section>
      </div>
      {blocks && <InvoiceFigures invoice={invoice} blocks={blocks} language={language} />}
      <h2>{t('invoice.linesTitle')}</h2>
      <SkippedRowsNotice kind="blocks" skipped={checkedBlocks?.skipped} area="invoice lines" />
      <ErrorBoundary variant="panel" area="invoice lines" resetKey={invoice.id}>
        <VirtualTable
          label={t('invoice.linesLabel', { number: invoice.number })}
          columns={columns}
          layout={columnLayout}
          rows={rows}
          rowKey={(row) => `${row.invoiceId}#${row.lineNo}`}
        />
      </ErrorBoundary>
    </section>
  );
};
