import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSaveFile, defaultSaveFolder, fileTypeNameFor } from './saveFile';
import { createFakeDialog } from './testing/fakeElectron';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a]);

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'invoice-desk-save-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const setup = () => {
  const dialog = createFakeDialog();
  const save = createSaveFile({
    showSaveDialog: (options) => dialog.showSaveDialog(options),
    defaultFolder: () => path.join(folder, 'Downloads'),
    fileTypeName: fileTypeNameFor(() => 'de-CH'),
  });
  return { dialog, save };
};

describe('saveFile', () => {
  it('writes the bytes where the clerk chose, offering the suggested name in the default folder', async () => {
    const { dialog, save } = setup();
    const target = path.join(folder, 'chosen.pdf');
    dialog.answer.filePath = target;

    await expect(save('Invoice 2025-000123.pdf', PDF)).resolves.toBe('saved');

    expect(new Uint8Array(await fs.readFile(target))).toEqual(PDF);
    expect(dialog.shown).toEqual([
      {
        defaultPath: path.join(folder, 'Downloads', 'Invoice 2025-000123.pdf'),
        filters: [{ name: 'PDF-Dokument', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    ]);
    // Nothing is left behind but the file itself: the temporary file was renamed, not copied.
    expect(await fs.readdir(folder)).toEqual(['chosen.pdf']);
  });

  it("answers 'cancelled' and writes nothing when the clerk cancels the dialog", async () => {
    const { dialog, save } = setup();
    dialog.answer.filePath = '';
    await expect(save('Invoice.pdf', PDF)).resolves.toBe('cancelled');
    expect(await fs.readdir(folder)).toEqual([]);
  });

  it('replaces an existing file whole', async () => {
    const { dialog, save } = setup();
    const target = path.join(folder, 'invoice.pdf');
    await fs.writeFile(target, 'an older, much longer file that must not shine through');
    dialog.answer.filePath = target;
    await expect(save('invoice.pdf', PDF)).resolves.toBe('saved');
    expect(new Uint8Array(await fs.readFile(target))).toEqual(PDF);
    expect(await fs.readdir(folder)).toEqual(['invoice.pdf']);
  });

  it("adds the file type's extension when the clerk typed a name without one", async () => {
    const { dialog, save } = setup();
    dialog.answer.filePath = path.join(folder, 'march');
    await save('lines.csv', PDF);
    expect(await fs.readdir(folder)).toEqual(['march.csv']);
  });

  it('opens the next dialog in the folder used last', async () => {
    const { dialog, save } = setup();
    const chosen = path.join(folder, 'archive');
    await fs.mkdir(chosen);
    dialog.answer.filePath = path.join(chosen, 'one.pdf');
    await save('one.pdf', PDF);
    dialog.answer.filePath = '';
    await save('two.pdf', PDF);
    expect(dialog.shown[1]?.defaultPath).toBe(path.join(chosen, 'two.pdf'));
  });

  it('fails without leaving a temporary file when the folder cannot be written', async () => {
    const { dialog, save } = setup();
    dialog.answer.filePath = path.join(folder, 'missing', 'invoice.pdf');
    await expect(save('invoice.pdf', PDF)).rejects.toThrow();
    expect(await fs.readdir(folder)).toEqual([]);
  });

  it('refuses a name the contract does not allow, before showing any dialog', async () => {
    const { dialog, save } = setup();
    await expect(save('invoice.exe', PDF)).rejects.toThrow(/unsupported/);
    expect(dialog.shown).toEqual([]);
  });
});

describe('defaultSaveFolder', () => {
  it('prefers Downloads, then Documents', () => {
    const paths: Record<string, string> = { downloads: '/home/c/Downloads', documents: '/home/c/Documents' };
    const getPath = (name: string) => {
      const found = paths[name];
      if (!found) throw new Error(`no ${name}`);
      return found;
    };
    expect(defaultSaveFolder({ getPath })).toBe('/home/c/Downloads');
    delete paths.downloads;
    expect(defaultSaveFolder({ getPath })).toBe('/home/c/Documents');
  });
});

describe('fileTypeNameFor', () => {
  it('names the file type in the OS language, English when the app does not speak it', () => {
    expect(fileTypeNameFor(() => 'fr-CH')('xlsx')).toBe('Classeur Excel');
    expect(fileTypeNameFor(() => 'ja-JP')('pdf')).toBe('PDF document');
  });
});
