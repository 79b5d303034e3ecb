/**
 * The one way electron/ writes a file: to a temporary file beside the target, flushed to disk, then
 * renamed over the target. A crash or a full disk leaves the previous file or the new one, never
 * half of either. On Windows, fs.rename replaces an existing target too.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** permissions of a newly written file, e.g. 0o600 for the clerk's settings and secret */
  mode?: number;
}

// Beside the target: a rename is atomic only within one file system. A fresh name per write, so
// that two writes of one file never share (or clobber) a temporary file.
const temporaryBeside = (file: string): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);

// Default as for any new file (0o666 less the umask).
const DEFAULT_MODE = 0o666;

export const writeFileAtomically = async (
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> => {
  const temporary = temporaryBeside(file);
  try {
    const handle = await fsp.open(temporary, 'wx', options.mode ?? DEFAULT_MODE);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(temporary, file);
  } catch (error) {
    await fsp.rm(temporary, { force: true });
    throw error;
  }
};

/** The same, for the ports that must answer synchronously (settings, the secret, window state). */
export const writeFileAtomicallySync = (
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): void => {
  const temporary = temporaryBeside(file);
  try {
    const descriptor = fs.openSync(temporary, 'wx', options.mode ?? DEFAULT_MODE);
    try {
      fs.writeFileSync(descriptor, data);
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
};

/** A file written piece by piece into its temporary file, then renamed over the target at once. */
export interface AtomicFileWriter {
  write(data: Uint8Array): Promise<void>;
  /** Flushes to disk and renames over the target. */
  commit(): Promise<void>;
  /** Removes the temporary file; the target is untouched. */
  discard(): Promise<void>;
}

export const openAtomicFile = async (
  file: string,
  options: AtomicWriteOptions = {},
): Promise<AtomicFileWriter> => {
  const temporary = temporaryBeside(file);
  const handle = await fsp.open(temporary, 'wx', options.mode ?? DEFAULT_MODE);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const discard = async (): Promise<void> => {
    await close().catch(() => undefined);
    await fsp.rm(temporary, { force: true });
  };
  return {
    write: async (data) => {
      // A write may take less than it was given (a full pipe, a signal): go on from there.
      for (let offset = 0; offset < data.length;) {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset);
        offset += bytesWritten;
      }
    },
    commit: async () => {
      try {
        await handle.sync();
        await close();
        await fsp.rename(temporary, file);
      } catch (error) {
        await discard();
        throw error;
      }
    },
    discard,
  };
};
