import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChf, formatDate } from '../../../shared/core/format';
import type { Language } from '../../../shared/i18n/languages';
import { formatChoices, formatLanguageFor, useFormatChoice } from '../../ui/useLanguage';

// Each choice shows what it looks like, so the clerk picks by sight rather than by locale name.
const example = (language: Language) =>
  `${formatChf(123450, language)} · ${formatDate('2026-03-31', language)}`;

/** "Number and date format": one of the four Swiss forms, or the app language's (the default). */
export const FormatChoiceField = () => {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { choice, setChoice } = useFormatChoice();
  return (
    <div className="field">
      <label htmlFor={id}>{t('settings.format')}</label>
      <select
        id={id}
        value={choice}
        onChange={(event) => {
          const next = formatChoices.find((candidate) => candidate === event.target.value);
          if (!next) return;
          setChoice(next);
          // Sentences with counts are formatted inside i18next: re-render every translated text.
          void i18n.changeLanguage(i18n.language);
        }}
      >
        {formatChoices.map((option) => (
          <option key={option} value={option}>
            {option === 'auto'
              ? t('settings.formatAuto', { example: example(formatLanguageFor(i18n.language, 'auto')) })
              : t('settings.formatSwiss', {
                  form: t(`settings.formatForms.${option}`),
                  example: example(option),
                })}
          </option>
        ))}
      </select>
    </div>
  );
};
