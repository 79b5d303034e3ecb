import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureReason } from '../../ui/FailureNotice';

interface DesignationEditorProps {
  /** The field's accessible name, e.g. "Own name for Service A-STD". */
  label: string;
  initial: string;
  /** Resolves once stored; a rejection keeps the field open with what was typed. */
  onSave: (text: string) => Promise<void>;
  onClose: () => void;
}

/** The inline rename field: Enter saves, Escape cancels, an empty name removes the designation. */
export const DesignationEditor = ({ label, initial, onSave, onClose }: DesignationEditorProps) => {
  const { t } = useTranslation();
  const reason = useFailureReason();
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  return (
    <form
      className="designation-edit"
      onSubmit={(event) => {
        event.preventDefault();
        if (saving) return;
        setSaving(true);
        setFailure(null);
        onSave(text).then(onClose, (error: unknown) => {
          // Nothing typed is dropped: the field stays open so the clerk can retry or cancel.
          setSaving(false);
          setFailure(t('names.saveFailed', { reason: reason(error) }));
        });
      }}
    >
      <input
        ref={input}
        aria-label={label}
        aria-invalid={failure !== null}
        title={failure ?? undefined}
        placeholder={t('designation.placeholder')}
        value={text}
        maxLength={120}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            // The page must not treat this Escape as its own (leaving the page, closing a panel).
            event.stopPropagation();
            onClose();
          }
        }}
      />
      {/* Symbols, so the field keeps its width in a table cell; the names say what they do. */}
      <button
        type="submit"
        disabled={saving}
        aria-label={t('designation.save')}
        title={t('designation.save')}
      >
        ✓
      </button>
      <button
        type="button"
        className="secondary"
        aria-label={t('designation.cancel')}
        title={t('designation.cancel')}
        onClick={onClose}
      >
        ✕
      </button>
      {failure && (
        <span role="alert" className="visually-hidden">
          {failure}
        </span>
      )}
    </form>
  );
};
