import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureNotice, useFailureReason } from '../../ui/FailureNotice';
import { useSettleConflict } from './edits';
import { useOutboxRows } from './queries';
import { useSyncController } from '../../workers/sync/SyncContext';
import { describeRejection, describeSubject, describeValue } from './describeChange';
import { useLanguage } from '../../ui/useLanguage';
import type { OutboxRow } from '../../db/records';
import { RefusedOverlap, SplitDialog } from '../assignments';
import type { AssignmentInput, KeyKind } from '../../../shared/api/schemas';

/** An assignment the operator refused because another one of its key shares days with it (409). */
const overlapRefusal = (row: OutboxRow): { input: AssignmentInput; detail: string } | null =>
  row.state === 'rejected' &&
  row.entity === 'assignment' &&
  row.op === 'put' &&
  row.reason?.code === 'api.conflict'
    ? { input: row.payload, detail: row.reason.message }
    : null;

interface OutboxPanelProps {
  /** Scrolls here and takes focus (a click on a conflict notification). */
  focused?: boolean;
}

/** Local edits not yet at the operator, and the conflicts the clerk settles here. */
export const OutboxPanel = ({ focused = false }: OutboxPanelProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const settleConflict = useSettleConflict();
  const sync = useSyncController();
  const titleId = useId();
  const reason = useFailureReason();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const [editing, setEditing] = useState<{ kind: KeyKind; key: string } | null>(null);
  const rows = useOutboxRows();
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = rows !== undefined;
  useEffect(() => {
    if (!focused || !loaded) return;
    heading.current?.scrollIntoView();
    heading.current?.focus();
  }, [focused, loaded]);
  if (!rows) return null;

  const settle = (action: 'mine' | 'theirs', seq: number) => {
    setFailure(null);
    settleConflict(action, seq).then(
      () => sync.syncNow(),
      (error: unknown) => setFailure({ error }),
    );
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t('outbox.title')}
      </h2>
      {failure && (
        <p>
          <FailureNotice
            error={failure.error}
            text={t('problems.action.settle', { reason: reason(failure.error) })}
            area="settings outbox"
          />
        </p>
      )}
      {rows.length === 0 ? (
        <p className="empty">{t('outbox.empty')}</p>
      ) : (
        <table className="data" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{t('outbox.what')}</th>
              <th scope="col">{t('outbox.mine')}</th>
              <th scope="col">{t('outbox.theirs')}</th>
              <th scope="col">{t('outbox.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('outbox.state')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const refused = overlapRefusal(row);
              return (
                <tr key={row.seq}>
                  <td>{describeSubject(row, t)}</td>
                  <td>
                    {row.op === 'delete'
                      ? t('outbox.deleted')
                      : describeValue(row.entity, row.payload, t, language)}
                  </td>
                  <td>
                    {row.state === 'conflict'
                      ? row.current
                        ? describeValue(row.entity, row.current.value, t, language)
                        : t('outbox.deleted')
                      : ''}
                    {refused && <RefusedOverlap id={row.key} input={refused.input} detail={refused.detail} />}
                  </td>
                  <td>
                    {row.state === 'pending' && t('outbox.statePending')}
                    {row.state === 'conflict' && <strong>{t('outbox.stateConflict')}</strong>}
                    {row.state === 'rejected' && (
                      <strong>
                        {t('outbox.stateRejected', { reason: describeRejection(row.reason?.code, t) })}
                      </strong>
                    )}
                  </td>
                  <td className="actions">
                    {row.state === 'conflict' && row.seq !== undefined && (
                      <>
                        <button type="button" onClick={() => settle('mine', row.seq ?? 0)}>
                          {t('outbox.keepMine')}
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => settle('theirs', row.seq ?? 0)}
                        >
                          {t('outbox.takeTheirs')}
                        </button>
                      </>
                    )}
                    {row.seq !== undefined && refused && (
                      <>
                        <button
                          type="button"
                          aria-label={t('assignmentSplit.refused.editAgainFor', {
                            what: `${t(`designation.kinds.${refused.input.kind}`)} ${refused.input.key}`,
                          })}
                          onClick={() => setEditing({ kind: refused.input.kind, key: refused.input.key })}
                        >
                          {t('assignmentSplit.refused.editAgain')}
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('assignmentSplit.refused.takeTheirsFor', {
                            what: `${t(`designation.kinds.${refused.input.kind}`)} ${refused.input.key}`,
                          })}
                          onClick={() => settle('theirs', row.seq ?? 0)}
                        >
                          {t('assignmentSplit.refused.takeTheirs')}
                        </button>
                      </>
                    )}
                    {row.state === 'rejected' && row.seq !== undefined && !refused && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => settle('theirs', row.seq ?? 0)}
                      >
                        {t('outbox.discard')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editing && <SplitDialog assignmentKey={editing} onClose={() => setEditing(null)} />}
    </section>
  );
};
