// The cost-centre logic other modules may use: the file reader's contract (and, with it, the reader).
export * from './fileContract';
