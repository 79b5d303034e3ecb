import { parseDate, type CalendarDate } from '@internationalized/date';
import { useTranslation } from 'react-i18next';
import './lists.css';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
} from 'react-aria-components';
import { formattingLocale } from '../../shared/i18n/languages';
import { useLanguage } from './useLanguage';

export interface DateFieldProps {
  label: string;
  /** ISO calendar day, or null when empty. */
  value: string | null | undefined;
  onChange: (value: string | null) => void;
}

const toCalendarDate = (iso: string | null | undefined): CalendarDate | null => {
  if (!iso) return null;
  try {
    return parseDate(iso);
  } catch {
    // A value the URL carried that is no day at all: the field stays empty rather than failing.
    return null;
  }
};

/**
 * The one way a date is typed in the app: segments in the order and with the separators of the
 * app's language (de-CH "07.01.2026", en-CH "07/01/2026"), whatever the browser's language, and a
 * calendar for the mouse. react-aria-components gives every segment its role and name.
 */
export const DatePickerField = ({ label, value, onChange }: DateFieldProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <I18nProvider locale={formattingLocale[language]}>
      <DatePicker
        className="filter-field date-field"
        value={toCalendarDate(value)}
        granularity="day"
        // "01.07.2026" as the app writes dates everywhere else, not CLDR's short "1.7.2026".
        shouldForceLeadingZeros
        onChange={(next) => onChange(next ? next.toString() : null)}
      >
        <Label>{label}</Label>
        <Group className="date-field__group">
          <DateInput className="date-field__input">
            {(segment) => <DateSegment segment={segment} className="date-field__segment" />}
          </DateInput>
          <Button className="date-field__open" aria-label={t('lists.openCalendar', { label })}>
            <span aria-hidden="true">▾</span>
          </Button>
        </Group>
        <Popover className="date-field__popover" placement="bottom start">
          <Dialog className="date-field__dialog" aria-label={label}>
            <Calendar className="date-field__calendar">
              <header className="date-field__header">
                <Button slot="previous" aria-label={t('lists.previousMonth')}>
                  <span aria-hidden="true">‹</span>
                </Button>
                <Heading />
                <Button slot="next" aria-label={t('lists.nextMonth')}>
                  <span aria-hidden="true">›</span>
                </Button>
              </header>
              <CalendarGrid>
                {(date) => <CalendarCell date={date} className="date-field__day" />}
              </CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
};
