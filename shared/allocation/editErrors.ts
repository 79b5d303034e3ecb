import type { AssignmentProblem } from './assignmentForm';

/**
 * Why an assignment edit was refused before anything was written (i18n:
 * `assignments.errors.<code>`). Closed, so the page can translate every one.
 */
export type AssignmentEditErrorCode =
  /** The customer's cost-centre option is off: the operator would answer 403 to every push. */
  | 'optionOff'
  /** No customer record yet (never synchronised): whether the option is on is not known. */
  | 'notSynced'
  /** The assignment to change or delete is not (or no longer) in the archive. */
  | 'missing'
  /** The operator would refuse it (400 or 409): `problems` says which field and why. */
  | 'invalid';

export class AssignmentEditError extends Error {
  override readonly name = 'AssignmentEditError';
  constructor(
    readonly code: AssignmentEditErrorCode,
    /** The position of the refused change in the batch, so a dialog or an import names its row. */
    readonly index: number,
    /** With `invalid`: every problem, each naming its field. */
    readonly problems: readonly AssignmentProblem[] = [],
  ) {
    super(`Assignment change ${index}: ${code}`);
  }
}
