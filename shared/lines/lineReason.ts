import type { Assignment, KeyKind } from '../api/schemas';

/**
 * Why a line went where it went, as data: the renderer turns it into a sentence in the clerk's
 * language (renderer/features/lines/reasonText.ts). It names what the allocation engine decided
 * (shared/allocation), never decides anything itself.
 */
export type LineReason =
  | {
      kind: 'charged';
      /** Which of the line's keys the winning assignment matched. */
      by: KeyKind;
      key: string;
      assignmentId: string;
      /** The split's percentages, in the order of the line's parts. */
      percents: readonly number[];
      /** ISO days, inclusive; null: open on that side. */
      validFrom: string | null;
      validTo: string | null;
    }
  | {
      kind: 'notCharged';
      frankingLicence: string;
      invoiceReference: string;
      serviceCode: string;
      serviceDate: string;
    };

interface ReasonLine {
  frankingLicence: string;
  invoiceReference: string;
  serviceCode: string;
  serviceDate: string;
}

/** The reason for a line the engine charged to `winner` (an assignment, or undefined: unassigned). */
export const lineReason = (line: ReasonLine, winner: Assignment | undefined): LineReason => {
  if (!winner)
    return {
      kind: 'notCharged',
      frankingLicence: line.frankingLicence,
      invoiceReference: line.invoiceReference,
      serviceCode: line.serviceCode,
      serviceDate: line.serviceDate,
    };
  return {
    kind: 'charged',
    by: winner.kind,
    key: winner.key,
    assignmentId: winner.id,
    percents: winner.splits.map((split) => split.percent),
    validFrom: winner.validFrom ?? null,
    validTo: winner.validTo ?? null,
  };
};
