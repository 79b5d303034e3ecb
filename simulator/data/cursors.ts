/**
 * Opaque cursors for the invoice feed and for line pages. They are base64url text with a checksum,
 * so that a forged or damaged cursor answers 400 instead of silently skipping data. The checksum is
 * keyed by the seed: two simulators with the same seed accept each other's cursors.
 */
import { hash32, hashString } from './prng';

export interface FeedPosition {
  /** time of the last change delivered (ms) */
  readonly at: number;
  /** id of the last invoice delivered at that time; '' before the first */
  readonly id: string;
}

export const FEED_START: FeedPosition = { at: 0, id: '' };

export interface CursorCodec {
  encodeFeed(position: FeedPosition): string;
  decodeFeed(cursor: string): FeedPosition | undefined;
  encodeLines(invoiceId: string, offset: number): string;
  decodeLines(cursor: string, invoiceId: string): number | undefined;
}

const ID_TEXT = /^[A-Za-z0-9-]*$/;

export const createCursorCodec = (seed: number): CursorCodec => {
  const check = (payload: string): string => hash32(hashString(payload), seed, 0xc0de).toString(36);
  const encode = (payload: string): string =>
    Buffer.from(`${payload}~${check(payload)}`, 'utf8').toString('base64url');
  const decode = (cursor: string): string[] | undefined => {
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return undefined;
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    const separator = text.lastIndexOf('~');
    if (separator < 0) return undefined;
    const payload = text.slice(0, separator);
    return check(payload) === text.slice(separator + 1) ? payload.split('.') : undefined;
  };

  return {
    encodeFeed: ({ at, id }) => encode(`f1.${at}.${id}`),
    decodeFeed: (cursor) => {
      const parts = decode(cursor);
      if (parts?.length !== 3 || parts[0] !== 'f1') return undefined;
      const at = Number(parts[1]);
      const id = parts[2] ?? '';
      return Number.isSafeInteger(at) && at >= 0 && ID_TEXT.test(id) ? { at, id } : undefined;
    },
    encodeLines: (invoiceId, offset) => encode(`l1.${invoiceId}.${offset}`),
    decodeLines: (cursor, invoiceId) => {
      const parts = decode(cursor);
      if (parts?.length !== 3 || parts[0] !== 'l1' || parts[1] !== invoiceId) return undefined;
      const offset = Number(parts[2]);
      return Number.isSafeInteger(offset) && offset >= 0 ? offset : undefined;
    },
  };
};
