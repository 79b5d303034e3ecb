import { FailureNotice, useFailureReason } from './FailureNotice';

/** Where an export stands: running or saved (a sentence), failed (the error), or nothing to say. */
export type ExportState = { tone: 'ok'; text: string } | { tone: 'error'; error: unknown } | null;

interface ExportNoticeProps {
  state: ExportState;
  /** The failure sentence, given the translated reason. */
  failed: (reason: string) => string;
  /** Which export, for the error report's details. */
  area: string;
}

/** The one line under an export's buttons: progress and success read out politely, failures with details. */
export const ExportNotice = ({ state, failed, area }: ExportNoticeProps) => {
  const reason = useFailureReason();
  if (state === null) return null;
  if (state.tone === 'error') {
    return (
      <p>
        <FailureNotice error={state.error} text={failed(reason(state.error))} area={area} />
      </p>
    );
  }
  return (
    <p role="status" className="notice notice--ok">
      {state.text}
    </p>
  );
};
