import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CostObjectTypeSchema, type CostCenterInput } from '../../../shared/api/schemas';
import {
  validateCenterForm,
  type CenterField,
  type CenterFieldError,
  type CenterFormValues,
} from '../../../shared/costCenters/centerForm';
import { ModalDialog } from '../../ui/ModalDialog';
import { useEditFailure } from './useEditFailure';

interface CenterDialogProps {
  /** Null for a new centre; else the code of the one edited (it cannot change). */
  code: string | null;
  initial: CenterFormValues;
  existingCodes: ReadonlySet<string>;
  onSave: (code: string, input: CostCenterInput) => Promise<void>;
  onClose: () => void;
}

const fieldOrder: readonly CenterField[] = ['code', 'name', 'owner', 'monthlyBudget'];

/** Creates or edits one cost centre; errors stand at their field, in the clerk's language. */
export const CenterDialog = ({ code, initial, existingCodes, onSave, onClose }: CenterDialogProps) => {
  const { t } = useTranslation();
  const id = useId();
  const creating = code === null;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<CenterFieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const { failure, setFailure, describe } = useEditFailure();
  const form = useRef<HTMLFormElement>(null);

  const errorOf = (field: CenterField) => errors.find((error) => error.field === field);
  const set = <K extends keyof CenterFormValues>(field: K, value: CenterFormValues[K]) =>
    setValues((previous) => ({ ...previous, [field]: value }));

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (saving) return;
    const result = validateCenterForm(values, { creating, existingCodes });
    setFailure(null);
    if (!result.ok) {
      setErrors(result.errors);
      const first = fieldOrder.find((field) => result.errors.some((error) => error.field === field));
      if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors([]);
    setSaving(true);
    onSave(result.code, result.input).then(onClose, (error: unknown) => {
      setSaving(false);
      setFailure(error);
    });
  };

  /** Props that tie a field to its help and its error, so both are read with it. */
  const described = (field: CenterField, help?: string) => {
    const error = errorOf(field);
    const ids = [help && `${id}-${field}-help`, error && `${id}-${field}-error`].filter(Boolean).join(' ');
    return {
      id: `${id}-${field}`,
      name: field,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': ids === '' ? undefined : ids,
    };
  };
  const fieldError = (field: CenterField) => {
    const error = errorOf(field);
    return error ? (
      <p className="cc-field__error" id={`${id}-${field}-error`}>
        {t(`costCenterPage.fieldErrors.${error.key}`)}
      </p>
    ) : null;
  };

  return (
    <ModalDialog
      title={creating ? t('costCenterPage.form.createTitle') : t('costCenterPage.form.editTitle', { code })}
      onClose={onClose}
    >
      <form ref={form} className="cc-form" noValidate onSubmit={submit}>
        {errors.length > 0 && (
          <p role="alert" className="notice notice--error">
            {t('costCenterPage.form.invalid')}
          </p>
        )}
        {creating && (
          <div className="cc-field">
            <label htmlFor={`${id}-code`}>{t('costCenterPage.form.code')}</label>
            <input
              {...described('code', 'help')}
              data-autofocus
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              value={values.code}
              onChange={(event) => set('code', event.target.value)}
            />
            <p className="hint" id={`${id}-code-help`}>
              {t('costCenterPage.form.codeHelp')}
            </p>
            {fieldError('code')}
          </div>
        )}
        <div className="cc-field">
          <label htmlFor={`${id}-name`}>{t('costCenterPage.form.name')}</label>
          <input
            {...described('name')}
            {...(creating ? {} : { 'data-autofocus': true })}
            autoComplete="off"
            maxLength={200}
            value={values.name}
            onChange={(event) => set('name', event.target.value)}
          />
          {fieldError('name')}
        </div>
        <div className="cc-field">
          <label htmlFor={`${id}-owner`}>{t('costCenterPage.form.owner')}</label>
          <input
            {...described('owner')}
            autoComplete="off"
            maxLength={200}
            value={values.owner}
            onChange={(event) => set('owner', event.target.value)}
          />
          {fieldError('owner')}
        </div>
        <div className="cc-field">
          <label htmlFor={`${id}-type`}>{t('costCenterPage.form.objectType')}</label>
          <select
            id={`${id}-type`}
            value={values.objectType}
            onChange={(event) => {
              const parsed = CostObjectTypeSchema.safeParse(event.target.value);
              if (parsed.success) set('objectType', parsed.data);
            }}
          >
            {CostObjectTypeSchema.options.map((type) => (
              <option key={type} value={type}>
                {t(`costCenterPage.objectTypes.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="cc-field">
          <label htmlFor={`${id}-monthlyBudget`}>{t('costCenterPage.form.budget')}</label>
          <input
            {...described('monthlyBudget', 'help')}
            autoComplete="off"
            inputMode="decimal"
            maxLength={40}
            value={values.monthlyBudget}
            onChange={(event) => set('monthlyBudget', event.target.value)}
          />
          <p className="hint" id={`${id}-monthlyBudget-help`}>
            {t('costCenterPage.form.budgetHelp')}
          </p>
          {fieldError('monthlyBudget')}
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.active}
            onChange={(event) => set('active', event.target.checked)}
          />
          {t('costCenterPage.form.active')}
        </label>
        {failure !== null && (
          <p role="alert" className="notice notice--error">
            {describe(failure)}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={saving}>
            {t('costCenterPage.form.save')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('costCenterPage.form.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
};
