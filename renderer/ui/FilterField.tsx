import { useId, type ReactNode } from 'react';

interface FilterFieldProps {
  label: string;
  children: (id: string) => ReactNode;
}

/** A label tied to its control by id, so the control's accessible name is exactly the label. */
export const FilterField = ({ label, children }: FilterFieldProps) => {
  const id = useId();
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
};
