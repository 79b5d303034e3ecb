import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../../../shared/core/format';
import { useLanguage } from '../../../ui/useLanguage';

interface PdfToolbarProps {
  /** 0 while no document is open: the page controls are then disabled. */
  pageCount: number;
  pageNumber: number;
  onPage: (pageNumber: number) => void;
  /** The scale drawn at, null until known. */
  scale: number | null;
  fitWidth: boolean;
  canZoomIn: boolean;
  canZoomOut: boolean;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFitWidth: () => void;
  /** The id of the element the controls act on (aria-controls). */
  pagesId: string;
}

/** The toolbar pattern: Left and Right move between its buttons (Tab still reaches each one). */
const moveFocus = (event: KeyboardEvent<HTMLDivElement>): void => {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const buttons = [...event.currentTarget.querySelectorAll('button')].filter((button) => !button.disabled);
  const at = buttons.findIndex((button) => button === document.activeElement);
  if (at === -1) return;
  const next = buttons[(at + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
  next?.focus();
  event.preventDefault();
};

/** Page and zoom controls; keyboard users get the same through the viewer's keys. */
export const PdfToolbar = (props: PdfToolbarProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const { pageCount, pageNumber, scale, pagesId } = props;
  return (
    <div
      className="pdf-viewer__toolbar"
      role="toolbar"
      aria-label={t('pdf.toolbar')}
      aria-controls={pagesId}
      onKeyDown={moveFocus}
    >
      <button
        type="button"
        className="secondary"
        aria-label={t('pdf.previousPage')}
        aria-keyshortcuts="PageUp"
        disabled={pageCount === 0 || pageNumber <= 1}
        onClick={() => props.onPage(pageNumber - 1)}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <span className="pdf-viewer__page-number" aria-live="polite">
        {pageCount > 0 &&
          t('pdf.pageOf', {
            page: formatInteger(pageNumber, language),
            total: formatInteger(pageCount, language),
          })}
      </span>
      <button
        type="button"
        className="secondary"
        aria-label={t('pdf.nextPage')}
        aria-keyshortcuts="PageDown"
        disabled={pageCount === 0 || pageNumber >= pageCount}
        onClick={() => props.onPage(pageNumber + 1)}
      >
        <span aria-hidden="true">›</span>
      </button>
      <span className="pdf-viewer__separator" />
      <button
        type="button"
        className="secondary"
        aria-label={t('pdf.zoomOut')}
        disabled={!props.canZoomOut}
        onClick={props.onZoomOut}
      >
        <span aria-hidden="true">−</span>
      </button>
      <span className="pdf-viewer__zoom" aria-live="polite">
        {scale !== null && t('pdf.zoomLevel', { percent: formatInteger(Math.round(scale * 100), language) })}
      </span>
      <button
        type="button"
        className="secondary"
        aria-label={t('pdf.zoomIn')}
        disabled={!props.canZoomIn}
        onClick={props.onZoomIn}
      >
        <span aria-hidden="true">+</span>
      </button>
      <button type="button" className="secondary" aria-pressed={props.fitWidth} onClick={props.onFitWidth}>
        {t('pdf.fitWidth')}
      </button>
    </div>
  );
};
