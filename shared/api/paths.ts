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
  if (value === '' || value === '.' || value === '..') {
    throw new InvalidRequestError(`${JSON.stringify(value)} cannot be used in a URL path`);
  }
  return strictEncode(value);
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
