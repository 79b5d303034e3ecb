import { useId, useMemo, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CostCenter } from '../../../../shared/api/schemas';
import {
  COST_CENTER_FIELDS,
  type ColumnMapping,
  type CostCenterField,
  type FileReading,
} from '../../../../shared/costCenters/fileContract';
import { changesToApply, planImport } from '../../../../shared/costCenters/importPlan';
import { DateField } from '../../../ui/DateField';
import { FailureNotice, useFailureReason } from '../../../ui/FailureNotice';
import type { ImportSummary } from '../../../db/localEdits';
import type { ImportChange } from '../../../../shared/costCenters/importPlan';
import { ImportPreview } from './ImportPreview';
import type { ImportSession } from './useImportSession';

/** Column letters as the spreadsheet shows them: 0 → A, 25 → Z, 26 → AA. */
export const columnLetter = (index: number): string => {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
};

interface ImportDialogProps {
  session: Exclude<ImportSession, { phase: 'idle' }>;
  current: readonly CostCenter[];
  onRemap: (mapping: ColumnMapping) => void;
  onImportDate: (date: string) => void;
  onConfirm: () => void;
  onApply: (changes: readonly ImportChange[], summary: Omit<ImportSummary, 'sha256'>) => Promise<void>;
  onClose: () => void;
}

export const ImportDialog = (props: ImportDialogProps) => {
  const { t } = useTranslation();
  return (
    <ModalOverlay
      className="cc-import__overlay"
      isOpen
      isDismissable={false}
      isKeyboardDismissDisabled={false}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
    >
      <Modal className="cc-import__modal">
        <Dialog className="cc-import__dialog" aria-labelledby="cc-import-title">
          <Heading slot="title" id="cc-import-title">
            {t('costCenterImport.dialogTitle')}
          </Heading>
          <DialogBody {...props} />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
};

const DialogBody = ({
  session,
  current,
  onRemap,
  onImportDate,
  onConfirm,
  onApply,
  onClose,
}: ImportDialogProps) => {
  const { t } = useTranslation();
  const reason = useFailureReason();
  if (session.phase === 'reading') {
    return (
      <>
        <p role="status">{t('costCenterImport.reading', { fileName: session.fileName })}</p>
        <div className="actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('costCenterImport.cancel')}
          </button>
        </div>
      </>
    );
  }
  if (session.phase === 'failed') {
    return (
      <>
        {session.failure ? (
          <p role="alert" className="notice notice--error">
            {t(`costCenterFile.file.${session.failure.messageKey}`, { file: session.fileName })}
          </p>
        ) : (
          <p>
            <FailureNotice
              error={session.error}
              text={`${t('costCenterImport.readFailed', { fileName: session.fileName })} ${reason(session.error)}`}
              area="cost-centre import"
            />
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose} autoFocus>
            {t('costCenterImport.close')}
          </button>
        </div>
      </>
    );
  }
  return (
    <ReadingBody
      reading={session.reading}
      importDate={session.options.importDate}
      confirmed={session.confirmed}
      rereading={session.rereading}
      current={current}
      onRemap={onRemap}
      onImportDate={onImportDate}
      onConfirm={onConfirm}
      onApply={onApply}
      onClose={onClose}
    />
  );
};

interface ReadingBodyProps {
  reading: FileReading;
  importDate: string;
  confirmed: boolean;
  rereading: boolean;
  current: readonly CostCenter[];
  onRemap: (mapping: ColumnMapping) => void;
  onImportDate: (date: string) => void;
  onConfirm: () => void;
  onApply: (changes: readonly ImportChange[], summary: Omit<ImportSummary, 'sha256'>) => Promise<void>;
  onClose: () => void;
}

const ReadingBody = ({
  reading,
  importDate,
  confirmed,
  rereading,
  current,
  onRemap,
  onImportDate,
  onConfirm,
  onApply,
  onClose,
}: ReadingBodyProps) => {
  const { t } = useTranslation();
  const id = useId();
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const [validOnly, setValidOnly] = useState(false);
  const [applying, setApplying] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const plan = useMemo(
    () => planImport(current, reading, { deactivateMissing }),
    [current, reading, deactivateMissing],
  );
  const chosen = changesToApply(plan, { validOnly });
  const needsConfirmation = reading.unsure.length > 0 && !confirmed;
  const canApply = chosen.ok && chosen.changes.length > 0 && !needsConfirmation && !rereading && !applying;

  const format =
    reading.format === 'csv' && reading.csv
      ? t('costCenterImport.formats.csv', {
          encoding: reading.csv.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252',
          separator: t(
            `costCenterImport.separators.${reading.csv.separator === ',' ? 'comma' : reading.csv.separator === ';' ? 'semicolon' : 'tab'}`,
          ),
        })
      : t(`costCenterImport.formats.${reading.format === 'csv' ? 'xlsx' : reading.format}`);

  const choose = (field: CostCenterField, value: string) => {
    const column = value === '' ? undefined : Number(value);
    // A column holds one field: taking it for this field frees it from any other.
    const mapping: ColumnMapping = Object.fromEntries(
      Object.entries(reading.mapping).filter(([other, index]) => other !== field && index !== column),
    );
    onRemap(column === undefined ? mapping : { ...mapping, [field]: column });
  };

  const apply = async () => {
    if (!chosen.ok) return;
    setApplying(true);
    setFailed(null);
    try {
      await onApply(chosen.changes, {
        fileName: reading.fileName,
        created: chosen.changes.filter((change) => change.before === null).length,
        changed: plan.counts.changed,
        deactivated: plan.counts.deactivate,
        skipped: chosen.skippedErrors,
      });
    } catch (error) {
      setFailed(error);
      setApplying(false);
    }
  };

  return (
    <div className="cc-import__body" aria-busy={rereading || applying}>
      <dl className="cc-import__facts">
        <div>
          <dt>{t('costCenterImport.fileLabel')}</dt>
          <dd>{reading.fileName}</dd>
        </div>
        <div>
          <dt>{t('costCenterImport.formatLabel')}</dt>
          <dd>{format}</dd>
        </div>
        <div>
          <dt>{t('costCenterImport.layoutLabel')}</dt>
          <dd>{t(`costCenterImport.dialects.${reading.dialect}`)}</dd>
        </div>
        {reading.sheetName !== null && (
          <div>
            <dt>{t('costCenterImport.sheetLabel')}</dt>
            <dd>{reading.sheetName}</dd>
          </div>
        )}
        <div>
          <dt>{t('costCenterImport.headerRowLabel')}</dt>
          <dd>{reading.headerRow}</dd>
        </div>
      </dl>

      <fieldset className="cc-import__mapping">
        <legend>{t('costCenterImport.mappingTitle')}</legend>
        <p className="hint">{t('costCenterImport.mappingHint')}</p>
        {needsConfirmation && <p className="notice notice--warning">{t('costCenterImport.unsureHint')}</p>}
        <div className="cc-import__mapping-grid">
          {COST_CENTER_FIELDS.map((field) => {
            const unsure = needsConfirmation && reading.unsure.includes(field);
            const selectId = `${id}-${field}`;
            return (
              <div key={field} className={`cc-import__map${unsure ? ' cc-import__map--unsure' : ''}`}>
                <label htmlFor={selectId}>
                  {t(`costCenterImport.fields.${field}`)}
                  {unsure && (
                    <span className="badge badge--warning">{t('costCenterImport.unsureBadge')}</span>
                  )}
                </label>
                <select
                  id={selectId}
                  value={reading.mapping[field] === undefined ? '' : String(reading.mapping[field])}
                  onChange={(event) => choose(field, event.target.value)}
                  aria-invalid={unsure || undefined}
                >
                  <option value="">{t('costCenterImport.notInFile')}</option>
                  {reading.headers.map((header, index) => (
                    <option key={index} value={String(index)}>
                      {`${columnLetter(index)}: ${header}`}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
        {needsConfirmation && (
          <button type="button" className="secondary" onClick={onConfirm}>
            {t('costCenterImport.confirmMapping')}
          </button>
        )}
      </fieldset>

      <div className="cc-import__options">
        <div>
          <DateField
            label={t('costCenterImport.importDate')}
            value={importDate}
            onChange={(date) => {
              if (date !== null && date !== importDate) onImportDate(date);
            }}
          />
          <p className="hint">{t('costCenterImport.importDateHint')}</p>
        </div>
        <label className="cc-import__check">
          <input
            type="checkbox"
            checked={deactivateMissing}
            onChange={(event) => setDeactivateMissing(event.target.checked)}
          />
          {t('costCenterImport.deactivateMissing')}
        </label>
      </div>

      <section aria-labelledby={`${id}-summary`} className="cc-import__summary">
        <h3 id={`${id}-summary`}>{t('costCenterImport.summaryTitle')}</h3>
        <ul role="list">
          {(['new', 'changed', 'unchanged', 'error', 'deactivate'] as const).map((status) => (
            <li key={status} className={`cc-import__count cc-import__count--${status}`}>
              <span className="cc-import__count-value">{plan.counts[status]}</span>{' '}
              {t(`costCenterImport.summaryCount.${status}`, { count: plan.counts[status] })}
            </li>
          ))}
        </ul>
      </section>

      <ImportPreview plan={plan} />

      {plan.counts.error > 0 && (
        <label className="cc-import__check cc-import__valid-only">
          <input
            type="checkbox"
            checked={validOnly}
            onChange={(event) => setValidOnly(event.target.checked)}
          />
          {t('costCenterImport.validOnly', { count: plan.counts.error })}
        </label>
      )}
      {!chosen.ok && <p className="notice notice--warning">{t('costCenterImport.blockedByErrors')}</p>}
      {chosen.ok && needsConfirmation && (
        <p className="notice notice--warning">{t('costCenterImport.blockedByMapping')}</p>
      )}
      {chosen.ok && chosen.changes.length === 0 && (
        <p className="notice notice--ok">{t('costCenterImport.nothingToApply')}</p>
      )}
      {failed !== null && (
        <p>
          <FailureNotice error={failed} text={t('costCenterImport.applyFailed')} area="cost-centre import" />
        </p>
      )}
      <div className="actions">
        <button type="button" disabled={!canApply} onClick={() => void apply()}>
          {applying ? t('costCenterImport.applying') : t('costCenterImport.apply')}
        </button>
        <button type="button" className="secondary" onClick={onClose} disabled={applying}>
          {t('costCenterImport.cancel')}
        </button>
      </div>
    </div>
  );
};
