import { useTranslation } from 'react-i18next';
import { openFileFormats } from '../../../shared/ipc/openFile';
import { FailureNotice, useFailureReason } from '../../ui/FailureNotice';
import { useDispatchCommand } from './CommandContext';
import { useWindowFileDrop } from './useWindowFileDrop';

const extensions = openFileFormats.map((format) => `.${format}`).join(', ');

/** The window's drop zone (useWindowFileDrop): its overlay while a file is dragged, and why a drop was refused. */
export const WindowDrop = () => {
  const { t } = useTranslation();
  const reason = useFailureReason();
  const { dragging, problem, dismiss } = useWindowFileDrop(useDispatchCommand());
  return (
    <>
      {problem !== null && (
        <div className="window-drop__problem">
          {problem.kind === 'unsupported' ? (
            <p role="alert" className="notice notice--error">
              {t('commands.dropUnsupported', { fileName: problem.fileName, extensions })}
            </p>
          ) : (
            <p>
              <FailureNotice
                error={problem.error}
                text={`${t('commands.dropUnreadable', { fileName: problem.fileName })} ${reason(problem.error)}`}
                area="window file drop"
              />
            </p>
          )}
          <button type="button" className="secondary" onClick={dismiss}>
            {t('commands.dismiss')}
          </button>
        </div>
      )}
      {dragging && (
        <div className="window-drop__overlay" aria-hidden="true">
          <p>{t('commands.dropOverlay')}</p>
        </div>
      )}
    </>
  );
};
