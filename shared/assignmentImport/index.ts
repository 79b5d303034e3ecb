// The assignment sheet import's pure logic: the reader's contract, the reader and the plan.
export * from './contract';
export { readAssignmentFile, KEY_MAX } from './readFile';
export * from './plan';
