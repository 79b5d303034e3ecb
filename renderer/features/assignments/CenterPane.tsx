import { useDroppable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { CenterRow, NotChargedBucket } from '../../../shared/allocation/board';
import { formatChf, formatMonth } from '../../../shared/core/format';
import { useLanguage } from '../../ui/useLanguage';

interface CenterPaneProps {
  centers: readonly CenterRow[];
  bucket: NotChargedBucket | null;
  /** The month the centres' figures are for ("2026-10"). */
  month: string;
}

/** The active cost centres as drop targets, each with what it carries in the latest month with costs; the unassigned bucket first. */
export const CenterPane = ({ centers, bucket, month }: CenterPaneProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    // A focusable region: the keyboard scrolls a list of centres taller than the window too.
    <section className="board-centres" aria-labelledby="board-centres-title" tabIndex={0}>
      <h2 id="board-centres-title">{t('assignmentBoard.centresTitle')}</h2>
      {bucket && (
        <section className="board-bucket" aria-labelledby="board-bucket-title" data-testid="not-charged">
          <h3 id="board-bucket-title">{t('assignmentBoard.notChargedTitle')}</h3>
          <p data-testid="not-charged-keys">{t('assignmentBoard.notChargedKeys', { count: bucket.keys })}</p>
          <p data-testid="not-charged-amount">
            {t('assignmentBoard.notChargedAmount', { amount: formatChf(bucket.netCentimes, language) })}
          </p>
        </section>
      )}
      {centers.length === 0 ? (
        <p className="empty">{t('assignmentBoard.noCentres')}</p>
      ) : (
        <ul className="board-centres__list" aria-label={t('assignmentBoard.centresLabel')}>
          {centers.map((center) => (
            <CenterCard key={center.code} center={center} month={month} />
          ))}
        </ul>
      )}
    </section>
  );
};

const CenterCard = ({ center, month }: { center: CenterRow; month: string }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const { setNodeRef, isOver } = useDroppable({ id: center.code });
  const over = center.budgetCentimes !== null && center.carriedCentimes > center.budgetCentimes;
  return (
    <li
      ref={setNodeRef}
      className={`board-centre${isOver ? ' board-centre--over' : ''}`}
      data-centre={center.code}
    >
      <div className="board-centre__name">
        <strong>{center.code}</strong> {center.name}
      </div>
      <div className="board-centre__figures">
        <span>
          {t('assignmentBoard.carries', {
            amount: formatChf(center.carriedCentimes, language),
            month: formatMonth(month, language, 'long'),
          })}
        </span>
        <span className={over ? 'board-centre__over' : 'muted'}>
          {center.budgetCentimes === null
            ? t('assignmentBoard.noBudget')
            : t('assignmentBoard.budgetOf', { amount: formatChf(center.budgetCentimes, language) })}
        </span>
      </div>
    </li>
  );
};
