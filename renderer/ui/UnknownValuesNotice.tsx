import { useTranslation } from 'react-i18next';
import type { MultiSelectOption } from './MultiSelect';

interface UnknownValuesNoticeProps {
  fields: readonly {
    label: string;
    options: readonly MultiSelectOption[];
    selected: readonly string[] | undefined;
  }[];
}

/** Says which chosen filter values the archive does not hold (a link to `?lic=99999999`): why nothing matches. */
export const UnknownValuesNotice = ({ fields }: UnknownValuesNoticeProps) => {
  const { t } = useTranslation();
  const unknown = fields.flatMap((field) => {
    const values = (field.selected ?? []).filter(
      (value) => !field.options.some((option) => option.value === value),
    );
    return values.length > 0 ? [{ field: field.label, values: values.join(', ') }] : [];
  });
  if (unknown.length === 0) return null;
  return (
    <div role="status" className="notice notice--warning filter-notice">
      {unknown.map((entry) => (
        <p key={entry.field}>{t('lists.unknownNotice', entry)}</p>
      ))}
    </div>
  );
};
