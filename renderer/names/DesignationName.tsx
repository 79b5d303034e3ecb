import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyKind } from '../../shared/api/schemas';
import { useDatabase } from '../db/DatabaseContext';
import { saveDesignation } from '../db/localEdits';
import type { Names } from './useNames';

interface DesignationNameProps {
  kind: KeyKind;
  itemKey: string;
  names: Names;
}

/**
 * A service, licence or reference with the clerk's own name beside the operator's, renamed inline:
 * the pencil (or F2) opens a field, Enter saves, Escape cancels. Saved locally at once and pushed
 * through the outbox.
 */
export const DesignationName = ({ kind, itemKey, names }: DesignationNameProps) => {
  const { t } = useTranslation();
  const db = useDatabase();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const operatorName = kind === 'service' ? names.service(itemKey) : itemKey;
  const own = names.designation(kind, itemKey);

  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  if (editing) {
    return (
      <form
        className="designation-edit"
        onSubmit={(event) => {
          event.preventDefault();
          void saveDesignation(db, kind, itemKey, text).then(() => setEditing(false));
        }}
      >
        <input
          ref={input}
          aria-label={t('designation.label', { name: operatorName })}
          placeholder={t('designation.placeholder')}
          value={text}
          maxLength={120}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setEditing(false);
            }
          }}
        />
        <button type="submit">{t('designation.save')}</button>
        <button type="button" className="secondary" onClick={() => setEditing(false)}>
          {t('designation.cancel')}
        </button>
      </form>
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
          setText(own ?? '');
          setEditing(true);
        }}
      >
        ✎
      </button>
    </span>
  );
};
