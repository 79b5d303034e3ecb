import { useTranslation } from 'react-i18next';
import { failureOf } from './failures';
import { CopyDetailsButton } from './CopyDetailsButton';

/** The translated reason an action failed; an unknown failure gets "Copy details" instead of its raw text. */
export const useFailureReason = () => {
  const { t } = useTranslation();
  return (error: unknown): string => t(failureOf(error).key);
};

interface FailureNoticeProps {
  error: unknown;
  /** The sentence around the reason, already translated with it. */
  text: string;
  area: string;
  className?: string;
}

export const FailureNotice = ({
  error,
  text,
  area,
  className = 'notice notice--error',
}: FailureNoticeProps) => (
  <span role="alert" className={className}>
    {text}
    {!failureOf(error).known && (
      <>
        {' '}
        <CopyDetailsButton error={error} area={area} />
      </>
    )}
  </span>
);
