import { writeArchive } from '../../../shared/archive/writeArchive';
import { coalesceChunks } from '../../../shared/export/chunks';
import type { ArchiveSourceRead } from '../../db/archiveSource';
import { createRpc, type Rpc, type RpcPort } from '../rpc';
import type { ArchiveFileRequest, ArchivePageSide, ArchiveWorkerSide } from './protocol';

export type OpenArchiveSource = (request: ArchiveFileRequest) => Promise<ArchiveSourceRead>;

// About a megabyte per message: few round trips, little held on either side.
const MESSAGE_BYTES = 1 << 20;

/** The worker's side: writes one archive per call, cancelled with the caller's signal. */
export const serveArchiveFile = (
  port: RpcPort,
  open: OpenArchiveSource,
): Rpc<ArchiveWorkerSide, ArchivePageSide> => {
  const rpc: Rpc<ArchiveWorkerSide, ArchivePageSide> = createRpc<ArchiveWorkerSide, ArchivePageSide>(port, {
    run: async (request, { signal }) => {
      const { source, skipped } = await open(request);
      const out = coalesceChunks(MESSAGE_BYTES, async (chunk) => {
        await rpc.call('write', { chunk }, { transfer: [chunk.buffer], signal });
      });
      const summary = await writeArchive(source, {
        sink: (chunk) => out.write(chunk),
        appVersion: request.appVersion,
        exportedAt: request.exportedAt,
        profile: request.profile,
        seal: async (manifest) => {
          // The bytes are copied, not transferred: the zip still has to write them.
          await out.flush();
          return rpc.call('seal', { manifest: manifest.slice() }, { signal });
        },
        signal,
        onProgress: (progress) => rpc.emit('progress', progress),
      });
      await out.flush();
      return {
        manifestSha256: summary.manifestSha256,
        bytes: summary.bytes,
        timestamped: summary.timestamped,
        timestampFailed: summary.timestampFailed,
        counts: summary.manifest.counts,
        files: summary.manifest.files.length,
        skipped,
      };
    },
  });
  return rpc;
};
