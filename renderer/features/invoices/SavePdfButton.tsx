import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureNotice, useFailureReason } from '../../ui/FailureNotice';
import { useSaveAndRecord } from '../exports';

interface SavePdfButtonProps {
  invoiceNumber: string;
  bytes: ArrayBuffer;
}

/** Saves the invoice as issued (the verified bytes, untouched) where the clerk chooses. */
export const SavePdfButton = ({ invoiceNumber, bytes }: SavePdfButtonProps) => {
  const { t } = useTranslation();
  const saveAndRecord = useSaveAndRecord();
  const reason = useFailureReason();
  const [outcome, setOutcome] = useState<
    { state: 'idle' | 'saving' | 'saved' } | { state: 'failed'; error: unknown }
  >({ state: 'idle' });
  return (
    <p>
      <button
        type="button"
        className="secondary"
        disabled={outcome.state === 'saving'}
        onClick={() => {
          setOutcome({ state: 'saving' });
          // Inside the promise: a synchronous throw (a detached buffer) is reported like a refusal.
          Promise.resolve()
            .then(() =>
              saveAndRecord(
                {
                  suggestedName: `invoice-${invoiceNumber}.pdf`,
                  mimeType: 'application/pdf',
                  bytes: new Uint8Array(bytes.slice(0)),
                },
                'invoicePdf',
                1,
              ),
            )
            .then(
              (result) => setOutcome({ state: result === 'saved' ? 'saved' : 'idle' }),
              (error: unknown) => setOutcome({ state: 'failed', error }),
            );
        }}
      >
        {t('invoice.savePdf')}
      </button>
      {outcome.state === 'saved' && (
        <span role="status" className="muted">
          {' '}
          {t('invoice.saved')}
        </span>
      )}
      {outcome.state === 'failed' && (
        <>
          {' '}
          <FailureNotice
            error={outcome.error}
            text={t('problems.action.savePdf', { reason: reason(outcome.error) })}
            area="action save PDF"
            className="notice--error"
          />
        </>
      )}
    </p>
  );
};
