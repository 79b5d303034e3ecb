import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../platform/PlatformContext';

interface SavePdfButtonProps {
  invoiceNumber: string;
  bytes: ArrayBuffer;
}

/** Saves the invoice as issued (the verified bytes, untouched) where the clerk chooses. */
export const SavePdfButton = ({ invoiceNumber, bytes }: SavePdfButtonProps) => {
  const { t } = useTranslation();
  const platform = usePlatform();
  const [saved, setSaved] = useState(false);
  return (
    <p>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          void platform
            .saveFile({
              suggestedName: `invoice-${invoiceNumber}.pdf`,
              mimeType: 'application/pdf',
              bytes: new Uint8Array(bytes.slice(0)),
            })
            .then((outcome) => setSaved(outcome === 'saved'));
        }}
      >
        {t('invoice.savePdf')}
      </button>
      {saved && (
        <span role="status" className="muted">
          {' '}
          {t('invoice.saved')}
        </span>
      )}
    </p>
  );
};
