/**
 * Optional persistence of the writable resources to a JSON file, so that a clerk's cost centres
 * survive a restart of the simulator. Writes are serialised and atomic (temporary file + rename).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { PersistedStateSchema, type PersistedState } from './writableState';

export interface Persistence {
  load(): Promise<PersistedState | undefined>;
  save(state: PersistedState): void;
  /** resolves when every save issued so far has reached the disk */
  flush(): Promise<void>;
}

const isMissingFile = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';

export const createPersistence = (path: string | undefined): Persistence => {
  let queue: Promise<void> = Promise.resolve();
  let lastError: unknown = null;
  return {
    load: async () => {
      if (path === undefined) return undefined;
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if (isMissingFile(error)) return undefined;
        throw error;
      }
      const parsed = PersistedStateSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`${path} is not a simulator state file: ${parsed.error.message}`);
      return parsed.data;
    },
    save: (state) => {
      if (path === undefined) return;
      const text = `${JSON.stringify(state, null, 2)}\n`;
      queue = queue
        .then(async () => {
          await writeFile(`${path}.tmp`, text, 'utf8');
          await rename(`${path}.tmp`, path);
        })
        .catch((error: unknown) => {
          lastError = error;
        });
    },
    flush: async () => {
      await queue;
      if (lastError !== null) {
        const error = lastError;
        lastError = null;
        throw error instanceof Error
          ? error
          : new Error('saving the simulator state failed', { cause: error });
      }
    },
  };
};
