// What other features may use of the assignments; other features link to the board by its route.
export { SplitDialog } from './SplitDialog';
export { RefusedOverlap } from './split/RefusedOverlap';
