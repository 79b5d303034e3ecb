/**
 * "New since your last visit": the previous start of the app, read once at start-up and replaced by
 * this one, so invoices that arrive during this session count as new too.
 */
const KEY = 'invoice-desk.last-visit';

export const rememberVisit = (storage: Storage, now: Date): string | null => {
  const previous = storage.getItem(KEY);
  storage.setItem(KEY, now.toISOString());
  return previous && !Number.isNaN(Date.parse(previous)) ? previous : null;
};
