import { useId, useRef, useState, type SyntheticEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../../shared/api/schemas';
import { PreferencesEditError } from '../../../shared/preferences/errors';
import {
  draftOf,
  emailProblems,
  MAX_EMAIL_LENGTH,
  MAX_EMAILS,
  preferencesFromDraft,
  type EmailProblem,
  type PreferencesDraft,
} from '../../../shared/preferences/validation';
import type { OutboxRow } from '../../db/records';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { FailureNotice, useFailureReason } from '../../ui/FailureNotice';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import { useLanguage } from '../../ui/useLanguage';
import { useSyncController } from '../../workers/sync/SyncContext';
import { describeRejection, describeValue } from './describeChange';
import { useSavePreferences, useSettleConflict } from './edits';
import { PaperlessSavings } from './PaperlessSavings';
import { useOperatorPreferences, usePreferencesEdit } from './queries';
import './preferences.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'unchanged' }
  | { kind: 'fixFirst' }
  | { kind: 'notSynced' }
  | { kind: 'failed'; error: unknown };

const sameDraft = (a: PreferencesDraft, b: PreferencesDraft): boolean => {
  const left = preferencesFromDraft(a);
  const right = preferencesFromDraft(b);
  return left.ok && right.ok && JSON.stringify(left.value) === JSON.stringify(right.value);
};

/** The clerk's edit while it waits: pending, met another user's edit (412), or refused. */
const EditState = ({ edit }: { edit: OutboxRow }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const settle = useSettleConflict();
  const sync = useSyncController();
  const reason = useFailureReason();
  const [failure, setFailure] = useState<unknown>(null);
  const seq = edit.seq;
  const act = (action: 'mine' | 'theirs') => {
    if (seq === undefined) return;
    setFailure(null);
    settle(action, seq).then(
      () => sync.syncNow(),
      (error: unknown) => setFailure(error),
    );
  };
  return (
    <div
      className={`notice preferences__state ${edit.state === 'pending' ? '' : 'notice--warning'}`}
      role="status"
    >
      {edit.state === 'pending' && <p>{t('preferences.state.pending')}</p>}
      {edit.state === 'conflict' && (
        <>
          <p>{t('preferences.state.conflict')}</p>
          {edit.current && (
            <p>
              {t('preferences.state.conflictTheirs', {
                value: describeValue('preferences', edit.current.value, t, language),
              })}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={() => act('mine')}>
              {t('preferences.keepMine')}
            </button>
            <button type="button" className="secondary" onClick={() => act('theirs')}>
              {t('preferences.takeTheirs')}
            </button>
          </div>
        </>
      )}
      {edit.state === 'rejected' && (
        <>
          <p>{t('preferences.state.rejected', { reason: describeRejection(edit.reason?.code, t) })}</p>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => act('theirs')}>
              {t('preferences.takeTheirs')}
            </button>
          </div>
        </>
      )}
      {failure !== null && (
        <FailureNotice
          error={failure}
          text={t('problems.action.settle', { reason: reason(failure) })}
          area="settings preferences"
        />
      )}
    </div>
  );
};

const problemText = (problem: EmailProblem, t: TFunction): string =>
  t(`preferences.problem.${problem.code}`, {
    number: problem.index + 1,
    address: problem.address,
    max: problem.code === 'tooLong' ? MAX_EMAIL_LENGTH : MAX_EMAILS,
  });

interface FormProps {
  stored: Preferences;
  status: Status;
  setStatus: (status: Status) => void;
}

/** The form over the stored preferences; remounted (and so reset) whenever they change. */
const PreferencesForm = ({ stored, status, setStatus }: FormProps) => {
  const { t } = useTranslation();
  const id = useId();
  const save = useSavePreferences();
  const reason = useFailureReason();
  const initial = useState(() => draftOf(stored))[0];
  const [draft, setDraft] = useState<PreferencesDraft>(initial);
  // An address being typed for the first time is not called invalid until the clerk leaves it.
  const [left, setLeft] = useState<ReadonlySet<number>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const inputs = useRef<Array<HTMLInputElement | null>>([]);

  const problems = emailProblems(draft.emails);
  const shown = problems.filter(
    (problem) => problem.code !== 'invalid' || attempted || left.has(problem.index),
  );
  const problemAt = (index: number) => shown.find((problem) => problem.index === index);

  const update = (next: Partial<PreferencesDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    if (status.kind !== 'idle' && status.kind !== 'saving') setStatus({ kind: 'idle' });
  };
  const setEmail = (index: number, value: string) =>
    update({ emails: draft.emails.map((address, i) => (i === index ? value : address)) });
  const removeEmail = (index: number) => {
    update({ emails: draft.emails.filter((_, i) => i !== index) });
    // The rows after the removed one move up, and with them what the clerk has already left.
    setLeft(new Set([...left].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i))));
    // Focus stays in the list: on the address that moved up, else the one before, else "Add".
    requestAnimationFrame(() => {
      const target = inputs.current[Math.min(index, draft.emails.length - 2)];
      (target ?? document.getElementById(`${id}-add`))?.focus();
    });
  };
  const addEmail = () => {
    const index = draft.emails.length;
    update({ emails: [...draft.emails, ''] });
    requestAnimationFrame(() => inputs.current[index]?.focus());
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setAttempted(true);
    const first = problems[0];
    if (first) {
      setStatus({ kind: 'fixFirst' });
      inputs.current[first.index]?.focus();
      return;
    }
    if (sameDraft(draft, initial)) {
      setStatus({ kind: 'unchanged' });
      return;
    }
    setStatus({ kind: 'saving' });
    save(draft).then(
      () => setStatus({ kind: 'saved' }),
      (error: unknown) => {
        if (error instanceof PreferencesEditError)
          setStatus(error.code === 'notSynced' ? { kind: 'notSynced' } : { kind: 'fixFirst' });
        else setStatus({ kind: 'failed', error });
      },
    );
  };

  const filled = draft.emails.length;
  return (
    <form onSubmit={submit} noValidate className="preferences__form">
      <fieldset className="preferences__group">
        <legend>{t('preferences.notifications')}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.newDocuments}
            onChange={(event) => update({ newDocuments: event.target.checked })}
          />
          {t('preferences.newDocuments')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.paymentReminders}
            onChange={(event) => update({ paymentReminders: event.target.checked })}
          />
          {t('preferences.paymentReminders')}
        </label>
        <fieldset className="preferences__emails" aria-describedby={`${id}-emails-help`}>
          <legend>{t('preferences.emails')}</legend>
          <p className="hint" id={`${id}-emails-help`}>
            {t('preferences.emailsHelp', { max: MAX_EMAILS, length: MAX_EMAIL_LENGTH })}
          </p>
          {filled === 0 && <p className="empty">{t('preferences.noEmails')}</p>}
          <ul className="plain-list">
            {draft.emails.map((address, index) => {
              const problem = problemAt(index);
              const inputId = `${id}-email-${index}`;
              return (
                // The position is the row's identity: addresses may repeat or be blank while typed.
                <li key={index} className="preferences__email">
                  <label htmlFor={inputId}>{t('preferences.emailLabel', { number: index + 1 })}</label>
                  <input
                    id={inputId}
                    ref={(element) => {
                      inputs.current[index] = element;
                    }}
                    type="email"
                    autoComplete="email"
                    spellCheck={false}
                    value={address}
                    aria-invalid={problem !== undefined}
                    aria-describedby={problem ? `${inputId}-problem` : undefined}
                    onChange={(event) => setEmail(index, event.target.value)}
                    onBlur={() => setLeft(new Set(left).add(index))}
                  />
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('preferences.removeEmailNumber', { number: index + 1 })}
                    onClick={() => removeEmail(index)}
                  >
                    {t('preferences.removeEmail')}
                  </button>
                  {problem && (
                    <p className="notice notice--error preferences__problem" id={`${inputId}-problem`}>
                      {problemText(problem, t)}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="actions">
            <button
              type="button"
              id={`${id}-add`}
              className="secondary"
              disabled={filled >= MAX_EMAILS}
              aria-describedby={filled >= MAX_EMAILS ? `${id}-full` : undefined}
              onClick={addEmail}
            >
              {t('preferences.addEmail')}
            </button>
            {filled >= MAX_EMAILS && (
              <span className="hint" id={`${id}-full`}>
                {t('preferences.emailsFull', { max: MAX_EMAILS })}
              </span>
            )}
          </div>
        </fieldset>
      </fieldset>
      <fieldset className="preferences__group">
        <legend>{t('preferences.paper')}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.invoiceByPost}
            onChange={(event) => update({ invoiceByPost: event.target.checked })}
          />
          {t('preferences.invoiceByPost')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.detailedStatementByPost}
            onChange={(event) => update({ detailedStatementByPost: event.target.checked })}
          />
          {t('preferences.detailedStatementByPost')}
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={status.kind === 'saving'}>
          {status.kind === 'saving' ? t('preferences.saving') : t('preferences.save')}
        </button>
      </div>
      {status.kind === 'fixFirst' && (
        <p className="notice notice--error" role="alert">
          {t('preferences.fixFirst')}
        </p>
      )}
      {status.kind === 'notSynced' && (
        <p className="notice notice--error" role="alert">
          {t('preferences.notSyncedSave')}
        </p>
      )}
      {status.kind === 'failed' && (
        <p>
          <FailureNotice
            error={status.error}
            text={t('preferences.failed', { reason: reason(status.error) })}
            area="settings preferences"
          />
        </p>
      )}
    </form>
  );
};

const PreferencesSection = () => {
  const { t } = useTranslation();
  const titleId = useId();
  const stored = useOperatorPreferences();
  const edit = usePreferencesEdit();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const preferences = stored?.preferences;
  return (
    <section className="card preferences" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('preferences.title')}</h2>
      <p className="hint">{t('preferences.intro')}</p>
      <SkippedRowsNotice kind="rows" skipped={stored?.skipped} area="operator preferences" />
      {stored !== undefined && !preferences && stored.skipped.length === 0 && (
        <p className="empty">{t('preferences.notSynced')}</p>
      )}
      {edit && <EditState edit={edit} />}
      <p role="status" className="preferences__saved">
        {status.kind === 'saved' && t('preferences.saved')}
        {status.kind === 'unchanged' && t('preferences.unchanged')}
      </p>
      {preferences && (
        <>
          <PreferencesForm
            key={JSON.stringify(preferences)}
            stored={preferences}
            status={status}
            setStatus={setStatus}
          />
          <PaperlessSavings paper={preferences.paper} />
        </>
      )}
    </section>
  );
};

/** The operator's notification and paper preferences, edited offline through the outbox, and what paper costs. */
export const PreferencesPanel = () => (
  <ErrorBoundary variant="panel" area="settings preferences">
    <PreferencesSection />
  </ErrorBoundary>
);
