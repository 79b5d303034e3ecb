import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment, CostCenter, KeyKind } from '../../../shared/api/schemas';
import type { AssignmentChange } from '../../../shared/allocation/changes';
import {
  addPeriod,
  canAddSplit,
  draftOf,
  isTypingProblem,
  openPeriodBefore,
  parseDay,
  readDraft,
  readForm,
  typedShares,
  type FormProblem,
  type PeriodDraft,
} from '../../../shared/allocation/splitForm';
import { addDays } from '../../../shared/core/dates';
import { formatDate } from '../../../shared/core/format';
import { ModalDialog } from '../../ui/ModalDialog';
import { useNames } from '../designations';
import { useLanguage } from '../../ui/useLanguage';
import { newAssignmentId } from '../../db/assignmentEdits';
import { assignmentsOfKey, editFailureText, periodText, problemText, splitsText } from './assignmentText';
import { useAssignmentEdits } from './edits';
import { ImpactPreview } from './ImpactPreview';
import { useAssignments, useCostCenters } from './queries';
import { announce } from './split/announce';
import { CentreCombo } from './split/CentreCombo';
import './split/split.css';

interface SplitDialogProps {
  assignmentKey: { kind: KeyKind; key: string };
  onClose: () => void;
}

/**
 * Splits a key (a franking licence, an invoice reference or a service) over cost centres, period by
 * period: the clerk edits a period's shares and validity, adds the next period (ending the open one
 * the day before) or deletes one; every problem is shown at its field before anything is written,
 * the impact of the exact batch before it is confirmed, and the batch is one undoable change.
 */
export const SplitDialog = ({ assignmentKey, onClose }: SplitDialogProps) => {
  const { t } = useTranslation();
  const assignments = useAssignments();
  const centers = useCostCenters();
  const title = t('assignmentSplit.title', {
    what: `${t(`designation.kinds.${assignmentKey.kind}`)} ${assignmentKey.key}`,
  });
  return (
    <ModalDialog title={title} onClose={onClose}>
      {assignments && centers ? (
        <SplitForm
          kind={assignmentKey.kind}
          assignmentKey={assignmentKey.key}
          assignments={assignments.rows}
          centers={centers.rows}
          onClose={onClose}
        />
      ) : (
        <p role="status">{t('assignmentSplit.loading')}</p>
      )}
    </ModalDialog>
  );
};

interface SplitFormProps {
  kind: KeyKind;
  assignmentKey: string;
  assignments: readonly Assignment[];
  centers: readonly CostCenter[];
  onClose: () => void;
}

const emptyDraft = (): PeriodDraft => ({
  id: newAssignmentId(),
  splits: [{ costCenterCode: '', percent: '100' }],
  validFrom: '',
  validTo: '',
});

/** A field's DOM id: "splits.0.percent" → "…-splits-0-percent". */
const fieldId = (base: string, field: string) => `${base}-${field.replaceAll('.', '-')}`;

const SplitForm = ({ kind, assignmentKey, assignments, centers, onClose }: SplitFormProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = useNames();
  const edits = useAssignmentEdits();
  const base = useId();
  const formatDay = (iso: string) => formatDate(iso, language);
  const example = formatDay('2026-03-15');
  const centerMap = useMemo(() => new Map(centers.map((center) => [center.code, center])), [centers]);
  const [drafts, setDrafts] = useState<PeriodDraft[]>(() => {
    const stored = assignmentsOfKey(assignments, kind, assignmentKey);
    return stored.length > 0 ? stored.map((row) => draftOf(row, formatDay)) : [emptyDraft()];
  });
  const [selected, setSelected] = useState<number | null>(() => (drafts.length === 1 ? 0 : null));
  const [newFrom, setNewFrom] = useState('');
  const [newFromError, setNewFromError] = useState(false);
  const [endOpen, setEndOpen] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [portal, setPortal] = useState<Element | undefined>(undefined);

  const reading = useMemo(
    () => readForm({ kind, key: assignmentKey, assignments, centers, drafts }),
    [kind, assignmentKey, assignments, centers, drafts],
  );
  // The preview recomputes when the batch changes, not at every keystroke that leaves it equal.
  const batchKey = JSON.stringify(reading.batch);
  const batch = useMemo((): AssignmentChange[] | null => reading.batch, [batchKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const designation =
    kind === 'service' ? names.service(assignmentKey) : names.designation(kind, assignmentKey);
  const describe = (problem: FormProblem): string =>
    isTypingProblem(problem)
      ? t(`assignmentSplit.problems.${problem.code}`, { example })
      : problemText(t, language, problem, centerMap);

  /** A draft's period in words as soon as its dates read, whatever its shares say yet. */
  const periodOf = (draft: PeriodDraft): string | null => {
    const validFrom = parseDay(draft.validFrom);
    const validTo = parseDay(draft.validTo);
    return validFrom === undefined || validTo === undefined
      ? null
      : periodText(t, language, { validFrom, validTo });
  };
  const periodName = (draft: PeriodDraft): string => periodOf(draft) ?? t('assignmentSplit.unreadable');
  const summary = (draft: PeriodDraft): string => {
    const { input } = readDraft(kind, assignmentKey, draft);
    return t('assignmentSplit.periodSummary', {
      period: periodName(draft),
      splits: input ? splitsText(t, input, centerMap) : t('assignmentSplit.incomplete'),
    });
  };

  const update = (index: number, change: (draft: PeriodDraft) => PeriodDraft) => {
    setFailure(null);
    setDrafts((current) => current.map((draft, at) => (at === index ? change(draft) : draft)));
  };

  const remove = (index: number) => {
    const draft = drafts[index];
    if (!draft) return;
    setFailure(null);
    setDrafts(drafts.filter((_, at) => at !== index));
    setSelected((current) =>
      current === null || current === index ? null : current > index ? current - 1 : current,
    );
    announce(t('assignmentSplit.periodDeleted', { period: periodName(draft) }));
  };

  const newFromDay = parseDay(newFrom);
  const cut = newFromDay ? openPeriodBefore(drafts, newFromDay) : -1;
  const cutDraft = drafts[cut];

  const add = () => {
    if (newFromDay === undefined || (newFromDay === null && drafts.length > 0)) {
      setNewFromError(true);
      return;
    }
    setNewFromError(false);
    setFailure(null);
    const added = addPeriod(drafts, newFromDay, newAssignmentId(), formatDay, { endOpen });
    setDrafts(added.drafts);
    setSelected(added.drafts.length - 1);
    setNewFrom('');
    const ended = added.ended === null ? undefined : added.drafts[added.ended];
    announce(
      ended
        ? t('assignmentSplit.periodAddedEnding', {
            from: newFromDay ? formatDay(newFromDay) : '',
            period: periodName(ended),
          })
        : t('assignmentSplit.periodAdded', { period: periodName(added.drafts.at(-1) ?? emptyDraft()) }),
    );
  };

  const confirm = () => {
    if (!batch || batch.length === 0 || busy) return;
    setBusy(true);
    setFailure(null);
    edits.apply(batch, { action: 'split', kind, key: assignmentKey }).then(
      () => {
        announce(
          t('assignmentChanges.done', {
            action: t('assignmentChanges.labels.split', { key: assignmentKey }),
          }),
        );
        onClose();
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(editFailureText(t, language, error, centerMap));
      },
    );
  };

  const draftProblems = (index: number) => reading.problems[index] ?? [];
  const selectedDraft = selected === null ? undefined : drafts[selected];
  const anyProblem = reading.problems.some((list) => list.length > 0);

  return (
    <div className="split" ref={(element) => setPortal(element?.closest('dialog') ?? undefined)}>
      <p className="split__key">
        <span className="muted">{t('assignmentSplit.designation')}</span>{' '}
        {designation && designation !== assignmentKey ? designation : t('assignmentSplit.noDesignation')}
      </p>

      <section aria-labelledby={`${base}-periods`}>
        <h3 id={`${base}-periods`}>{t('assignmentSplit.periodsTitle')}</h3>
        {drafts.length === 0 ? (
          <p className="empty">{t('assignmentSplit.periodsEmpty')}</p>
        ) : (
          <ul className="split__periods">
            {drafts.map((draft, index) => {
              const problems = draftProblems(index).length > 0;
              const isNew = !assignments.some((row) => row.id === draft.id);
              return (
                <li
                  key={draft.id}
                  className={index === selected ? 'split__period is-selected' : 'split__period'}
                >
                  <span className="split__period-text">
                    {summary(draft)}
                    {isNew && <span className="split__badge">{t('assignmentSplit.new')}</span>}
                    {problems && (
                      <span className="split__badge split__badge--problem">
                        {t('assignmentSplit.toCorrect')}
                      </span>
                    )}
                  </span>
                  <span className="split__period-actions">
                    <button
                      type="button"
                      className="secondary"
                      aria-pressed={index === selected}
                      aria-label={t('assignmentSplit.editPeriod', { period: periodName(draft) })}
                      onClick={() => setSelected(index === selected ? null : index)}
                    >
                      {t('assignmentSplit.edit')}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('assignmentSplit.deletePeriod', { period: periodName(draft) })}
                      onClick={() => remove(index)}
                    >
                      {t('assignmentSplit.delete')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        <div className="split__add">
          <div className="split__field">
            <label htmlFor={`${base}-new-from`}>{t('assignmentSplit.newFrom')}</label>
            <input
              id={`${base}-new-from`}
              value={newFrom}
              aria-invalid={newFromError}
              aria-describedby={`${base}-new-from-hint`}
              onChange={(event) => {
                setNewFrom(event.target.value);
                setNewFromError(false);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') add();
              }}
            />
            <p id={`${base}-new-from-hint`} className={newFromError ? 'split-error' : 'hint'}>
              {newFromError
                ? t('assignmentSplit.problems.dateInvalid', { example })
                : drafts.length === 0
                  ? t('assignmentSplit.newFromHintFirst', { example })
                  : t('assignmentSplit.newFromHint', { example })}
            </p>
          </div>
          {cutDraft && newFromDay && (
            <label className="split__check">
              <input
                type="checkbox"
                checked={endOpen}
                onChange={(event) => setEndOpen(event.target.checked)}
              />
              {t('assignmentSplit.endOpen', {
                period: periodName(cutDraft),
                day: formatDay(addDays(newFromDay, -1)),
              })}
            </label>
          )}
          <button type="button" className="secondary" onClick={add}>
            {t('assignmentSplit.addPeriod')}
          </button>
        </div>
      </section>

      {selectedDraft && selected !== null && (
        <PeriodEditor
          key={selectedDraft.id}
          base={`${base}-p${selected}`}
          draft={selectedDraft}
          problems={draftProblems(selected)}
          centers={centers}
          describe={describe}
          example={example}
          portal={portal}
          title={(() => {
            const period = periodOf(selectedDraft);
            return period === null
              ? t('assignmentSplit.editorUntitled')
              : t('assignmentSplit.editorTitle', { period });
          })()}
          onChange={(change) => update(selected, change)}
        />
      )}

      {batch && batch.length > 0 && <ImpactPreview changes={batch} centers={centerMap} />}

      {failure && (
        <p role="alert" className="split-error">
          {failure}
        </p>
      )}
      <p className="split__state" role="status">
        {anyProblem
          ? t('assignmentSplit.fixFirst')
          : batch && batch.length === 0
            ? t('assignmentSplit.nothingToConfirm')
            : ''}
      </p>
      <div className="cc-dialog__actions split__actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t('assignmentSplit.cancel')}
        </button>
        <button type="button" onClick={confirm} disabled={!batch || batch.length === 0 || busy}>
          {busy ? t('assignmentSplit.saving') : t('assignmentSplit.confirm')}
        </button>
      </div>
    </div>
  );
};

interface PeriodEditorProps {
  base: string;
  title: string;
  draft: PeriodDraft;
  problems: readonly FormProblem[];
  centers: readonly CostCenter[];
  describe: (problem: FormProblem) => string;
  example: string;
  portal: Element | undefined;
  onChange: (change: (draft: PeriodDraft) => PeriodDraft) => void;
}

/** One period's shares and validity, each problem under the field it is about. */
const PeriodEditor = ({
  base,
  title,
  draft,
  problems,
  centers,
  describe,
  example,
  portal,
  onChange,
}: PeriodEditorProps) => {
  const { t } = useTranslation();
  const at = (field: string) => problems.filter((problem) => problem.field === field).map(describe);
  const errorOf = (field: string) => at(field).join(' ') || null;
  const shares = typedShares(draft);
  const sum = shares.reduce((total, share) => total + share, 0);
  const splitsError = errorOf('splits');
  const setSplit = (index: number, patch: Partial<PeriodDraft['splits'][number]>) =>
    onChange((current) => ({
      ...current,
      splits: current.splits.map((split, position) => (position === index ? { ...split, ...patch } : split)),
    }));

  const dateField = (field: 'validFrom' | 'validTo', label: string) => {
    const error = errorOf(field);
    const id = fieldId(base, field);
    return (
      <div className="split__field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          value={draft[field]}
          placeholder={t('assignmentSplit.noLimit')}
          aria-invalid={error !== null}
          aria-describedby={`${id}-message`}
          onChange={(event) => {
            const value = event.target.value;
            onChange((current) => ({ ...current, [field]: value }));
          }}
        />
        <p id={`${id}-message`} className={error ? 'split-error' : 'hint'}>
          {error ?? t('assignmentSplit.dateHint', { example })}
        </p>
      </div>
    );
  };

  return (
    <fieldset
      className="split__editor"
      aria-describedby={`${fieldId(base, 'splits')}-sum ${fieldId(base, 'splits')}-message`}
    >
      <legend>{title}</legend>
      <div className="split__rows" role="group" aria-label={t('assignmentSplit.splitsLabel')}>
        {draft.splits.map((split, index) => {
          const percentId = fieldId(base, `splits.${index}.percent`);
          const percentError = errorOf(`splits.${index}.percent`);
          return (
            <div className="split__row" key={index}>
              <CentreCombo
                label={t('assignmentSplit.centreN', { n: index + 1 })}
                value={split.costCenterCode}
                onChange={(code) => setSplit(index, { costCenterCode: code })}
                centers={centers}
                error={errorOf(`splits.${index}.costCenterCode`)}
                portal={portal}
              />
              <div className="split__percent">
                <label htmlFor={percentId} className="visually-hidden">
                  {t('assignmentSplit.percentN', { n: index + 1 })}
                </label>
                <input
                  id={percentId}
                  inputMode="numeric"
                  value={split.percent}
                  aria-invalid={percentError !== null}
                  aria-describedby={percentError ? `${percentId}-message` : undefined}
                  onChange={(event) => setSplit(index, { percent: event.target.value })}
                />
                <span aria-hidden="true">%</span>
                {percentError && (
                  <p id={`${percentId}-message`} className="split-error">
                    {percentError}
                  </p>
                )}
              </div>
              <button
                type="button"
                className="secondary split__remove"
                aria-label={t('assignmentSplit.removeCentre', { n: index + 1 })}
                disabled={draft.splits.length === 1}
                onClick={() =>
                  onChange((current) => ({
                    ...current,
                    splits: current.splits.filter((_, position) => position !== index),
                  }))
                }
              >
                <span aria-hidden="true">✕</span>
              </button>
            </div>
          );
        })}
      </div>
      <button
        type="button"
        className="secondary"
        disabled={!canAddSplit(draft)}
        onClick={() =>
          onChange((current) => ({
            ...current,
            splits: [...current.splits, { costCenterCode: '', percent: String(Math.max(0, 100 - sum)) }],
          }))
        }
      >
        {t('assignmentSplit.addCentre')}
      </button>
      <p id={`${fieldId(base, 'splits')}-sum`} className="split__sum" aria-live="polite">
        {t('assignmentSplit.sum', {
          parts: shares.length > 0 ? shares.map((share) => `${share} %`).join(' + ') : '0 %',
          sum,
        })}
      </p>
      <p id={`${fieldId(base, 'splits')}-message`} className="split-error">
        {splitsError}
      </p>
      <div className="split__validity">
        {dateField('validFrom', t('assignmentSplit.validFrom'))}
        {dateField('validTo', t('assignmentSplit.validTo'))}
      </div>
    </fieldset>
  );
};
