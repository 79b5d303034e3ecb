import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../../shared/core/format';
import type { LineRow } from '../../../shared/lines/lineIndex';
import { CELL_EDIT_ATTRIBUTE, useGridCell, type GridCell } from '../../ui/VirtualTable';
import { useLanguage } from '../../ui/useLanguage';
import type { Names } from '../designations';
import { partsText, percentText, reasonText } from './reasonText';
import './lines.css';

interface PartsCellProps {
  row: LineRow;
  /** Opens the line's parts; `back` returns the focus to this cell when they close. */
  onShow: (row: LineRow, back: GridCell | null) => void;
}

/**
 * The cost-centre column's cell: the parts as text, and the way to their amounts and reason. In the
 * table, Enter on the cell (or F2) presses it; the mouse clicks it.
 */
export const PartsCell = ({ row, onShow }: PartsCellProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const cell = useGridCell();
  const text = partsText(row.parts, t, language);
  return (
    <button
      type="button"
      className={`line-parts__cell${row.reason.kind === 'notCharged' ? ' muted' : ''}`}
      tabIndex={cell ? -1 : undefined}
      {...{ [CELL_EDIT_ATTRIBUTE]: '' }}
      aria-label={t('lines.showParts', { lineNo: row.lineNo, invoice: row.invoiceNumber, parts: text })}
      onClick={(event) => {
        event.stopPropagation();
        onShow(row, cell);
      }}
    >
      {text}
    </button>
  );
};

interface LinePartsPanelProps {
  row: LineRow;
  /** The cost-centre filter: its parts are marked. */
  chosen: readonly string[] | undefined;
  names: Names;
  centerName: (code: string) => string | undefined;
  onClose: () => void;
}

/**
 * One line's parts: what each cost centre is charged (net, VAT, gross, exact centimes) and why, as
 * the allocation engine decided. A labelled region that takes the focus when it opens, so a screen
 * reader reads it; Escape or Close give the focus back to the table.
 */
export const LinePartsPanel = ({ row, chosen, names, centerName, onClose }: LinePartsPanelProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const amount = (centimes: number) => formatAmount(centimes, language);
  useEffect(() => {
    heading.current?.focus();
  }, [row]);
  const split = row.parts.length > 1;
  return (
    <section
      className="line-parts card"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="line-parts__head">
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          {t('lines.details.title', { lineNo: row.lineNo, invoice: row.invoiceNumber })}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('lines.details.close')}
        </button>
      </div>
      <table className="line-parts__table">
        <caption className="visually-hidden">{t('lines.details.partsLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lines.details.costCenter')}</th>
            <th scope="col" className="num">
              {t('lines.details.share')}
            </th>
            <th scope="col" className="num">
              {t('lines.details.net')}
            </th>
            <th scope="col" className="num">
              {t('lines.details.vat')}
            </th>
            <th scope="col" className="num">
              {t('lines.details.gross')}
            </th>
            <th scope="col">{t('lines.details.why')}</th>
          </tr>
        </thead>
        <tbody>
          {row.parts.map((part, position) => {
            const code = part.costCenterCode;
            const name = code === null ? undefined : centerName(code);
            const isChosen = code !== null && (chosen?.includes(code) ?? false);
            return (
              <tr key={`${code ?? ''}#${position}`} className={isChosen ? 'line-parts__chosen' : undefined}>
                <th scope="row">
                  {code === null ? t('lines.notCharged') : code}
                  {name && <span className="muted"> {name}</span>}
                </th>
                <td className="num">{percentText(part.percent, language)}</td>
                <td className="num">{amount(part.netCentimes)}</td>
                <td className="num">{amount(part.vatCentimes)}</td>
                <td className="num">{amount(part.netCentimes + part.vatCentimes)}</td>
                <td>{reasonText(row.reason, t, language, names, split ? part.percent : undefined)}</td>
              </tr>
            );
          })}
        </tbody>
        {split && (
          <tfoot>
            <tr>
              <th scope="row">{t('lines.details.total')}</th>
              <td className="num">{percentText(100, language)}</td>
              <td className="num">{amount(row.netCentimes)}</td>
              <td className="num">{amount(row.vatCentimes)}</td>
              <td className="num">{amount(row.netCentimes + row.vatCentimes)}</td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </section>
  );
};
