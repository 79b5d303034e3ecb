import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditView } from '../../../shared/audit/view';
import { formatDateTime } from '../../../shared/core/format';
import { useLanguage } from '../../ui/useLanguage';

interface AuditListProps {
  views: readonly AuditView[];
}

// A first guess per entry; each is measured once drawn (entries with two sides are taller).
const ESTIMATED_HEIGHT = 84;

/**
 * The entries, virtualised: only those in view (and a few around) are in the document, each an
 * item of an ordered list that tells screen readers its place in the whole (aria-setsize).
 * The scroller takes focus, so the arrow keys and Page Up/Down scroll it.
 */
export const AuditList = ({ views }: AuditListProps) => {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions change with every scroll: this component is left unmemoised on purpose.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: views.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_HEIGHT,
    overscan: 6,
    getItemKey: (index) => views[index]?.record.seq ?? index,
  });

  return (
    <div ref={scroller} className="audit-list" tabIndex={0} role="region" aria-label={t('auditTrail.list')}>
      <ol className="audit-list__items" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const view = views[item.index];
          if (!view) return null;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={views.length}
              aria-posinset={item.index + 1}
              className="audit-entry"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <AuditEntry view={view} />
            </li>
          );
        })}
      </ol>
    </div>
  );
};

const Side = ({ label, lines }: { label: string; lines: readonly string[] }) => (
  <div className="audit-entry__side">
    <dt>{label}</dt>
    {lines.map((line, index) => (
      <dd key={index}>{line}</dd>
    ))}
  </div>
);

const AuditEntry = ({ view }: { view: AuditView }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const { record } = view;
  return (
    <>
      <div className="audit-entry__meta">
        <span className="audit-entry__seq">{t('auditTrail.seq', { seq: record.seq })}</span>
        <time dateTime={record.at}>{formatDateTime(record.at, language)}</time>
        <span>{record.device?.name || t('auditTrail.unknownDevice')}</span>
        <span className={`audit-entry__category audit-entry__category--${view.category}`}>
          {t(`auditTrail.categories.${view.category}`)}
        </span>
      </div>
      <p className="audit-entry__text">{view.text}</p>
      {(view.before !== null || view.after !== null) && (
        <dl className="audit-entry__sides">
          {view.before !== null && <Side label={t('auditTrail.before')} lines={view.before} />}
          {view.after !== null && <Side label={t('auditTrail.after')} lines={view.after} />}
        </dl>
      )}
      {view.fileHash !== null && (
        <p className="audit-entry__hash">{t('auditTrail.fileHash', { hash: view.fileHash })}</p>
      )}
    </>
  );
};
