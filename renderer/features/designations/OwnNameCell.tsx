import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyKind } from '../../../shared/api/schemas';
import { CELL_EDIT_ATTRIBUTE, useGridCell } from '../../ui/VirtualTable';
import { useSaveDesignation } from './edits';
import { DesignationEditor } from './DesignationEditor';

interface OwnNameCellProps {
  kind: KeyKind;
  itemKey: string;
  ownName: string | null;
}

/**
 * The clerk's own name with its rename button. Unlike DesignationName it shows the own name alone,
 * since the Names table has a column for the operator's. The table renames it from the keyboard (F2,
 * or Enter on the cell); the pencil is for the mouse. After saving or cancelling, focus goes back to
 * the cell, so a keyboard user goes on to the next row.
 */
export const OwnNameCell = ({ kind, itemKey, ownName }: OwnNameCellProps) => {
  const { t } = useTranslation();
  const saveDesignation = useSaveDesignation();
  const cell = useGridCell();
  const [editing, setEditing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const names = { kind: t(`designation.kinds.${kind}`), key: itemKey };

  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    if (cell) cell.focus();
    else button.current?.focus();
  }, [editing, cell]);

  // Clicks in here belong to the rename: they neither move the table's active row nor, doubled,
  // open the row (the second click of a double click lands on the freshly opened field).
  const keepClick = (event: MouseEvent) => event.stopPropagation();
  return (
    <div className="own-name" onClick={keepClick} onDoubleClick={keepClick}>
      {editing ? (
        <DesignationEditor
          label={t('names.ownNameFor', names)}
          initial={ownName ?? ''}
          onSave={(text) => saveDesignation(kind, itemKey, text)}
          onClose={() => {
            refocus.current = true;
            setEditing(false);
          }}
        />
      ) : (
        <>
          <span className="own-name__text" title={ownName ?? undefined}>
            {ownName}
          </span>
          <button
            ref={button}
            type="button"
            className="icon-button"
            tabIndex={cell ? -1 : undefined}
            {...{ [CELL_EDIT_ATTRIBUTE]: '' }}
            aria-label={t('names.rename', names)}
            onClick={() => setEditing(true)}
          >
            ✎
          </button>
        </>
      )}
    </div>
  );
};
