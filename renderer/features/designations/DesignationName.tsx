import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyKind } from '../../../shared/api/schemas';
import { useSaveDesignation } from './edits';
import { DesignationEditor } from './DesignationEditor';
import type { Names } from './useNames';

interface DesignationNameProps {
  kind: KeyKind;
  itemKey: string;
  names: Names;
}

/**
 * A service, licence or reference with the clerk's own name beside the operator's, renamed inline
 * with the pencil. Saved locally at once and pushed through the outbox.
 */
export const DesignationName = ({ kind, itemKey, names }: DesignationNameProps) => {
  const { t } = useTranslation();
  const saveDesignation = useSaveDesignation();
  const [editing, setEditing] = useState(false);
  const operatorName = kind === 'service' ? names.service(itemKey) : itemKey;
  const own = names.designation(kind, itemKey);

  if (editing) {
    return (
      <DesignationEditor
        label={t('designation.label', { name: operatorName })}
        initial={own ?? ''}
        onSave={(text) => saveDesignation(kind, itemKey, text)}
        onClose={() => setEditing(false)}
      />
    );
  }
  return (
    <span className="designation">
      {own ? (
        <>
          <strong>{own}</strong> <span className="muted">{operatorName}</span>
        </>
      ) : (
        operatorName
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={t('designation.rename', { name: operatorName })}
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
