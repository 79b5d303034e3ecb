import { z } from 'zod';

/**
 * Opening a file the clerk picks (a list of cost centres to import). The renderer names only the
 * file types it accepts; main shows the OS dialog, reads the chosen file within a size bound and
 * answers its base name and bytes. The path never leaves main.
 */

export const openFileFormats = ['xlsx', 'xls', 'ods', 'csv'] as const;
export type OpenFileFormat = (typeof openFileFormats)[number];

/** Far above any list of cost centres; it bounds what one file makes the app hold and parse. */
export const OPEN_FILE_MAX_BYTES = 20 * 1024 * 1024;

export const OpenFileRequestSchema = z.object({
  accept: z.array(z.enum(openFileFormats)).min(1).max(openFileFormats.length),
});
export type OpenFileRequest = z.infer<typeof OpenFileRequestSchema>;

/** The chosen file, or null when the clerk cancelled. */
export const OpenedFileSchema = z
  .object({
    name: z.string().min(1).max(255),
    bytes: z.instanceof(Uint8Array<ArrayBuffer>),
  })
  .nullable();
export type OpenedFile = z.infer<typeof OpenedFileSchema>;
