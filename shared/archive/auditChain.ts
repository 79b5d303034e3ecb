import { verifyChainOfRows } from '../audit/chain';
import type { VerifyAuditChain } from './verify';

/** The audit trail's check over the log read back from a zip, against the head its manifest signed. */
export const verifyArchivedAuditChain: VerifyAuditChain = (rows, recordedHead) => {
  const verdict = verifyChainOfRows(rows, recordedHead);
  return Promise.resolve({
    valid: verdict.ok,
    entries: verdict.count,
    problems: verdict.ok ? [] : verdict.problems,
  });
};
