import { lazy, Suspense } from 'react';
import { formatDate } from '../../shared/core/format';
import type { DateFieldProps } from './DatePickerField';
import { firstRows } from './firstRows';
import { useLanguage } from './useLanguage';
import './lists.css';

// The date picker's library is a quarter of a megabyte of script: fetched and evaluated once the
// page's table shows its first rows (or a second after the field first shows, whichever is first),
// not while the line index is being built for them.
const DatePickerField = lazy(() =>
  firstRows
    .after(1000)
    .then(() => import('./DatePickerField'))
    .then((module) => ({ default: module.DatePickerField })),
);

/** Until the picker has loaded: the same box with the same value, not yet editable. */
const DateFieldPlaceholder = ({ label, value }: Pick<DateFieldProps, 'label' | 'value'>) => {
  const language = useLanguage();
  return (
    <div className="filter-field date-field" aria-busy="true">
      <span className="date-field__label">{label}</span>
      <div className="date-field__group">
        <span className="date-field__input">
          {value ? (
            formatDate(value, language)
          ) : (
            // Holds the width of a date, so nothing moves when the picker takes over.
            <span className="date-field__ghost">{formatDate('2026-12-31', language)}</span>
          )}
        </span>
        <span className="date-field__open" aria-hidden="true">
          ▾
        </span>
      </div>
    </div>
  );
};

/** The one way a date is typed in the app (see DatePickerField). */
export const DateField = (props: DateFieldProps) => (
  <Suspense fallback={<DateFieldPlaceholder label={props.label} value={props.value} />}>
    <DatePickerField {...props} />
  </Suspense>
);
