import { useCallback, useRef, useState } from 'react';
import type {
  ColumnMapping,
  FileFailure,
  FileReading,
  ReadOptions,
} from '../../../../shared/costCenters/fileContract';
import { fileSha256 } from '../../../../shared/audit/fileHash';
import { useCostCenterFileClient } from '../../../workers/costCenterFile/useCostCenterFileClient';
import { useImportEdits } from '../edits';
import { useRememberedMapping } from '../queries';

/** Where an import stands between choosing a file and "Apply". */
export type ImportSession =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string }
  /** The file cannot be imported at all (failure), or reading it failed unexpectedly (error). */
  | { phase: 'failed'; fileName: string; failure: FileFailure | null; error: unknown }
  | {
      phase: 'ready';
      reading: FileReading;
      options: ReadOptions;
      /** The clerk confirmed the mapping (or chose it, now or for an earlier file laid out alike). */
      confirmed: boolean;
      /** A new mapping or date is being read; the preview shows the previous reading meanwhile. */
      rereading: boolean;
    };

const sameMapping = (a: ColumnMapping, b: ColumnMapping) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * The import dialog's state: reads the file in the worker, applies a remembered mapping for its
 * header layout, reads again when the clerk changes the mapping or the import date. A reading
 * started later always wins over one still running.
 */
export const useImportSession = (today: () => string) => {
  const getClient = useCostCenterFileClient();
  const remembered = useRememberedMapping();
  const edits = useImportEdits();
  const [session, setSession] = useState<ImportSession>({ phase: 'idle' });
  // The file's bytes, kept on the page: each reading transfers a copy to the worker.
  const file = useRef<{ name: string; bytes: Uint8Array<ArrayBuffer>; sha256: string } | null>(null);
  const generation = useRef(0);

  const read = useCallback(
    (options: ReadOptions) => {
      const current = file.current;
      if (current === null) throw new Error('No file to read');
      return getClient().read(current.bytes.slice(), current.name, options);
    },
    [getClient],
  );

  const open = useCallback(
    async (name: string, bytes: Uint8Array<ArrayBuffer>) => {
      const mine = ++generation.current;
      // Hashed before any reading transfers a copy away: the audit log names the file by it.
      file.current = { name, bytes, sha256: fileSha256(bytes) };
      setSession({ phase: 'reading', fileName: name });
      try {
        let options: ReadOptions = { importDate: today() };
        let result = await read(options);
        let confirmed = false;
        if (result.ok) {
          const mapping = await remembered(result.layoutKey);
          if (mapping !== null) {
            confirmed = true;
            if (!sameMapping(mapping, result.mapping)) {
              options = { ...options, mapping };
              result = await read(options);
            }
          }
        }
        if (mine !== generation.current) return;
        setSession(
          result.ok
            ? { phase: 'ready', reading: result, options, confirmed, rereading: false }
            : { phase: 'failed', fileName: name, failure: result, error: null },
        );
      } catch (error) {
        if (mine === generation.current)
          setSession({ phase: 'failed', fileName: name, failure: null, error });
      }
    },
    [read, remembered, today],
  );

  const reread = useCallback(
    async (options: ReadOptions, confirmed: boolean) => {
      const mine = ++generation.current;
      setSession((previous) => (previous.phase === 'ready' ? { ...previous, rereading: true } : previous));
      try {
        const result = await read(options);
        if (mine !== generation.current) return;
        setSession(
          result.ok
            ? { phase: 'ready', reading: result, options, confirmed, rereading: false }
            : { phase: 'failed', fileName: result.fileName, failure: result, error: null },
        );
      } catch (error) {
        if (mine === generation.current)
          setSession({ phase: 'failed', fileName: file.current?.name ?? '', failure: null, error });
      }
    },
    [read],
  );

  const ready = session.phase === 'ready' ? session : null;

  const remap = useCallback(
    (mapping: ColumnMapping) => {
      if (!ready) return;
      // The clerk's own choice is the confirmation, and is remembered for files laid out alike.
      void edits.rememberMapping(ready.reading.layoutKey, mapping);
      void reread({ ...ready.options, mapping }, true);
    },
    [edits, ready, reread],
  );

  const setImportDate = useCallback(
    (importDate: string) => {
      if (ready) void reread({ ...ready.options, importDate }, ready.confirmed);
    },
    [ready, reread],
  );

  const confirm = useCallback(() => {
    if (!ready) return;
    void edits.rememberMapping(ready.reading.layoutKey, ready.reading.mapping);
    setSession({ ...ready, confirmed: true });
  }, [edits, ready]);

  const close = useCallback(() => {
    generation.current += 1;
    file.current = null;
    setSession({ phase: 'idle' });
  }, []);

  /** The SHA-256 of the file being imported; empty when there is none. */
  const fileHash = useCallback(() => file.current?.sha256 ?? '', []);

  return { session, open, remap, setImportDate, confirm, close, fileHash };
};
