/**
 * What other features may use: saving a file with its audit entry. The period export's button and
 * dialog are in `parts.ts`, so that a list saving a file does not load them.
 */
export { fileSha256, useRecordExport, useSaveAndRecord } from './edits';
