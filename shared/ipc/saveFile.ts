import { z } from 'zod';

/**
 * Saving a file the app produced (an invoice PDF, an export) to the clerk's disk. The renderer only
 * ever suggests a bare file name; the folder is chosen by the clerk in the OS dialog, so a name that
 * could point anywhere else is refused here, before main touches the file system.
 */

export const saveFileExtensions = ['pdf', 'csv', 'xlsx', 'zip', 'png'] as const;
export type SaveFileExtension = (typeof saveFileExtensions)[number];

/** What may be saved, by extension; the MIME type must agree with the name's extension. */
export const saveFileTypes = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  png: 'image/png',
} as const satisfies Record<SaveFileExtension, string>;
export type SaveFileMimeType = (typeof saveFileTypes)[SaveFileExtension];

export const SAVE_FILE_MAX_NAME_LENGTH = 200;
/** Far above any invoice or export; it bounds what one IPC message may make main hold in memory. */
export const SAVE_FILE_MAX_BYTES = 200 * 1024 * 1024;

// Characters Windows refuses in a name, path separators on every OS, control characters, and the
// bidirectional overrides that could make "x\u202Efdp.exe" read as a harmless name in the dialog.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
const FORBIDDEN_CHARACTER = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const FORBIDDEN_CHARACTERS = new RegExp(FORBIDDEN_CHARACTER.source, 'g');
// Device names Windows resolves whatever the extension ("CON.pdf" is the console). Windows also
// reads the superscript digits ¹ ² ³ as 1 2 3 in COM and LPT names, and CONIN$ / CONOUT$ open the
// console's input and output.
const WINDOWS_DEVICE_STEM =
  /^(?:con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)$/i;

/**
 * True when Windows would open a device for `name`: it looks only at the part before the first dot,
 * after dropping trailing spaces, so "CON .pdf", "CON..pdf" and "con.tar.pdf" are all the console.
 */
export const isWindowsDeviceName = (name: string): boolean =>
  WINDOWS_DEVICE_STEM.test((name.split('.', 1)[0] ?? '').replace(/ +$/, ''));

export const extensionOf = (name: string): SaveFileExtension | null => {
  const match = /\.([a-z0-9]+)$/i.exec(name);
  const extension = match?.[1]?.toLowerCase();
  return saveFileExtensions.find((candidate) => candidate === extension) ?? null;
};

export const SafeFileNameSchema = z
  .string()
  .min(1)
  .max(SAVE_FILE_MAX_NAME_LENGTH)
  .refine((name) => !FORBIDDEN_CHARACTER.test(name), {
    message: 'must be a bare file name: no path separators, reserved or control characters',
  })
  .refine((name) => !name.startsWith('.') && !name.startsWith(' '), {
    message: 'must not start with a dot or a space',
  })
  .refine((name) => !isWindowsDeviceName(name), { message: 'must not be a reserved device name' })
  .refine((name) => extensionOf(name) !== null, {
    message: `must end in ${saveFileExtensions.map((extension) => `.${extension}`).join(', ')}`,
  });

export const SaveFileRequestSchema = z
  .object({
    suggestedName: SafeFileNameSchema,
    mimeType: z.enum(saveFileTypes),
    bytes: z.instanceof(Uint8Array<ArrayBuffer>).refine((bytes) => bytes.byteLength <= SAVE_FILE_MAX_BYTES, {
      message: `must be at most ${SAVE_FILE_MAX_BYTES} bytes`,
    }),
  })
  .refine(
    ({ suggestedName, mimeType }) => {
      const extension = extensionOf(suggestedName);
      return extension !== null && saveFileTypes[extension] === mimeType;
    },
    { message: "the MIME type must match the file name's extension", path: ['mimeType'] },
  );
export type SaveFileRequest = z.infer<typeof SaveFileRequestSchema>;

export const SaveFileOutcomeSchema = z.enum(['saved', 'cancelled']);
export type SaveFileOutcome = z.infer<typeof SaveFileOutcomeSchema>;

/**
 * Turns a free text (an invoice's title, say) into a name SafeFileNameSchema accepts, so the UI can
 * suggest a readable name without ever being refused.
 */
export const toSafeFileName = (text: string, extension: SaveFileExtension): string => {
  const suffix = `.${extension}`;
  const cleaned = text
    .replace(/\s+/g, ' ')
    .replace(FORBIDDEN_CHARACTERS, '-')
    .trim()
    .replace(/^[.\s]+/, '')
    .slice(0, SAVE_FILE_MAX_NAME_LENGTH - suffix.length)
    .replace(/[.\s]+$/, '');
  const base =
    cleaned === '' || isWindowsDeviceName(cleaned) ? `document${cleaned && `-${cleaned}`}` : cleaned;
  return `${base.slice(0, SAVE_FILE_MAX_NAME_LENGTH - suffix.length)}${suffix}`;
};
