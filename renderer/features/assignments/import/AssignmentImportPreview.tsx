import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostCenter } from '../../../../shared/api/schemas';
import type {
  AssignmentImportPlan,
  AssignmentImportProblem,
  PlanItem,
  PlanStatus,
} from '../../../../shared/assignmentImport/plan';
import type { Language } from '../../../../shared/i18n/languages';
import { useLanguage } from '../../../ui/useLanguage';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';
import { periodText, splitsText } from '../assignmentText';

const badgeTone: Record<PlanStatus, string> = {
  create: 'ok',
  replace: 'warning',
  unchanged: 'neutral',
  error: 'danger',
};

/** "5", or "5–6" for an assignment split over consecutive rows, "5, 9" otherwise. */
export const rowsText = (t: TFunction, rows: readonly number[]): string => {
  const first = rows[0];
  const last = rows.at(-1);
  if (first === undefined || last === undefined) return '';
  if (rows.length === 1) return String(first);
  return last - first === rows.length - 1 ? t('assignmentImport.rowRange', { first, last }) : rows.join(', ');
};

/** One problem in words: where (row, column, field) and what, in the clerk's language. */
export const problemText = (
  t: TFunction,
  language: Language,
  problem: AssignmentImportProblem,
  centers: ReadonlyMap<string, CostCenter>,
): string => {
  const at = t('assignmentImport.at', {
    row: problem.row,
    column: problem.column,
    field: t(`assignmentImport.fields.${problem.field}`),
  });
  const what =
    problem.code === 'overlapsStored' && problem.other
      ? t('assignmentImport.problems.overlapsStored', {
          splits: splitsText(t, problem.other, centers),
          period: periodText(t, language, problem.other),
        })
      : t(`assignmentImport.problems.${problem.code}`, { value: problem.value });
  return `${at} ${what}`;
};

/** Every assignment of the sheet as it would land, and every refused row; virtualised. */
export const AssignmentImportPreview = ({
  plan,
  centers,
}: {
  plan: AssignmentImportPlan;
  centers: ReadonlyMap<string, CostCenter>;
}) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const listId = useId();

  const details = (item: PlanItem): string => {
    switch (item.status) {
      case 'create':
        return t('assignmentImport.createDetails');
      case 'unchanged':
        return t('assignmentImport.unchangedDetails');
      case 'replace':
        return item.before
          ? t('assignmentImport.replaceDetails', { splits: splitsText(t, item.before, centers) })
          : '';
      case 'error':
        return item.problems.map((problem) => problemText(t, language, problem, centers)).join(' ');
    }
  };

  const columns: Column<PlanItem>[] = [
    {
      id: 'rows',
      header: t('assignmentImport.columns.rows'),
      width: 64,
      align: 'end',
      render: (item) => rowsText(t, item.rows),
    },
    {
      id: 'status',
      header: t('assignmentImport.columns.status'),
      width: 110,
      fit: (['create', 'replace', 'unchanged', 'error'] as const).map((status) =>
        t(`assignmentImport.status.${status}`),
      ),
      fitExtra: 20,
      render: (item) => (
        <span className={`badge badge--${badgeTone[item.status]}`}>
          {t(`assignmentImport.status.${item.status}`)}
        </span>
      ),
    },
    {
      id: 'kind',
      header: t('assignmentImport.columns.kind'),
      width: 130,
      // The first to go on a narrow window: the key and its period say more.
      priority: 2,
      render: (item) => (item.kind === null ? '' : t(`assignmentImport.kinds.${item.kind}`)),
    },
    { id: 'key', header: t('assignmentImport.columns.key'), width: 110, render: (item) => item.key },
    {
      id: 'period',
      header: t('assignmentImport.columns.period'),
      width: 170,
      render: (item) => (item.kind === null ? '' : periodText(t, language, item)),
    },
    {
      id: 'splits',
      header: t('assignmentImport.columns.splits'),
      width: 200,
      grow: 1,
      render: (item) => {
        const text = splitsText(t, item, centers);
        return <span title={text}>{text}</span>;
      },
    },
    {
      id: 'details',
      header: t('assignmentImport.columns.details'),
      width: 260,
      grow: 2,
      render: (item) => {
        const text = details(item);
        return <span title={text}>{text}</span>;
      },
    },
  ];

  const problems = plan.items.flatMap((item) => item.problems);
  return (
    <>
      <div
        className="asg-import__preview"
        // As tall as its rows up to about eight: a short sheet leaves no empty frame.
        style={{ height: Math.min(PREVIEW_MAX_HEIGHT, PREVIEW_CHROME + plan.items.length * PREVIEW_ROW) }}
      >
        <VirtualTable
          label={t('assignmentImport.previewLabel')}
          columns={columns}
          rows={plan.items}
          rowKey={(item) => `${item.status}:${item.rows.join('+')}`}
        />
      </div>
      {problems.length > 0 && (
        // The table cuts long texts; here each problem reads in full.
        <section className="asg-import__problems" aria-labelledby={`${listId}-title`}>
          <h3 id={`${listId}-title`}>{t('assignmentImport.problemsTitle', { count: problems.length })}</h3>
          <ul tabIndex={0} aria-labelledby={`${listId}-title`}>
            {problems.map((problem, index) => (
              <li key={index}>{problemText(t, language, problem, centers)}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
};

const PREVIEW_ROW = 32;
const PREVIEW_CHROME = 44 + 24;
const PREVIEW_MAX_HEIGHT = 260;
