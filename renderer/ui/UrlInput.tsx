import type { ChangeEvent } from 'react';

/**
 * A field for a service's web address (a time-stamping authority, an update feed): typed as a URL
 * for the keyboard and autofill, never spell-checked, as long as the address bounds allow.
 */
export const UrlInput = (props: {
  id: string;
  value: string;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) => (
  <input
    id={props.id}
    type="url"
    inputMode="url"
    autoComplete="off"
    spellCheck={false}
    maxLength={2048}
    placeholder="https://"
    value={props.value}
    aria-invalid={props.invalid}
    aria-describedby={props.describedBy}
    onChange={props.onChange}
  />
);
