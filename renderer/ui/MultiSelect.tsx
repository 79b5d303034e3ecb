import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './lists.css';

export interface MultiSelectOption {
  value: string;
  label: string;
}

interface MultiSelectProps {
  label: string;
  options: readonly MultiSelectOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
}

/** Above this many options the panel gets a box that narrows the list. */
const NARROW_FROM = 10;

/**
 * A filter that takes several values: a button that names the choice and opens a list of
 * checkboxes. A chosen value the list does not know (from a link or an old URL) stays chosen and is
 * shown as unknown, so the filter never claims "All" while it hides every row.
 */
const sameValues = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

export const MultiSelect = ({ label, options, selected: given, onChange }: MultiSelectProps) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // The choice usually lives in the URL, which answers a tick a render or more later. Until it
  // does, the ticks show what the clerk asked for, and a second tick adds to the first instead of
  // to the value the URL still holds (which would drop the first).
  const [asked, setAsked] = useState<{
    values: readonly string[];
    sent: ReadonlyArray<readonly string[]>;
  } | null>(null);
  if (asked !== null && !asked.sent.slice(0, -1).some((values) => sameValues(values, given)))
    // The parent caught up with the last tick, or changed the choice itself: it is right again.
    setAsked(null);
  const selected = asked?.values ?? given;
  const [narrow, setNarrow] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const labelId = useId();
  const summaryId = useId();
  const panelId = useId();
  const known = new Set(options.map((option) => option.value));
  const unknown = selected.filter((value) => !known.has(value));
  const labelOf = (value: string) =>
    options.find((option) => option.value === value)?.label ?? t('lists.unknownValue', { value });
  const summary =
    selected.length === 0
      ? t('lists.all')
      : selected.length <= 2
        ? selected.map(labelOf).join(', ')
        : t('lists.chosen', { count: selected.length });
  const needle = narrow.trim().toLowerCase();
  const shown = needle ? options.filter((option) => option.label.toLowerCase().includes(needle)) : options;

  const change = (next: string[]) => {
    setAsked({ values: next, sent: [...(asked?.sent ?? [given]), next] });
    onChange(next);
  };
  const toggle = (value: string, on: boolean) =>
    change(on ? [...selected, value] : selected.filter((candidate) => candidate !== value));
  const close = (focusButton: boolean) => {
    setOpen(false);
    setNarrow('');
    if (focusButton) button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      close(true);
    }
  };
  // Leaving the whole control (Tab out, a click elsewhere) closes the list.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (open && !event.currentTarget.contains(event.relatedTarget)) close(false);
  };

  return (
    <div className="filter-field multi-select" onKeyDown={onKeyDown} onBlur={onBlur}>
      <span id={labelId} className="multi-select__label">
        {label}
      </span>
      <button
        ref={button}
        type="button"
        className={`multi-select__button${unknown.length > 0 ? ' multi-select__button--unknown' : ''}`}
        aria-labelledby={`${labelId} ${summaryId}`}
        aria-expanded={open}
        aria-controls={panelId}
        title={summary}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <span id={summaryId} className="multi-select__summary">
          {summary}
        </span>
        <span aria-hidden="true" className="multi-select__chevron">
          ▾
        </span>
      </button>
      <div id={panelId} role="group" aria-labelledby={labelId} className="multi-select__panel" hidden={!open}>
        {open && options.length >= NARROW_FROM && (
          <input
            type="search"
            className="multi-select__narrow"
            aria-label={t('lists.narrow', { label })}
            value={narrow}
            onChange={(event) => setNarrow(event.target.value)}
          />
        )}
        {open && (
          <ul className="multi-select__options">
            {unknown.map((value) => (
              <li key={`unknown-${value}`}>
                <label className="multi-select__option multi-select__option--unknown">
                  <input type="checkbox" checked onChange={() => toggle(value, false)} />
                  {labelOf(value)}
                </label>
              </li>
            ))}
            {shown.map((option) => (
              <li key={option.value}>
                <label className="multi-select__option">
                  <input
                    type="checkbox"
                    checked={selected.includes(option.value)}
                    onChange={(event) => toggle(option.value, event.target.checked)}
                  />
                  {option.label}
                </label>
              </li>
            ))}
          </ul>
        )}
        {open && selected.length > 0 && (
          <button type="button" className="secondary multi-select__clear" onClick={() => change([])}>
            {t('lists.clear')}
          </button>
        )}
      </div>
    </div>
  );
};
