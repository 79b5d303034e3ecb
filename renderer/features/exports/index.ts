/**
 * What other features may use: the period export's button and dialog (the Analytics page places
 * it), and saving a file with its audit entry.
 */
export { PeriodExport } from './PeriodExport';
export { fileSha256, useRecordExport, useSaveAndRecord } from './edits';
