import { useTranslation } from 'react-i18next';

interface ColumnChooserProps<Id extends string> {
  all: readonly Id[];
  chosen: readonly Id[];
  headers: Record<Id, string>;
  onChange: (chosen: Id[]) => void;
}

/** A disclosure with one checkbox per column; at least one column always stays. */
export const ColumnChooser = <Id extends string>({
  all,
  chosen,
  headers,
  onChange,
}: ColumnChooserProps<Id>) => {
  const { t } = useTranslation();
  return (
    <details className="column-chooser">
      <summary>{t('lines.columns')}</summary>
      <fieldset>
        <legend className="visually-hidden">{t('lines.columns')}</legend>
        {all.map((id) => (
          <label key={id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(id)}
              disabled={chosen.length === 1 && chosen.includes(id)}
              onChange={(event) =>
                onChange(
                  all.filter((candidate) =>
                    candidate === id ? event.target.checked : chosen.includes(candidate),
                  ),
                )
              }
            />
            {headers[id]}
          </label>
        ))}
      </fieldset>
    </details>
  );
};
