import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenFile } from './openFile';
import { createFakeOpenDialog, fakeInvokeEvent } from './testing/fakeElectron';
import { createTestHandlers } from './testing/testHandlers';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'invoice-desk-open-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const CSV = new TextEncoder().encode('Kostenstelle;Bezeichnung\n4100;Marketing\n');

/** main's handlers over the fake ipcMain, with the real open-file port over the fake dialog. */
const setup = (maxBytes?: number) => {
  const dialog = createFakeOpenDialog();
  const openFile = createOpenFile({
    showOpenDialog: (options) => dialog.showOpenDialog(options),
    filterName: () => 'Tabellen und CSV-Dateien',
    ...(maxBytes === undefined ? {} : { maxBytes }),
  });
  const { invoke } = createTestHandlers({ openFile });
  return { dialog, invoke };
};

describe('openFile', () => {
  it('shows the dialog for the accepted types and answers the base name and bytes, never the path', async () => {
    const { dialog, invoke } = setup();
    const chosen = path.join(folder, 'Kostenstellen 2026.csv');
    await fs.writeFile(chosen, CSV);
    dialog.answer.filePaths = [chosen];

    const answer = await invoke('openFile', { accept: ['xlsx', 'xls', 'ods', 'csv'] });

    expect(answer).toEqual({ ok: true, value: { name: 'Kostenstellen 2026.csv', bytes: CSV } });
    expect(JSON.stringify(answer)).not.toContain(folder);
    expect(dialog.shown).toEqual([
      {
        filters: [{ name: 'Tabellen und CSV-Dateien', extensions: ['xlsx', 'xls', 'ods', 'csv'] }],
        properties: ['openFile'],
      },
    ]);
  });

  it('answers null when the clerk cancels', async () => {
    const { invoke } = setup();
    await expect(invoke('openFile', { accept: ['csv'] })).resolves.toEqual({ ok: true, value: null });
  });

  it('refuses a file above the bound with files.tooLarge, and one it cannot read with files.unreadable', async () => {
    const { dialog, invoke } = setup(16);
    const big = path.join(folder, 'big.xlsx');
    await fs.writeFile(big, new Uint8Array(17));
    dialog.answer.filePaths = [big];
    await expect(invoke('openFile', { accept: ['xlsx'] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'files.tooLarge' },
    });
    dialog.answer.filePaths = [path.join(folder, 'gone.xlsx')];
    await expect(invoke('openFile', { accept: ['xlsx'] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'files.unreadable' },
    });
    // A folder is no file either.
    dialog.answer.filePaths = [folder];
    await expect(invoke('openFile', { accept: ['xlsx'] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'files.unreadable' },
    });
  });

  it.each([
    ['another file type', { accept: ['exe'] }],
    ['no type at all', { accept: [] }],
    ['a path instead of types', { path: '/etc/passwd' }],
  ])('refuses %s without showing the dialog', async (_label, payload) => {
    const { dialog, invoke } = setup();
    await expect(invoke('openFile', payload)).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidPayload' },
    });
    expect(dialog.shown).toEqual([]);
  });

  it('refuses a request from a frame other than the app and shows no dialog', async () => {
    const { dialog, invoke } = setup();
    await expect(
      invoke('openFile', { accept: ['csv'] }, fakeInvokeEvent('https://evil.example/')),
    ).resolves.toMatchObject({ ok: false, error: { code: 'ipc.forbiddenSender' } });
    expect(dialog.shown).toEqual([]);
  });
});
