import { useTranslation } from 'react-i18next';
import { formatChf, formatInteger, formatPercent } from '../../../shared/core/format';
import type { Language } from '../../../shared/i18n/languages';
import { vatBreakdown } from '../../../shared/invoices/vatBreakdown';
import type { LineBlock } from '../../../shared/lines/block';

interface VatBreakdownProps {
  blocks: readonly LineBlock[];
  language: Language;
}

/** The VAT summary of the invoice's document, per rate, recomputed from the stored lines. */
export const VatBreakdown = ({ blocks, language }: VatBreakdownProps) => {
  const { t } = useTranslation();
  const rows = vatBreakdown(blocks);
  const money = (centimes: number) => formatChf(centimes, language);
  const sum = (pick: (row: (typeof rows)[number]) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  return (
    <section aria-labelledby="invoice-vat-breakdown">
      <h2 id="invoice-vat-breakdown">{t('vatBreakdown.title')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('vatBreakdown.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" aria-labelledby="invoice-vat-breakdown">
            <thead>
              <tr>
                <th scope="col">{t('vatBreakdown.rate')}</th>
                <th scope="col" className="num">
                  {t('vatBreakdown.lines')}
                </th>
                <th scope="col" className="num">
                  {t('vatBreakdown.net')}
                </th>
                <th scope="col" className="num">
                  {t('vatBreakdown.vat')}
                </th>
                <th scope="col" className="num">
                  {t('vatBreakdown.gross')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.rateBp}>
                  <th scope="row" className="num">
                    {formatPercent(row.rateBp / 10_000, language, 1)}
                  </th>
                  <td className="num">{formatInteger(row.lines, language)}</td>
                  <td className="num">{money(row.netCentimes)}</td>
                  <td className="num">{money(row.vatCentimes)}</td>
                  <td className="num">{money(row.grossCentimes)}</td>
                </tr>
              ))}
            </tbody>
            {rows.length > 1 && (
              <tfoot>
                <tr>
                  <th scope="row">{t('vatBreakdown.total')}</th>
                  <td className="num">
                    {formatInteger(
                      sum((row) => row.lines),
                      language,
                    )}
                  </td>
                  <td className="num">{money(sum((row) => row.netCentimes))}</td>
                  <td className="num">{money(sum((row) => row.vatCentimes))}</td>
                  <td className="num">{money(sum((row) => row.grossCentimes))}</td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
    </section>
  );
};
