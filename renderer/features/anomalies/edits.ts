import { useCallback } from 'react';
import { anomalyId, type AnomalyFlag } from '../../../shared/analytics/anomalies';
import { useDatabase } from '../../db/DatabaseContext';
import type { InvoiceDeskDatabase } from '../../db/database';
import { appendAudit } from '../../db/auditLog';

// Every write the anomaly flags make to the archive: a dismissal, with its audit entry.

export const NOTE_MAX_LENGTH = 500;

/** Why a dismissal was refused: a closed set, worded by the dialog. */
export type DismissalErrorCode = 'noteRequired' | 'noteTooLong';

export class DismissalError extends Error {
  constructor(readonly code: DismissalErrorCode) {
    super(`Dismissal refused: ${code}`);
    this.name = 'DismissalError';
  }
}

/** The note as it is kept, or the reason it cannot be. */
export const checkNote = (
  note: string,
): { ok: true; note: string } | { ok: false; code: DismissalErrorCode } => {
  const trimmed = note.trim();
  if (trimmed === '') return { ok: false, code: 'noteRequired' };
  if (trimmed.length > NOTE_MAX_LENGTH) return { ok: false, code: 'noteTooLong' };
  return { ok: true, note: trimmed };
};

/**
 * Sets a flag aside with the clerk's note: the dismissal and its audit entry in one transaction, so
 * the log never misses a dismissal nor names one that was not stored. Dismissing it again replaces
 * the note (and logs it again).
 */
export const dismissAnomaly = (
  db: InvoiceDeskDatabase,
  flag: AnomalyFlag,
  note: string,
  now: Date,
): Promise<void> => {
  const checked = checkNote(note);
  if (!checked.ok) return Promise.reject(new DismissalError(checked.code));
  const at = now.toISOString();
  return db.transaction('rw', [db.anomalyDismissals, db.auditLog], async () => {
    await db.anomalyDismissals.put({ id: anomalyId(flag), flag, note: checked.note, dismissedAt: at });
    await appendAudit(db, {
      at,
      kind: 'anomalyDismissed',
      params: {
        flag: flag.kind,
        dimension: flag.kind === 'rise' ? flag.dimension : null,
        key: flag.key,
        month: flag.month,
        note: checked.note,
      },
    });
  });
};

export const useDismissAnomaly = () => {
  const db = useDatabase();
  return useCallback((flag: AnomalyFlag, note: string) => dismissAnomaly(db, flag, note, new Date()), [db]);
};
