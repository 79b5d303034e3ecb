import { useMemo } from 'react';
import type { RequestTimestamp, VerifyTimestamp } from '../../../shared/archive/ports';
import type { VerifyAuditChain } from '../../../shared/archive/verify';
import { verifyArchivedAuditChain } from '../../../shared/archive/auditChain';
import { usePlatform } from '../../platform/PlatformContext';
import { loadTimestampUrl } from '../settings';

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

// pkijs is large: loaded with the first stamp to check, never with the page.
const verifyTimestamp: VerifyTimestamp = async (token, sha256) =>
  (await import('../../../shared/archive/timestamp')).verifyTimestamp(token, sha256);

/**
 * The archive's services as configured when the page opens: the authority URL of Settings (read
 * once; the platform posts the query, through main in the desktop app).
 */
export const useArchiveServices = (): ArchiveServices => {
  const platform = usePlatform();
  return useMemo(() => {
    const url = loadTimestampUrl(localStorage);
    return {
      verifyTimestamp,
      verifyAuditChain: verifyArchivedAuditChain,
      ...(url === ''
        ? {}
        : {
            requestTimestamp: (sha256: Uint8Array, signal?: AbortSignal) =>
              platform.requestTimestamp(url, sha256, signal),
          }),
    };
  }, [platform]);
};
