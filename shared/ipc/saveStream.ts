import { z } from 'zod';
import { extensionOf, SafeFileNameSchema, saveFileTypes } from './saveFile';

/**
 * Saving a large file (a period export) piece by piece: `saveStreamBegin` asks where (the OS save
 * dialog) and opens a temporary file beside the target; `saveStreamChunk` appends one bounded piece;
 * `saveStreamFinish` flushes it and renames it over the target; `saveStreamAbort` removes it. So
 * neither side ever holds the whole file, and the clerk never finds half of one.
 */

/** One IPC message carries at most this much: it bounds what main holds per call. */
export const SAVE_STREAM_MAX_CHUNK_BYTES = 8 * 1024 * 1024;
/** Far above an export of every line (about 150 MB); a runaway producer stops here. */
export const SAVE_STREAM_MAX_FILE_BYTES = 4 * 1024 * 1024 * 1024;
/** Streams one window may have open at once. */
export const SAVE_STREAM_MAX_OPEN = 4;

export const SaveStreamIdSchema = z.string().regex(/^[0-9a-f]{32}$/);

export const SaveStreamBeginRequestSchema = z
  .object({ suggestedName: SafeFileNameSchema, mimeType: z.enum(saveFileTypes) })
  .refine(
    ({ suggestedName, mimeType }) => {
      const extension = extensionOf(suggestedName);
      return extension !== null && saveFileTypes[extension] === mimeType;
    },
    { message: "the MIME type must match the file name's extension", path: ['mimeType'] },
  );

export const SaveStreamBeginResponseSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('opened'), id: SaveStreamIdSchema }),
]);
export type SaveStreamBeginResponse = z.infer<typeof SaveStreamBeginResponseSchema>;

export const SaveStreamChunkRequestSchema = z.object({
  id: SaveStreamIdSchema,
  bytes: z
    .instanceof(Uint8Array<ArrayBuffer>)
    .refine((bytes) => bytes.byteLength <= SAVE_STREAM_MAX_CHUNK_BYTES, {
      message: `must be at most ${SAVE_STREAM_MAX_CHUNK_BYTES} bytes`,
    }),
});

export const SaveStreamIdRequestSchema = z.object({ id: SaveStreamIdSchema });
