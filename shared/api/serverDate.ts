/**
 * The operator's clock as its responses tell it (contract: every response carries a Date header, and
 * a client derives the operator's date from it, never from its own clock, which may be days off).
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The operator's calendar date from an HTTP Date header (RFC 9110 section 5.6.7, IMF-fixdate and
 * the obsolete forms Date.parse accepts), in UTC as the header is; null when absent or unreadable.
 */
export const operatorDateFromHeader = (header: string | null | undefined): string | null => {
  if (header === null || header === undefined || header.trim() === '') return null;
  const ms = Date.parse(header);
  if (!Number.isFinite(ms)) return null;
  const iso = new Date(ms).toISOString();
  // Years outside 4 digits print as +/-YYYYYY: no operator runs on such a clock.
  const day = iso.slice(0, 10);
  return ISO_DATE.test(day) ? day : null;
};

/** Remembers the operator date of the latest response that carried a readable Date header. */
export interface ServerClock {
  /** The operator's calendar date (UTC, as the header), or null before any dated response. */
  readonly operatorDate: () => string | null;
  readonly observe: (response: Response) => void;
}

export const createServerClock = (): ServerClock => {
  let latest: string | null = null;
  return {
    operatorDate: () => latest,
    observe: (response) => {
      latest = operatorDateFromHeader(response.headers.get('date')) ?? latest;
    },
  };
};
