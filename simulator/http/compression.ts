import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Content-Encoding as the contract allows it (RFC 9110 section 8.4 and 12.5.3): gzip or br when the
 * request's Accept-Encoding accepts it, JSON only (a PDF is compressed inside already), and only
 * bodies large enough to gain. Fast settings: the simulator shares the machine with its client, and
 * a loopback link gains little from squeezing harder.
 */
export type ContentCoding = 'br' | 'gzip';

/** Smaller bodies cost more to compress than they save. */
export const MIN_COMPRESSED_BYTES = 1024;

/** The coding to answer with: the client's preference by q-value, br before gzip at equal q. */
export const negotiateCoding = (acceptEncoding: string | undefined): ContentCoding | null => {
  if (acceptEncoding === undefined) return null;
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const name = token.trim();
    if (name === '') continue;
    const q = params.map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value);
    const value = q === undefined ? 1 : Number(q);
    quality.set(name, Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0);
  }
  const of = (coding: ContentCoding) => quality.get(coding) ?? quality.get('*') ?? 0;
  const br = of('br');
  const gzip = of('gzip');
  if (br <= 0 && gzip <= 0) return null;
  return br >= gzip ? 'br' : 'gzip';
};

/** JSON and its +json kinds (problem+json): the bodies worth compressing. */
export const isJson = (contentType: string | undefined): boolean =>
  contentType !== undefined && /^application\/(?:[a-z0-9.+-]+\+)?json\b/i.test(contentType);

/** The body to send and its coding; the same body, uncoded, when it is not worth it. */
export const encodeBody = (
  body: Buffer,
  contentType: string | undefined,
  coding: ContentCoding | null,
): { body: Buffer; coding: ContentCoding | null } => {
  if (coding === null || body.length < MIN_COMPRESSED_BYTES || !isJson(contentType)) {
    return { body, coding: null };
  }
  const encoded =
    coding === 'br'
      ? brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 1,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        })
      : gzipSync(body, { level: 1 });
  return { body: encoded, coding };
};
