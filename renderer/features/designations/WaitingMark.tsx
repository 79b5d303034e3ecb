import { useTranslation } from 'react-i18next';
import type { WaitingState } from '../../../shared/designations/nameRows';

const tone = {
  pending: 'badge--warning',
  conflict: 'badge--danger',
  rejected: 'badge--danger',
} as const satisfies Record<WaitingState, string>;

/** Marks an own name the operator does not have yet, or has refused (the clerk settles it in Settings). */
export const WaitingMark = ({ state }: { state: WaitingState | null }) => {
  const { t } = useTranslation();
  if (state === null) return null;
  return <span className={`badge ${tone[state]}`}>{t(`names.waiting.${state}`)}</span>;
};
