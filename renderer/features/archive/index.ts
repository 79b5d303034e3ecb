// What other features may use of the archive: an invoice's retention, and what deleting an archive would break.
export { RetentionFacts } from './RetentionFacts';
export { readRetentionHold } from './queries';
