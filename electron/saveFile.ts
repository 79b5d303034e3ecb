import path from 'node:path';
import type { App, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { catalogues } from '../shared/i18n/catalogues';
import { pickLanguage } from '../shared/i18n/languages';
import { extensionOf, type SaveFileExtension, type SaveFileOutcome } from '../shared/ipc/saveFile';
import { writeFileAtomically } from './atomicFile';

/** Electron's save dialog, bound by main to the main window so that it is modal to it. */
export type ShowSaveDialog = (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;

export interface SaveFileDeps {
  showSaveDialog: ShowSaveDialog;
  /** Where the dialog opens until the clerk has saved once. */
  defaultFolder: () => string;
  /** The dialog's label for a file type ("PDF document"). */
  fileTypeName: (extension: SaveFileExtension) => string;
}

export type SaveFile = (suggestedName: string, bytes: Uint8Array) => Promise<SaveFileOutcome>;

/** Downloads where the OS has one, else Documents, else home: somewhere the clerk will look. */
export const defaultSaveFolder = (app: Pick<App, 'getPath'>): string => {
  for (const name of ['downloads', 'documents', 'home'] as const) {
    try {
      return app.getPath(name);
    } catch {
      // Some Linux desktops define no Downloads folder: getPath throws, try the next one.
    }
  }
  return process.cwd();
};

/** The file dialog is OS chrome: it speaks the OS language, like its own buttons do. */
export const fileTypeNameFor =
  (locale: () => string) =>
  (extension: SaveFileExtension): string =>
    catalogues[pickLanguage([locale()])].files[extension];

/**
 * Asks the clerk where to save (the renderer only suggests a bare, already validated name) and
 * writes there. The next dialog opens in the folder used last.
 */
export const createSaveFile = (deps: SaveFileDeps): SaveFile => {
  let lastFolder: string | null = null;
  return async (suggestedName, bytes) => {
    const extension = extensionOf(suggestedName);
    if (!extension) throw new Error(`Refusing to save ${suggestedName}: unsupported file type`);
    const result = await deps.showSaveDialog({
      defaultPath: path.join(lastFolder ?? deps.defaultFolder(), suggestedName),
      filters: [{ name: deps.fileTypeName(extension), extensions: [extension] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (result.canceled || result.filePath === '') return 'cancelled';
    // GTK dialogs do not add the filter's extension: a name typed without one still opens as a PDF.
    const target = path.extname(result.filePath) === '' ? `${result.filePath}.${extension}` : result.filePath;
    // Atomic: the clerk never finds half a PDF where an earlier one was, even after a crash or a full disk.
    await writeFileAtomically(target, bytes);
    lastFolder = path.dirname(target);
    return 'saved';
  };
};
