import type { PeriodSource } from '../../../shared/export/periodExport';
import { exportJournal, exportWorkbook } from '../../../shared/export/periodExport';
import { JournalCodeError, journalLayouts } from '../../../shared/export/journal';
import { createFileHasher } from '../../../shared/audit/fileHash';
import { coalesceChunks } from '../../../shared/export/chunks';
import { formatMonth } from '../../../shared/core/format';
import type { SkippedRow } from '../../db/rowChecks';
import { createRpc, RpcFailure, type Rpc, type RpcPort } from '../rpc';
import type { ExportFailureData, ExportFileRequest, ExportPageSide, ExportWorkerSide } from './protocol';

/** Opens the archive of a profile and reads what a period export needs. */
export type OpenSource = (
  request: ExportFileRequest,
) => Promise<{ source: PeriodSource; skipped: SkippedRow[] }>;

// The page gets about a megabyte per message: few round trips, little held on either side.
const MESSAGE_BYTES = 1 << 20;

/** The worker's side: runs one export per call, cancelled with the caller's signal. */
export const serveExportFile = (port: RpcPort, open: OpenSource): Rpc<ExportWorkerSide, ExportPageSide> => {
  const rpc: Rpc<ExportWorkerSide, ExportPageSide> = createRpc<ExportWorkerSide, ExportPageSide>(port, {
    run: async (request, { signal }) => {
      const { source, skipped } = await open(request);
      let bytes = 0;
      const hasher = createFileHasher();
      const out = coalesceChunks(MESSAGE_BYTES, async (chunk) => {
        bytes += chunk.byteLength;
        await rpc.call('write', { chunk }, { transfer: [chunk.buffer], signal });
      });
      const run = {
        sink: (chunk: Uint8Array) => {
          // Hashed as produced, before a coalesced piece is transferred (and detached) to the page.
          hasher.update(chunk);
          return out.write(chunk);
        },
        signal,
        onProgress: (progress: { done: number; total: number }) => rpc.emit('progress', progress),
      };
      try {
        if (request.kind === 'workbook') {
          const summary = await exportWorkbook(
            source,
            { ...request.labels, month: (month) => formatMonth(month, request.language) },
            request.language === 'en' ? 'yyyy-mm-dd' : 'dd.mm.yyyy',
            run,
          );
          await out.flush();
          return { lines: summary.lines, rows: summary.lines, bytes, sha256: hasher.digest(), skipped };
        }
        const rows = await exportJournal(source, journalLayouts[request.layout], request.journalHeaders, run);
        await out.flush();
        return { lines: 0, rows: rows.length, bytes, sha256: hasher.digest(), skipped };
      } catch (error) {
        if (error instanceof JournalCodeError) {
          const data: ExportFailureData = { code: error.code, costCenter: error.costCenter };
          throw new RpcFailure(error.message, data);
        }
        throw error;
      }
    },
  });
  return rpc;
};
