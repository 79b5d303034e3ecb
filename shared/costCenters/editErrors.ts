/**
 * Why a cost-centre edit was refused before anything was written (i18n:
 * `costCenterPage.errors.<code>`). Closed, so the page can translate every one.
 */
export type CostCenterEditErrorCode =
  /** The customer's cost-centre option is off: the operator would answer 403 to every push. */
  | 'optionOff'
  /** No customer record yet (never synchronised): whether the option is on is not known. */
  | 'notSynced'
  /** Assignments charge this code: it can only be deactivated. */
  | 'inUse'
  /** A new centre's code is taken already. */
  | 'exists'
  /** The centre to change or delete is not (or no longer) in the archive. */
  | 'missing'
  /** The code or the values do not meet the contract. */
  | 'invalid';

export class CostCenterEditError extends Error {
  override readonly name = 'CostCenterEditError';
  constructor(
    readonly code: CostCenterEditErrorCode,
    /** The cost-centre code the refusal is about. */
    readonly centerCode: string,
    /** With `inUse`: how many assignments charge it. */
    readonly uses = 0,
  ) {
    super(`Cost centre ${centerCode}: ${code}`);
  }
}
