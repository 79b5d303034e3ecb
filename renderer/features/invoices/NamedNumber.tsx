import type { Names } from '../designations';

interface NamedNumberProps {
  number: string;
  /** The operator's or the clerk's name of it, if any. */
  name: string | undefined;
}

/**
 * A debtor or invoice reference: the number the clerk searches by, its name beside it. The title
 * carries both, for when a narrow column cuts the name.
 */
export const NamedNumber = ({ number, name }: NamedNumberProps) =>
  name ? (
    <span title={`${number} · ${name}`}>
      {number} <span className="muted">· {name}</span>
    </span>
  ) : (
    <>{number}</>
  );

/** The operator's label of a reference, where it says more than the clerk's own name beside it. */
export const OperatorLabel = ({ invoiceReference, names }: { invoiceReference: string; names: Names }) => {
  const label = names.referenceLabel(invoiceReference);
  if (!label || label === names.designation('invoiceReference', invoiceReference)) return null;
  return <span className="muted"> · {label}</span>;
};
