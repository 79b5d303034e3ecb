import { z } from 'zod';
import {
  TIMESTAMP_MAX_BYTES,
  TIMESTAMP_MAX_QUERY_BYTES,
  TIMESTAMP_MAX_URL_LENGTH,
  timestampErrorCodes,
} from '../archive/timestampHttp';

/**
 * The renderer asks main to post one RFC 3161 query to a time-stamping authority: main holds the
 * network, the page builds the query and reads the reply (shared/archive/timestamp.ts). Both
 * directions are bounded here, so neither side can make the other hold more than a stamp.
 */
export const RequestTimestampRequestSchema = z.object({
  url: z.string().max(TIMESTAMP_MAX_URL_LENGTH),
  query: z
    .instanceof(Uint8Array<ArrayBuffer>)
    .refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= TIMESTAMP_MAX_QUERY_BYTES, {
      message: `must be 1 to ${TIMESTAMP_MAX_QUERY_BYTES} bytes`,
    }),
});
export type RequestTimestampRequest = z.infer<typeof RequestTimestampRequestSchema>;

/** The authority's reply as it came, or why there is none (a closed code, translated by the page). */
export const RequestTimestampResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    reply: z
      .instanceof(Uint8Array<ArrayBuffer>)
      .refine((bytes) => bytes.byteLength <= TIMESTAMP_MAX_BYTES, { message: 'too large' }),
  }),
  z.object({ ok: z.literal(false), code: z.enum(timestampErrorCodes), detail: z.string().max(500) }),
]);
export type RequestTimestampResponse = z.infer<typeof RequestTimestampResponseSchema>;
