import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyKind } from '../../../shared/api/schemas';
import { CELL_EDIT_ATTRIBUTE, useGridCell } from '../../ui/VirtualTable';
import { useSaveDesignation } from './edits';
import { DesignationEditor } from './DesignationEditor';
import type { Names } from './useNames';

interface DesignationNameProps {
  kind: KeyKind;
  itemKey: string;
  names: Names;
}

/**
 * A service, licence or reference with the clerk's own name beside the operator's, renamed inline.
 * Saved locally at once and pushed through the outbox. In a table the cell is renamed from the
 * keyboard (F2, or Enter on the cell) and the pencil is for the mouse only; elsewhere the pencil is
 * an ordinary button.
 */
export const DesignationName = ({ kind, itemKey, names }: DesignationNameProps) => {
  const { t } = useTranslation();
  const saveDesignation = useSaveDesignation();
  const cell = useGridCell();
  const [editing, setEditing] = useState(false);
  const pencil = useRef<HTMLButtonElement>(null);
  const operatorName = kind === 'service' ? names.service(itemKey) : itemKey;
  const own = names.designation(kind, itemKey);
  const described = { kind: t(`designation.kinds.${kind}`), name: operatorName };

  if (editing) {
    return (
      <DesignationEditor
        label={t('designation.label', described)}
        initial={own ?? ''}
        onSave={(text) => saveDesignation(kind, itemKey, text)}
        onClose={() => {
          setEditing(false);
          // Back where the rename started: the cell in a table, the pencil elsewhere.
          if (cell) cell.focus();
          else requestAnimationFrame(() => pencil.current?.focus());
        }}
      />
    );
  }
  return (
    <span className="designation">
      <span className="designation__text">
        {own ? (
          <>
            <strong>{own}</strong> <span className="muted">{operatorName}</span>
          </>
        ) : (
          operatorName
        )}
      </span>
      <button
        ref={pencil}
        type="button"
        className="icon-button"
        tabIndex={cell ? -1 : undefined}
        {...{ [CELL_EDIT_ATTRIBUTE]: '' }}
        aria-label={t('designation.rename', described)}
        onClick={(event) => {
          event.stopPropagation();
          setEditing(true);
        }}
      >
        ✎
      </button>
    </span>
  );
};
