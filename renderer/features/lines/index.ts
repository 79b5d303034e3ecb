// What other features may use of the line explorer: its columns (the invoice detail shows its lines).
export { explorerColumnIds, explorerColumns } from './explorerColumns';
