/**
 * Response validation with per-item quarantine.
 *
 * One bad invoice or line must not keep the clerk from the other 999 on its page: list items are
 * validated one by one, the invalid ones are reported (index, id, readable issues) and left out,
 * and only a broken envelope (items not an array, next/cursor missing) fails the whole response.
 */
import type { z } from 'zod';
import { InvalidResponseError } from './errors';

// ---------------------------------------------------------------------------------------------
// Contract

export interface InvalidItem {
  /** Position in the page's `items` array. */
  readonly index: number;
  /** The item's identity when it could be read (invoice id, line number, cost-centre code, ...). */
  readonly id?: string;
  /** e.g. "netTotal: Invalid string: must match pattern /.../; lineCount: Too small: ..." */
  readonly issues: string;
}

export interface ValidatedItems<T> {
  readonly items: T[];
  readonly invalid: InvalidItem[];
}

/** Reads an item's identity from its raw (unvalidated) form; undefined when it has none usable. */
export type IdOf = (raw: unknown) => string | undefined;

// ---------------------------------------------------------------------------------------------
// Implementation

const formatPath = (path: readonly PropertyKey[]): string =>
  path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = typeof segment === 'symbol' ? (segment.description ?? '') : segment;
      return index === 0 ? name : `.${name}`;
    })
    .join('');

/** "path: message" per issue, joined with "; "; an issue about the value as a whole has no path. */
export const formatIssues = (error: z.ZodError): string =>
  error.issues
    .map((issue) => (issue.path.length === 0 ? issue.message : `${formatPath(issue.path)}: ${issue.message}`))
    .join('; ');

/** Reads one member as an identity; numbers count too (a line's lineNo). */
export const memberId =
  (...members: readonly string[]): IdOf =>
  (raw) => {
    if (typeof raw !== 'object' || raw === null) return undefined;
    const values = members.map((member): unknown => Reflect.get(raw, member));
    if (!values.every((value) => typeof value === 'string' || typeof value === 'number')) return undefined;
    return values.map(String).join('/');
  };

/**
 * `fast`, when given, answers what `schema` answers for the items it accepts, at a fraction of the
 * cost (shared/api/fastLineItem.ts); what it refuses goes through the schema, which words why.
 */
export const validateItems = <T>(
  raw: readonly unknown[],
  schema: z.ZodType<T>,
  idOf: IdOf,
  fast?: (candidate: unknown) => T | undefined,
): ValidatedItems<T> => {
  const items: T[] = [];
  const invalid: InvalidItem[] = [];
  raw.forEach((candidate, index) => {
    const quick = fast?.(candidate);
    if (quick !== undefined) {
      items.push(quick);
      return;
    }
    const parsed = schema.safeParse(candidate);
    if (parsed.success) {
      items.push(parsed.data);
      return;
    }
    const id = idOf(candidate);
    invalid.push({ index, ...(id === undefined ? {} : { id }), issues: formatIssues(parsed.error) });
  });
  return { items, invalid };
};

/** Validates a whole document (an envelope or a single resource); a mismatch is InvalidResponse. */
export const parseOrThrow = <T>(schema: z.ZodType<T>, json: unknown, what: string, status: number): T => {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = formatIssues(parsed.error);
  throw new InvalidResponseError(`${what} does not match the contract: ${issues}`, {
    status,
    reason: 'schema',
    issues,
  });
};
