import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../shared/core/format';
import { useLanguage } from './useLanguage';

/**
 * The button under a capped list: every entry, or the first ones again. It names the list it
 * controls, so a screen reader announces what opens.
 */
export const ShowAllToggle = ({
  expanded,
  total,
  controls,
  onToggle,
}: {
  expanded: boolean;
  /** Entries in the whole list, said on the button while it is capped. */
  total: number;
  /** The list's id. */
  controls: string;
  onToggle: () => void;
}) => {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <button
      type="button"
      className="secondary"
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
    >
      {expanded ? t('overview.showFewer') : t('overview.showAll', { n: formatInteger(total, language) })}
    </button>
  );
};
