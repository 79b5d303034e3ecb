// What other pages place of the exports (the Analytics page): the period export's button and dialog,
// with the journal layouts and the export worker's client they bring. Apart from index.ts, which the
// invoice and line lists import on the way to their first rows.
export { PeriodExport } from './PeriodExport';
