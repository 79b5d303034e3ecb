/**
 * Conditional writes (RFC 9110 section 13) as the contract uses them: updates carry If-Match,
 * creations If-None-Match: "*", a stale tag answers 412 with the current representation, and a
 * write with neither header answers 428.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { problem, type SimResponse } from './messages';

const parseTags = (header: string): '*' | string[] => {
  const trimmed = header.trim();
  if (trimmed === '*') return '*';
  return trimmed
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
};

const strongMatch = (tags: readonly string[], etag: string): boolean =>
  tags.some((tag) => !tag.startsWith('W/') && tag === etag);

const weakMatch = (tags: readonly string[], etag: string): boolean =>
  tags.some((tag) => tag.replace(/^W\//, '') === etag.replace(/^W\//, ''));

const headerValue = (
  headers: IncomingHttpHeaders,
  name: 'if-match' | 'if-none-match',
): string | undefined => {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Evaluates the preconditions of a write against the resource's current etag (undefined when it
 * does not exist). Returns null when the write may proceed, or the 412/428 answer.
 */
export const checkWritePreconditions = (
  headers: IncomingHttpHeaders,
  current: { readonly etag: string; readonly representation: unknown } | undefined,
  options: { readonly requireIfMatch?: boolean } = {},
): SimResponse | null => {
  const ifMatch = headerValue(headers, 'if-match');
  const ifNoneMatch = headerValue(headers, 'if-none-match');
  const stale = (detail: string): SimResponse =>
    problem(412, {
      slug: 'precondition-failed',
      detail,
      ...(current === undefined ? {} : { current: current.representation }),
      ...(current === undefined ? {} : { headers: { ETag: current.etag } }),
    });

  if (ifMatch !== undefined) {
    const tags = parseTags(ifMatch);
    if (current === undefined) return stale('the resource does not exist');
    if (tags !== '*' && !strongMatch(tags, current.etag))
      return stale('the resource was changed in the meantime');
  }
  if (ifNoneMatch !== undefined) {
    const tags = parseTags(ifNoneMatch);
    if (current !== undefined && (tags === '*' || weakMatch(tags, current.etag))) {
      return stale('the resource already exists');
    }
  }
  // Checked last so that If-None-Match: "*" on an existing resource still answers 412, as the contract asks.
  if (ifMatch === undefined && (ifNoneMatch === undefined || options.requireIfMatch === true)) {
    return problem(428, {
      slug: 'precondition-required',
      detail:
        options.requireIfMatch === true
          ? 'send If-Match with the etag you last saw'
          : 'send If-Match (update) or If-None-Match: "*" (create)',
    });
  }
  return null;
};

/** For GET: true when If-None-Match names the current etag, so a 304 will do. */
export const notModified = (headers: IncomingHttpHeaders, etag: string): boolean => {
  const ifNoneMatch = headerValue(headers, 'if-none-match');
  if (ifNoneMatch === undefined) return false;
  const tags = parseTags(ifNoneMatch);
  return tags === '*' || weakMatch(tags, etag);
};
