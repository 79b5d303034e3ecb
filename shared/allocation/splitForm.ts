import type { Assignment, AssignmentInput, CostCenter, KeyKind } from '../api/schemas';
import { addDays } from '../core/dates';
import { checkAssignment, MAX_SPLITS, periodsOverlap, type AssignmentProblem } from './assignmentForm';
import { assignmentsAfter, inputOf, type AssignmentChange } from './changes';

/**
 * The split dialog's form as the clerk types it: every period of one key as text (percentages,
 * Swiss dates), read into the contract's input, checked as the operator would check it, and turned
 * into ONE batch of changes (a period ended, the next one started, another deleted).
 */

export interface SplitDraft {
  costCenterCode: string;
  /** As typed: "70", "70 %", "70,5" (the last refused as not whole). */
  percent: string;
}

export interface PeriodDraft {
  /** The assignment's id: stored, or a fresh one for a period the clerk adds. */
  id: string;
  splits: SplitDraft[];
  /** As typed ("1.3.2026", "01/03/2026", "2026-03-01"); empty: no limit. */
  validFrom: string;
  validTo: string;
}

/** What the typing itself gets wrong, before the operator's rules apply. */
export type TypingProblem =
  | { field: `splits.${number}.percent`; code: 'percentNotNumber' }
  | { field: `splits.${number}.costCenterCode`; code: 'chooseCenter' }
  | { field: 'validFrom' | 'validTo'; code: 'dateInvalid' };

export type FormProblem = TypingProblem | AssignmentProblem;

export const isTypingProblem = (problem: FormProblem): problem is TypingProblem =>
  problem.code === 'percentNotNumber' || problem.code === 'chooseCenter' || problem.code === 'dateInvalid';

const PERCENT = /^([0-9]+(?:[.,][0-9]+)?)\s*%?$/;

/** "70", "70 %", "70%" → 70; "12,5" → 12.5 (a whole-percent rule refuses it later); else null. */
export const parsePercent = (text: string): number | null => {
  const match = PERCENT.exec(text.trim());
  return match?.[1] === undefined ? null : Number(match[1].replace(',', '.'));
};

const SWISS_DATE = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isoOf = (year: number, month: number, day: number): string | undefined => {
  const date = new Date(Date.UTC(year, month - 1, day));
  // 31.2.2026 is no day: Date would roll it over into March.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
};

/**
 * A day as the clerk types it, day first in every language of the app ("1.3.2026", "01/03/2026",
 * "1.3.26"), or ISO: its ISO form; null for an empty field (no limit); undefined when it is no day.
 */
export const parseDay = (text: string): string | null | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const iso = ISO_DATE.exec(trimmed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const swiss = SWISS_DATE.exec(trimmed);
  if (!swiss) return undefined;
  const year = Number(swiss[3]);
  return isoOf(year < 100 ? 2000 + year : year, Number(swiss[2]), Number(swiss[1]));
};

/** A period's input as read from its text, with what the typing got wrong (then `input` is null). */
export const readDraft = (
  kind: KeyKind,
  key: string,
  draft: PeriodDraft,
): { input: AssignmentInput | null; problems: TypingProblem[] } => {
  const problems: TypingProblem[] = [];
  const splits = draft.splits.map((split, index) => {
    const percent = parsePercent(split.percent);
    if (percent === null) problems.push({ field: `splits.${index}.percent`, code: 'percentNotNumber' });
    if (split.costCenterCode === '')
      problems.push({ field: `splits.${index}.costCenterCode`, code: 'chooseCenter' });
    return { costCenterCode: split.costCenterCode, percent: percent ?? 0 };
  });
  const validFrom = parseDay(draft.validFrom);
  const validTo = parseDay(draft.validTo);
  if (validFrom === undefined) problems.push({ field: 'validFrom', code: 'dateInvalid' });
  if (validTo === undefined) problems.push({ field: 'validTo', code: 'dateInvalid' });
  if (problems.length > 0 || validFrom === undefined || validTo === undefined)
    return { input: null, problems };
  return { input: { kind, key, splits, validFrom, validTo }, problems };
};

/** The live sum of the typed shares (those that read as numbers), for "70 % + 30 % = 100 %". */
export const typedShares = (draft: PeriodDraft): number[] =>
  draft.splits.map((split) => parsePercent(split.percent)).filter((percent) => percent !== null);

/** A stored assignment as the form shows it (dates in the clerk's form, `formatDay`). */
export const draftOf = (assignment: Assignment, formatDay: (iso: string) => string): PeriodDraft => ({
  id: assignment.id,
  splits: assignment.splits.map((split) => ({
    costCenterCode: split.costCenterCode,
    percent: String(split.percent),
  })),
  validFrom: assignment.validFrom ? formatDay(assignment.validFrom) : '',
  validTo: assignment.validTo ? formatDay(assignment.validTo) : '',
});

export const canAddSplit = (draft: PeriodDraft): boolean => draft.splits.length < MAX_SPLITS;

const sameInput = (a: AssignmentInput, b: AssignmentInput): boolean =>
  JSON.stringify(inputOf({ ...a, id: '', etag: '', updatedAt: '' })) ===
  JSON.stringify(inputOf({ ...b, id: '', etag: '', updatedAt: '' }));

export interface FormState {
  kind: KeyKind;
  key: string;
  /** Every assignment stored (the overlap check needs those of the key; the batch touches no other). */
  assignments: readonly Assignment[];
  centers: readonly CostCenter[];
  /** The key's periods as the clerk has them now; a stored one missing here is deleted. */
  drafts: readonly PeriodDraft[];
}

export interface FormReading {
  /** Per draft (same order): its problems, typing first; empty when it passes. */
  problems: FormProblem[][];
  /**
   * The batch Confirm writes, in the order the operator must receive it (deletions, then changed
   * periods, then new ones: an ended period frees the days the next one takes); null while any
   * draft has a problem.
   */
  batch: AssignmentChange[] | null;
}

/** Reads every draft, checks each against the state after the whole batch, builds the batch. */
export const readForm = (form: FormState): FormReading => {
  const stored = form.assignments.filter((row) => row.kind === form.kind && row.key === form.key);
  const storedById = new Map(stored.map((row) => [row.id, row]));
  const read = form.drafts.map((draft) => readDraft(form.kind, form.key, draft));
  const kept = new Set(form.drafts.map((draft) => draft.id));
  const deletions: AssignmentChange[] = stored
    .filter((row) => !kept.has(row.id))
    .map((row) => ({ op: 'delete', id: row.id }));
  const changed: AssignmentChange[] = [];
  const created: AssignmentChange[] = [];
  form.drafts.forEach((draft, index) => {
    const input = read[index]?.input;
    if (!input) return;
    const before = storedById.get(draft.id);
    if (!before) created.push({ op: 'put', id: draft.id, input });
    else if (!sameInput(inputOf(before), input)) changed.push({ op: 'put', id: draft.id, input });
  });
  const batch = [...deletions, ...changed, ...created];
  const after = assignmentsAfter(form.assignments, batch, '1970-01-01T00:00:00Z');
  const problems = form.drafts.map((draft, index): FormProblem[] => {
    const reading = read[index];
    if (!reading?.input) return reading?.problems ?? [];
    return checkAssignment(reading.input, { id: draft.id, centers: form.centers, assignments: after });
  });
  return { problems, batch: problems.every((list) => list.length === 0) ? batch : null };
};

/**
 * A new period from `fromIso` (null: from ever), with the splits of the period it follows; with
 * `endOpen`, the open period it cuts ends the day before, in the same batch (`ended`: its index, or
 * null when none does). `formatDay` writes a day in the clerk's form.
 */
export const addPeriod = (
  drafts: readonly PeriodDraft[],
  fromIso: string | null,
  id: string,
  formatDay: (iso: string) => string,
  { endOpen }: { endOpen: boolean },
): { drafts: PeriodDraft[]; ended: number | null } => {
  const covering = fromIso === null ? -1 : openPeriodBefore(drafts, fromIso);
  const previous = drafts[covering];
  const next: PeriodDraft = {
    id,
    splits: previous
      ? previous.splits.map((split) => ({ ...split }))
      : [{ costCenterCode: '', percent: '100' }],
    validFrom: fromIso === null ? '' : formatDay(fromIso),
    validTo: '',
  };
  if (!endOpen || !previous || fromIso === null) return { drafts: [...drafts, next], ended: null };
  const updated = drafts.map((draft, index) =>
    index === covering ? { ...draft, validTo: formatDay(addDays(fromIso, -1)) } : draft,
  );
  return { drafts: [...updated, next], ended: covering };
};

/** The index of the period without end that starts before `fromIso` (the one a new period would cut); -1 if none. */
export const openPeriodBefore = (drafts: readonly PeriodDraft[], fromIso: string): number =>
  drafts.findIndex((draft) => {
    const from = parseDay(draft.validFrom);
    const to = parseDay(draft.validTo);
    return to === null && from !== undefined && (from === null || from < fromIso);
  });

const NAMED_IN_DETAIL = /\bassignment (\S+) already charges\b/;

/**
 * The assignment that made the operator refuse `refused` (409): found among the stored ones (of
 * the same key, on some of the same days; another user's arrives with the next pull). The
 * operator's `detail` may name it ("assignment <id> already charges …"): read only as a hint to
 * pick among those, never shown.
 */
export const refusingAssignment = (
  refused: { id: string; input: AssignmentInput },
  assignments: readonly Assignment[],
  detail?: string,
): Assignment | null => {
  const { input } = refused;
  const candidates = assignments.filter(
    (other) =>
      other.id !== refused.id &&
      other.kind === input.kind &&
      other.key === input.key &&
      periodsOverlap(other, input),
  );
  const named = NAMED_IN_DETAIL.exec(detail ?? '')?.[1];
  return candidates.find((other) => other.id === named) ?? candidates[0] ?? null;
};
