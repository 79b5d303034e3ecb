import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isDefaultLayout,
  moveColumnPast,
  orderedIds,
  resizeColumn,
  RESIZE_STEP,
  setColumnVisible,
  type ColumnSpec,
} from '../../shared/tables/columnLayout';
import type { ColumnLayoutState } from './useColumnLayout';
import type { Column } from './VirtualTable';

interface ColumnChooserProps<Row> {
  tableLabel: string;
  columns: readonly Column<Row>[];
  /** The columns' sizes as the table measured them. */
  specs: readonly ColumnSpec[];
  layout: ColumnLayoutState;
  /** The widths the table shows now, so a step starts from what the clerk sees. */
  shownWidths: ReadonlyMap<string, number>;
}

/**
 * The column menu: show or hide, move left or right, make narrower or wider, reset. It is the
 * keyboard's way to do what the mouse does on the headers; at least one column always stays.
 */
export const ColumnChooser = <Row,>({
  tableLabel,
  columns,
  specs,
  layout,
  shownWidths,
}: ColumnChooserProps<Row>) => {
  const { t } = useTranslation();
  const details = useRef<HTMLDetailsElement>(null);
  // The menu's controls exist only while it is open, so they never compete with the page's own labels.
  const [open, setOpen] = useState(false);
  const byId = new Map(columns.map((column) => [column.id, column]));
  const ids = orderedIds(specs, layout.layout);
  const shown = [...shownWidths.keys()];

  const onKeyDown = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== 'Escape' || !details.current?.open) return;
    // Closing the menu is all this Escape does (the invoice page would go back on it).
    event.stopPropagation();
    event.nativeEvent.stopImmediatePropagation();
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  };

  return (
    <details
      ref={details}
      className="column-chooser"
      onKeyDown={onKeyDown}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary aria-label={t('tables.columnsOf', { table: tableLabel })}>{t('tables.columns')}</summary>
      {open && (
        <div className="column-chooser__panel">
          <ul className="plain-list">
            {ids.map((id, index) => {
              const column = byId.get(id);
              if (!column) return null;
              const name = column.header;
              const width = shownWidths.get(id) ?? layout.layout.widths[id] ?? column.width;
              const step = (delta: number) => layout.onChange(resizeColumn(layout.layout, id, width + delta));
              return (
                <li key={id} className="column-chooser__item">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      // What is on screen: a chosen column the window leaves out is unticked, and
                      // ticking it keeps it in even when it does not fit.
                      checked={shownWidths.has(id)}
                      disabled={shownWidths.size === 1 && shownWidths.has(id)}
                      onChange={(event) =>
                        layout.onChange(setColumnVisible(specs, layout.layout, id, event.target.checked))
                      }
                    />
                    {name}
                  </label>
                  <span className="column-chooser__actions">
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('tables.moveLeft', { column: name })}
                      title={t('tables.moveLeft', { column: name })}
                      disabled={index === 0}
                      onClick={() => layout.onChange(moveColumnPast(specs, layout.layout, id, -1, shown))}
                    >
                      ←
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('tables.moveRight', { column: name })}
                      title={t('tables.moveRight', { column: name })}
                      disabled={index === ids.length - 1}
                      onClick={() => layout.onChange(moveColumnPast(specs, layout.layout, id, 1, shown))}
                    >
                      →
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('tables.narrower', { column: name })}
                      title={t('tables.narrower', { column: name })}
                      onClick={() => step(-RESIZE_STEP)}
                    >
                      −
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('tables.wider', { column: name })}
                      title={t('tables.wider', { column: name })}
                      onClick={() => step(RESIZE_STEP)}
                    >
                      +
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            className="secondary"
            disabled={isDefaultLayout(layout.layout)}
            onClick={layout.reset}
          >
            {t('tables.reset')}
          </button>
        </div>
      )}
    </details>
  );
};
