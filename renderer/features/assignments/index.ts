// What other features may use of the assignments.
export { SplitDialog } from './SplitDialog';
export { HistoryButtons as AssignmentHistoryButtons } from './split/HistoryButtons';
export { RefusedOverlap } from './split/RefusedOverlap';
