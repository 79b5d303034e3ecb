/** What other features may use: the period export's button and dialog (the Analytics page places it). */
export { PeriodExport } from './PeriodExport';
