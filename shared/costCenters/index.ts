// The cost-centre logic other modules may use: the file reader's contract, the reader, the
// template/export workbook writer, and the import plan.
export * from './fileContract';
export { readCostCenterFile, MAX_FILE_BYTES } from './readFile';
export { writeCostCenterWorkbook, type WorkbookCenter, type WorkbookOptions } from './workbook';
export { WORKBOOK_TEXT } from './workbookText';
export * from './importPlan';
