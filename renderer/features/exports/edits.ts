import { useCallback } from 'react';
import type { ExportedFile } from '../../../shared/audit/auditEntry';
import type { SaveFileOutcome } from '../../../shared/ipc/saveFile';
import type { recordFileExported } from '../../db/auditLog';
import { useDatabase } from '../../db/DatabaseContext';
import type { FileToSave } from '../../platform/Platform';
import { usePlatform } from '../../platform/PlatformContext';

// Every write the exports feature makes: the audit entry of a finished export.

type Exported = Parameters<typeof recordFileExported>[1];

/** Logs a saved export; the file is already where the clerk chose, so a failure to log is reported, not thrown. */
export const useRecordExport = () => {
  const db = useDatabase();
  return useCallback(
    (exported: Exported) =>
      // The audit log's writer (and the chain's hash) loads with the first file saved: the lists
      // that offer a save draw their first rows without it.
      import('../../db/auditLog')
        .then(({ recordFileExported: record }) => record(db, exported))
        .then(
          () => undefined,
          (error: unknown) => {
            console.error('The audit log could not record the export', error);
          },
        ),
    [db],
  );
};

/** The lowercase hex SHA-256 of a file's bytes; the hash loads with the first file saved. */
export const fileSha256 = async (bytes: Uint8Array): Promise<string> => {
  const [{ sha256 }, { bytesToHex }] = await Promise.all([
    import('@noble/hashes/sha2.js'),
    import('@noble/hashes/utils.js'),
  ]);
  return bytesToHex(sha256(bytes));
};

/**
 * `platform.saveFile`, then the audit entry of what was saved (its name, size and SHA-256), so every
 * file the app writes for the clerk is in the audit trail. `rows` is what the file holds (invoices,
 * cost centres; 1 for a single PDF).
 */
export const useSaveAndRecord = () => {
  const platform = usePlatform();
  const record = useRecordExport();
  return useCallback(
    async (file: FileToSave, what: ExportedFile, rows: number): Promise<SaveFileOutcome> => {
      const outcome = await platform.saveFile(file);
      if (outcome === 'saved')
        await record({
          what,
          fileName: file.suggestedName,
          sha256: await fileSha256(file.bytes),
          bytes: file.bytes.byteLength,
          rows,
        });
      return outcome;
    },
    [platform, record],
  );
};
