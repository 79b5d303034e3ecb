/** Why the local archive cannot be opened, as the clerk is told (i18n: problems.archive.<code>). */
export type ArchiveErrorCode = 'newerVersion';

export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The native version of a stored database, or null when there is none. Opens without a version, so
 * an existing database is never upgraded; a missing one is not created either (its creation is
 * aborted in `upgradeneeded`, which only fires for a database that does not exist yet).
 */
export const storedVersion = (factory: IDBFactory, name: string): Promise<number | null> =>
  new Promise((resolve, reject) => {
    const request = factory.open(name);
    let absent = false;
    request.onupgradeneeded = () => {
      absent = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = (event) => {
      if (absent) {
        // The aborted creation is expected: keep it from surfacing as an uncaught error.
        event.preventDefault();
        resolve(null);
      } else reject(request.error ?? new Error(`Cannot open ${name}`));
    };
  });
