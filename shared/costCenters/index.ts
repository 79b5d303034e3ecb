// The cost-centre logic other modules may use: the file reader's contract (and, with it, the reader), the import plan.
export * from './fileContract';
export * from './importPlan';
