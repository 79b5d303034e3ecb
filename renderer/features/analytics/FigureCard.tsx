import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toSafeFileName } from '../../../shared/ipc/saveFile';
import { chartToPng, resolveColour, type LegendEntry } from './chartPicture';
import { useSaveAndRecord } from '../exports';

/** One figure of a table: as the screen shows it, as the clipboard takes it, and where its lines are. */
export interface FigureCell {
  display: string;
  /** Amounts as plain decimals ("1234.50"), shares as plain numbers: what a spreadsheet reads. */
  plain: string;
  href?: string;
  /** The link's name for screen readers when the figure alone does not say what it opens. */
  label?: string;
}

export interface FigureRow {
  key: string;
  header: FigureCell;
  cells: FigureCell[];
}

export interface FigureTable {
  columns: ReadonlyArray<{ label: string; numeric: boolean }>;
  rows: FigureRow[];
  footer?: FigureRow;
  /** A test id for the footer's first figure (the page's total). */
  totalTestId?: string;
}

/** The table as tab-separated text, one row per line: what "Copy table" puts on the clipboard. */
export const tableText = (table: FigureTable): string =>
  [
    table.columns.map((column) => column.label),
    ...[...table.rows, ...(table.footer ? [table.footer] : [])].map((row) => [
      row.header.plain,
      ...row.cells.map((cell) => cell.plain),
    ]),
  ]
    .map((cells) => cells.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')).join('\t'))
    .join('\n');

const Figure = ({ cell, strong, testId }: { cell: FigureCell; strong?: boolean; testId?: string }) => {
  const content = strong ? <strong data-testid={testId}>{cell.display}</strong> : cell.display;
  return cell.href ? (
    <a href={cell.href} aria-label={cell.label} title={cell.label}>
      {content}
    </a>
  ) : (
    content
  );
};

export const FigureTableView = ({ table, labelledBy }: { table: FigureTable; labelledBy: string }) => (
  <div className="table-scroll">
    <table className="data" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {table.columns.map((column) => (
            <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              <Figure cell={row.header} />
            </th>
            {row.cells.map((cell, i) => (
              <td key={i} className="num">
                <Figure cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {table.footer && (
        <tfoot>
          <tr>
            <th scope="row">{table.footer.header.display}</th>
            {table.footer.cells.map((cell, i) => (
              <td key={i} className="num">
                <Figure cell={cell} strong testId={i === 0 ? table.totalTestId : undefined} />
              </td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  </div>
);

type Outcome = 'copied' | 'copyFailed' | 'saved' | 'saveFailed' | null;

const copyTable = (table: FigureTable, report: (outcome: Outcome) => void) => {
  navigator.clipboard.writeText(tableText(table)).then(
    () => report('copied'),
    () => report('copyFailed'),
  );
};

/** "Copy table" for a table without a chart, with its own outcome. */
export const CopyTableButton = ({ table }: { table: FigureTable }) => {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <span className="analytics__actions">
      <span role="status" className="muted">
        {outcome && t(`analyticsPage.outcome.${outcome}`)}
      </span>
      <button type="button" className="secondary" onClick={() => copyTable(table, setOutcome)}>
        {t('analyticsPage.copyTable')}
      </button>
    </span>
  );
};

interface FigureCardProps {
  title: string;
  /** What the chart shows, for screen readers: the chart is one named picture, its table the detail. */
  chartLabel: string;
  table: FigureTable;
  legend: readonly LegendEntry[];
  /** Controls of the card itself (the trend's cost centre). */
  controls?: ReactNode;
  children: ReactNode;
}

/**
 * A chart with its title, its data table (hidden until asked for, but always there for screen
 * readers; shown whenever something in it has the focus) and the actions: show the table, copy it,
 * save the chart as a PNG.
 */
export const FigureCard = ({ title, chartLabel, table, legend, controls, children }: FigureCardProps) => {
  const { t } = useTranslation();
  const saveAndRecord = useSaveAndRecord();
  const id = useId();
  const chart = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const save = async () => {
    const container = chart.current;
    if (!container) return;
    const bytes = await chartToPng(
      container,
      title,
      legend.map((entry) => ({ label: entry.label, colour: resolveColour(container, entry.colour) })),
    );
    const saved = await saveAndRecord(
      { suggestedName: toSafeFileName(title, 'png'), mimeType: 'image/png', bytes },
      'chartPng',
      0,
    );
    setOutcome(saved === 'saved' ? 'saved' : null);
  };

  return (
    <section className="card analytics__card" aria-labelledby={`${id}-title`}>
      <div className="analytics__card-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {controls}
        <span className="analytics__actions">
          <button
            type="button"
            className="secondary"
            aria-expanded={shown}
            aria-controls={`${id}-table`}
            onClick={() => setShown((value) => !value)}
          >
            {shown ? t('analyticsPage.hideTable') : t('analyticsPage.showTable')}
          </button>
          <button type="button" className="secondary" onClick={() => copyTable(table, setOutcome)}>
            {t('analyticsPage.copyTable')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              save().catch(() => setOutcome('saveFailed'));
            }}
          >
            {t('analyticsPage.savePng')}
          </button>
        </span>
      </div>
      <p role="status" className="muted analytics__status">
        {outcome && t(`analyticsPage.outcome.${outcome}`)}
      </p>
      <div ref={chart} role="img" aria-label={chartLabel} className="analytics__chart">
        {children}
      </div>
      {legend.length > 0 && (
        // The chart's label and its table say what the colours say: the legend is for the eye.
        <ul className="analytics__legend" aria-hidden="true">
          {legend.map((entry) => (
            <li key={entry.label}>
              <span className="analytics__swatch" style={{ background: entry.colour }} />
              {entry.label}
            </li>
          ))}
        </ul>
      )}
      <div
        id={`${id}-table`}
        className={shown ? 'analytics__table' : 'analytics__table analytics__table--hidden'}
      >
        <FigureTableView table={table} labelledBy={`${id}-title`} />
      </div>
    </section>
  );
};
