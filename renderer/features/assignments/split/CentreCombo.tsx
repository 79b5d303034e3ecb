import { useTranslation } from 'react-i18next';
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
} from 'react-aria-components';
import type { CostCenter } from '../../../../shared/api/schemas';

interface CentreComboProps {
  label: string;
  /** The chosen code; empty while none is chosen. */
  value: string;
  onChange: (code: string) => void;
  /** Active centres, and the chosen one even when it is not (so a stored split still reads). */
  centers: readonly CostCenter[];
  /** What is wrong with the choice, shown under it and linked to it; null when nothing is. */
  error: string | null;
  /** Inside a modal <dialog> the list must open in the dialog (the top layer), not in the body. */
  portal: Element | undefined;
}

/** A cost centre by code or name: the clerk types "21" or "sales" and picks from what matches. */
export const CentreCombo = ({ label, value, onChange, centers, error, portal }: CentreComboProps) => {
  const { t } = useTranslation();
  const items = centers.filter((center) => center.active || center.code === value);
  return (
    <ComboBox
      className="split-centre"
      value={value === '' ? null : value}
      onChange={(key) => onChange(typeof key === 'string' ? key : '')}
      isInvalid={error !== null}
      validationBehavior="aria"
      menuTrigger="focus"
      allowsEmptyCollection
    >
      <Label className="visually-hidden">{label}</Label>
      <div className="split-centre__group">
        <Input className="split-centre__input" />
        <Button className="split-centre__open" aria-label={t('assignmentSplit.showCentres', { label })}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <FieldError className="split-error">{error}</FieldError>
      <Popover
        className="split-centre__popover"
        placement="bottom start"
        // The modal <dialog> sits in the top layer and makes the body inert: a list portalled to the
        // body could be neither seen nor clicked. UNSAFE_PortalProvider, the successor, is not
        // exported by react-aria-components, the one react-aria package the app depends on.
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        UNSTABLE_portalContainer={portal}
      >
        <ListBox
          className="split-centre__list"
          renderEmptyState={() => <p className="split-centre__empty">{t('assignmentSplit.noCentres')}</p>}
        >
          {items.map((center) => (
            <ListBoxItem
              key={center.code}
              id={center.code}
              textValue={`${center.code} ${center.name}`}
              className="split-centre__item"
            >
              <span className="split-centre__code">{center.code}</span> {center.name}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </ComboBox>
  );
};
