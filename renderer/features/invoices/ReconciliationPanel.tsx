import { useTranslation } from 'react-i18next';
import { formatChf, formatInteger } from '../../../shared/core/format';
import type { Language } from '../../../shared/i18n/languages';
import {
  reconciliationFigures,
  type ComparedAmount,
  type FiguresInvoice,
} from '../../../shared/invoices/reconciliationFigures';
import type { LineBlock } from '../../../shared/lines/block';

interface ReconciliationPanelProps {
  invoice: FiguresInvoice;
  blocks: readonly LineBlock[];
  language: Language;
}

const amounts = ['net', 'vat', 'gross'] as const;

/** Whether the stored lines add up to the invoice header, with the figures compared and any difference. */
export const ReconciliationPanel = ({ invoice, blocks, language }: ReconciliationPanelProps) => {
  const { t } = useTranslation();
  const figures = reconciliationFigures(invoice, blocks);
  const money = (centimes: number) => formatChf(centimes, language);
  const differenceCell = (amount: ComparedAmount) => (
    <td className={`num${amount.differenceCentimes === 0 ? '' : ' badge--danger'}`}>
      {amount.differenceCentimes === 0 ? money(0) : <strong>{money(amount.differenceCentimes)}</strong>}
    </td>
  );
  return (
    <section aria-labelledby="invoice-reconciliation">
      <h2 id="invoice-reconciliation">{t('invoice.reconciliationTitle')}</h2>
      {figures.state === 'reconciled' && (
        <p className="notice notice--ok" role="status">
          ✓ {t('invoice.reconciled')}
        </p>
      )}
      {figures.state === 'incomplete' && (
        <p className="notice notice--warning" role="status">
          {t('invoice.incomplete', {
            stored: formatInteger(figures.storedLines, language),
            count: formatInteger(figures.lineCount, language),
          })}
        </p>
      )}
      {figures.state === 'mismatch' && (
        <p className="notice notice--error" role="alert">
          {t('invoice.mismatch', {
            lines: money(figures.gross.linesCentimes),
            invoice: money(figures.gross.invoiceCentimes),
            difference: money(figures.gross.differenceCentimes),
          })}
        </p>
      )}
      <div className="table-scroll">
        <table className="data" aria-label={t('reconciliation.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('reconciliation.amount')}</th>
              <th scope="col" className="num">
                {t('reconciliation.lines')}
              </th>
              <th scope="col" className="num">
                {t('reconciliation.invoice')}
              </th>
              <th scope="col" className="num">
                {t('reconciliation.difference')}
              </th>
            </tr>
          </thead>
          <tbody>
            {amounts.map((amount) => (
              <tr key={amount}>
                <th scope="row">{t(`reconciliation.${amount}`)}</th>
                <td className="num">{money(figures[amount].linesCentimes)}</td>
                <td className="num">{money(figures[amount].invoiceCentimes)}</td>
                {differenceCell(figures[amount])}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        {t('reconciliation.lineCount', {
          stored: formatInteger(figures.storedLines, language),
          count: formatInteger(figures.lineCount, language),
        })}
      </p>
    </section>
  );
};
