import type { RequestTimestamp, VerifyTimestamp } from '../../../shared/archive/ports';
import type { VerifyAuditChain } from '../../../shared/archive/verify';

/**
 * What the archive takes from other parts of the app, each optional: the RFC 3161 stamp of the
 * manifest (when a time-stamping authority is configured), the check of a stored stamp, and the
 * audit trail's check of its hash chain. Without them the archive is signed but not stamped, a
 * stamp is reported as present but not checked, and the chain's slot says "not checked".
 */
export interface ArchiveServices {
  readonly requestTimestamp?: RequestTimestamp;
  readonly verifyTimestamp?: VerifyTimestamp;
  readonly verifyAuditChain?: VerifyAuditChain;
}

const NONE: ArchiveServices = {};

/**
 * The seam where the time stamp (RequestTimestamp / VerifyTimestamp, shared/archive/ports.ts, with
 * the configured authority's URL) and the audit chain (verifyAuditChain) are wired in: nothing yet.
 * The returned object must stay the same between renders while nothing changes.
 */
export const useArchiveServices = (): ArchiveServices => NONE;
