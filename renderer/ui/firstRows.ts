/**
 * The moment a table first shows rows in this window. Work the first rows do not need (the date
 * picker's library, a quarter of a megabyte of script) waits for it, so it does not compete with
 * the line index for the two cores of a clerk's laptop while the page is still empty.
 */
export interface FirstRows {
  /** Called by a table once it shows rows; later calls do nothing. */
  mark(): void;
  /** Resolves once rows are shown, or after `fallbackMs` on a page whose rows are slow to come. */
  after(fallbackMs: number): Promise<void>;
}

export const createFirstRows = (
  setTimer: (run: () => void, ms: number) => unknown = setTimeout,
): FirstRows => {
  let reached: () => void = () => undefined;
  const shown = new Promise<void>((resolve) => {
    reached = resolve;
  });
  return {
    mark: () => reached(),
    after: (fallbackMs) =>
      Promise.race([shown, new Promise<void>((resolve) => void setTimer(resolve, fallbackMs))]),
  };
};

/** The window's one signal. */
export const firstRows = createFirstRows();
