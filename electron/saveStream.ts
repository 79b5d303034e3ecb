import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { extensionOf, type SaveFileExtension } from '../shared/ipc/saveFile';
import {
  SAVE_STREAM_MAX_FILE_BYTES,
  SAVE_STREAM_MAX_OPEN,
  type SaveStreamBeginResponse,
} from '../shared/ipc/saveStream';
import { openAtomicFile, type AtomicFileWriter } from './atomicFile';
import { IpcRefusal } from './ipc';
import type { ShowSaveDialog } from './saveFile';

export interface SaveStreamDeps {
  showSaveDialog: ShowSaveDialog;
  defaultFolder: () => string;
  fileTypeName: (extension: SaveFileExtension) => string;
  /** Opens the temporary file beside the target (tests may inject a failing one). */
  open?: (file: string) => Promise<AtomicFileWriter>;
}

export interface SaveStreams {
  begin(suggestedName: string): Promise<SaveStreamBeginResponse>;
  chunk(id: string, bytes: Uint8Array): Promise<void>;
  finish(id: string): Promise<'saved'>;
  abort(id: string): Promise<void>;
  /** Removes every temporary file still open (the app is quitting). */
  abortAll(): Promise<void>;
}

interface OpenStream {
  writer: AtomicFileWriter;
  target: string;
  bytes: number;
  /** The writes of this stream, one after the other, whatever order their calls arrive in. */
  queue: Promise<void>;
}

/**
 * Main's side of the streamed save: the dialog (the renderer only suggests a bare, validated name),
 * a temporary file beside the target per stream, bounded pieces appended in order, and an atomic
 * rename at the end. An id main did not hand out, or one already finished, is refused; a failed
 * write removes the temporary file and ends the stream.
 */
export const createSaveStreams = (deps: SaveStreamDeps): SaveStreams => {
  const open = deps.open ?? ((file: string) => openAtomicFile(file));
  const streams = new Map<string, OpenStream>();
  let lastFolder: string | null = null;

  const streamOf = (id: string): OpenStream => {
    const stream = streams.get(id);
    if (!stream) throw new IpcRefusal('ipc.invalidPayload', 'No open save stream has this id');
    return stream;
  };
  const end = async (id: string, stream: OpenStream): Promise<void> => {
    streams.delete(id);
    await stream.queue.catch(() => undefined);
    await stream.writer.discard();
  };

  return {
    begin: async (suggestedName) => {
      if (streams.size >= SAVE_STREAM_MAX_OPEN) {
        throw new IpcRefusal('ipc.notAllowed', 'Too many files are being saved at once');
      }
      const extension = extensionOf(suggestedName);
      if (!extension) throw new Error(`Refusing to save ${suggestedName}: unsupported file type`);
      const result = await deps.showSaveDialog({
        defaultPath: path.join(lastFolder ?? deps.defaultFolder(), suggestedName),
        filters: [{ name: deps.fileTypeName(extension), extensions: [extension] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || result.filePath === '') return { outcome: 'cancelled' };
      // GTK dialogs do not add the filter's extension.
      const target =
        path.extname(result.filePath) === '' ? `${result.filePath}.${extension}` : result.filePath;
      const writer = await open(target);
      const id = randomBytes(16).toString('hex');
      streams.set(id, { writer, target, bytes: 0, queue: Promise.resolve() });
      lastFolder = path.dirname(target);
      return { outcome: 'opened', id };
    },
    chunk: async (id, bytes) => {
      const stream = streamOf(id);
      stream.bytes += bytes.byteLength;
      if (stream.bytes > SAVE_STREAM_MAX_FILE_BYTES) {
        await end(id, stream);
        throw new IpcRefusal('ipc.notAllowed', 'The file is larger than a saved export may be');
      }
      const written = stream.queue.then(() => stream.writer.write(bytes));
      stream.queue = written;
      try {
        await written;
      } catch (error) {
        // A full disk, a removed drive: the half-written temporary file goes, the stream ends.
        await end(id, stream);
        throw error;
      }
    },
    finish: async (id) => {
      const stream = streamOf(id);
      streams.delete(id);
      await stream.queue;
      await stream.writer.commit();
      return 'saved';
    },
    abort: async (id) => {
      const stream = streams.get(id);
      // Aborting what is already gone is not an error: the renderer may abort after a failed write.
      if (stream) await end(id, stream);
    },
    abortAll: async () => {
      await Promise.all([...streams.entries()].map(([id, stream]) => end(id, stream)));
    },
  };
};
