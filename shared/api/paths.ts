/**
 * Building request paths. Values are percent-encoded strictly (RFC 3986 unreserved characters
 * only), so a path survives any hop that allow-lists URL characters, such as the IPC bridge.
 * Cost-centre codes may contain "/" (sent as %2F) and may even consist only of dots, which no
 * WHATWG URL can carry ("." and ".." segments, encoded or not, are removed by URL normalisation and
 * would address another resource), so those are refused before anything is sent.
 */
import { InvalidRequestError } from './errors';

// encodeURIComponent leaves these sub-delimiters as they are.
const strictEncode = (value: string): string =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );

export const segment = (value: string): string => {
  const encoded = strictEncode(value);
  // "a/.." travels as "a%2F..", which a server that decodes %2F before routing reads as a parent step.
  if (value === '' || hasDotSegment(encoded)) {
    throw new InvalidRequestError(`${JSON.stringify(value)} cannot be used in a URL path`);
  }
  return encoded;
};

/**
 * Whether the path (query ignored) has a "." or ".." segment in any spelling a URL parser or a
 * server may normalise away: literal or percent-encoded dots in any case, and segments separated by
 * "/", "\\" or their encodings %2F and %5C. Such a path can address another resource than the one
 * named, e.g. "/v1/../../admin/users" is GET /admin/users.
 */
export const hasDotSegment = (path: string): boolean => {
  const pathOnly = path.split('?')[0] ?? '';
  return pathOnly.split(/\/|\\|%2f|%5c/i).some((part) => {
    const dots = part.replace(/%2e/gi, '.');
    return dots === '.' || dots === '..';
  });
};

/** Appends the defined parameters as a query string; undefined ones are left out. */
export const withQuery = (
  path: string,
  query: Readonly<Record<string, string | number | undefined>>,
): string => {
  const pairs = Object.entries(query).flatMap(([name, value]) =>
    value === undefined ? [] : [`${strictEncode(name)}=${strictEncode(String(value))}`],
  );
  return pairs.length === 0 ? path : `${path}?${pairs.join('&')}`;
};
