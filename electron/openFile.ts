import fs from 'node:fs/promises';
import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { OPEN_FILE_MAX_BYTES, type OpenedFile, type OpenFileFormat } from '../shared/ipc/openFile';
import { IpcRefusal } from './ipc';

/** Electron's open dialog, bound by main to the main window so that it is modal to it. */
export type ShowOpenDialog = (options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;

export interface OpenFileDeps {
  showOpenDialog: ShowOpenDialog;
  /** The dialog's label for the accepted files ("Spreadsheets and CSV files"), in the OS language. */
  filterName: () => string;
  maxBytes?: number;
}

export type OpenFile = (accept: readonly OpenFileFormat[]) => Promise<OpenedFile>;

/**
 * Asks the clerk for one file of the accepted types and reads it, refusing one above the bound
 * before reading it whole. Only the base name goes back: the renderer never learns the path.
 */
export const createOpenFile = (deps: OpenFileDeps): OpenFile => {
  const maxBytes = deps.maxBytes ?? OPEN_FILE_MAX_BYTES;
  return async (accept) => {
    const result = await deps.showOpenDialog({
      filters: [{ name: deps.filterName(), extensions: [...accept] }],
      properties: ['openFile'],
    });
    const chosen = result.filePaths[0];
    if (result.canceled || chosen === undefined) return null;
    const name = path.basename(chosen);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(chosen, 'r');
    } catch {
      throw new IpcRefusal('files.unreadable', `${name} cannot be opened`);
    }
    try {
      // Checked on the open handle, so the file measured is the file read.
      const stat = await handle.stat();
      // A folder opens on POSIX systems too; only a regular file is something to import.
      if (!stat.isFile()) throw new IpcRefusal('files.unreadable', `${name} is not a file`);
      const { size } = stat;
      if (size > maxBytes)
        throw new IpcRefusal('files.tooLarge', `${name} has ${size} bytes, more than ${maxBytes}`);
      const bytes = new Uint8Array(await handle.readFile());
      if (bytes.byteLength > maxBytes)
        throw new IpcRefusal('files.tooLarge', `${name} grew beyond ${maxBytes} bytes while it was read`);
      return { name, bytes };
    } catch (error) {
      if (error instanceof IpcRefusal) throw error;
      throw new IpcRefusal('files.unreadable', `${name} cannot be read`);
    } finally {
      await handle.close();
    }
  };
};
