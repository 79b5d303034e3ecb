import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAVE_STREAM_MAX_CHUNK_BYTES, SAVE_STREAM_MAX_OPEN } from '../shared/ipc/saveStream';
import { openAtomicFile } from './atomicFile';
import { createSaveStreams, type SaveStreamDeps } from './saveStream';
import { createFakeDialog, fakeInvokeEvent } from './testing/fakeElectron';
import { createTestHandlers } from './testing/testHandlers';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'invoice-desk-stream-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** main's handlers over the fake ipcMain, with real save streams over the fake dialog. */
const setup = (open?: SaveStreamDeps['open']) => {
  const dialog = createFakeDialog();
  const saveStreams = createSaveStreams({
    showSaveDialog: (options) => dialog.showSaveDialog(options),
    defaultFolder: () => folder,
    fileTypeName: () => 'Excel-Arbeitsmappe',
    ...(open ? { open } : {}),
  });
  const { invoke } = createTestHandlers({ saveStreams });
  return { dialog, invoke, saveStreams };
};

const begin = async (invoke: ReturnType<typeof setup>['invoke'], name = 'export.xlsx'): Promise<string> => {
  const answer = await invoke('saveStreamBegin', { suggestedName: name, mimeType: XLSX });
  if (typeof answer !== 'object' || answer === null || !('ok' in answer) || !answer.ok) {
    throw new Error(`begin failed: ${JSON.stringify(answer)}`);
  }
  const value: unknown = 'value' in answer ? answer.value : null;
  if (typeof value !== 'object' || value === null || !('id' in value) || typeof value.id !== 'string') {
    throw new Error('no id');
  }
  return value.id;
};

const temporaries = async () => (await fs.readdir(folder)).filter((name) => name.endsWith('.tmp'));

describe('saveStream (IPC)', () => {
  it('writes the pieces in order into a temporary file and renames it over the target at the end', async () => {
    const { dialog, invoke } = setup();
    const target = path.join(folder, 'Auswertung.xlsx');
    await fs.writeFile(target, 'the earlier file');
    dialog.answer.filePath = target;
    const id = await begin(invoke);
    expect(dialog.shown[0]?.defaultPath).toBe(path.join(folder, 'export.xlsx'));

    await expect(invoke('saveStreamChunk', { id, bytes: Uint8Array.of(1, 2, 3) })).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    await invoke('saveStreamChunk', { id, bytes: Uint8Array.of(4, 5) });
    // Until the finish, the clerk's earlier file is untouched; the pieces are beside it.
    expect(await fs.readFile(target, 'utf8')).toBe('the earlier file');
    expect(await temporaries()).toHaveLength(1);

    await expect(invoke('saveStreamFinish', { id })).resolves.toEqual({ ok: true, value: 'saved' });
    expect([...(await fs.readFile(target))]).toEqual([1, 2, 3, 4, 5]);
    expect(await temporaries()).toEqual([]);
    // Finished: the id is no longer valid.
    await expect(invoke('saveStreamChunk', { id, bytes: Uint8Array.of(6) })).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidPayload' },
    });
  });

  it('answers cancelled when the clerk backs out of the dialog, and opens nothing', async () => {
    const { invoke } = setup();
    await expect(
      invoke('saveStreamBegin', { suggestedName: 'export.xlsx', mimeType: XLSX }),
    ).resolves.toEqual({ ok: true, value: { outcome: 'cancelled' } });
    expect(await fs.readdir(folder)).toEqual([]);
  });

  it('abort removes the temporary file and leaves the target as it was', async () => {
    const { dialog, invoke } = setup();
    dialog.answer.filePath = path.join(folder, 'Auswertung.xlsx');
    const id = await begin(invoke);
    await invoke('saveStreamChunk', { id, bytes: new Uint8Array(1000) });
    await expect(invoke('saveStreamAbort', { id })).resolves.toEqual({ ok: true, value: undefined });
    expect(await fs.readdir(folder)).toEqual([]);
    // Aborting again is harmless.
    await expect(invoke('saveStreamAbort', { id })).resolves.toMatchObject({ ok: true });
  });

  it('refuses an untrusted sender, an id main never gave, a piece above the bound and an unsafe name', async () => {
    const { dialog, invoke } = setup();
    dialog.answer.filePath = path.join(folder, 'a.xlsx');
    await expect(
      invoke(
        'saveStreamBegin',
        { suggestedName: 'export.xlsx', mimeType: XLSX },
        fakeInvokeEvent('https://evil.example/'),
      ),
    ).resolves.toMatchObject({ ok: false, error: { code: 'ipc.forbiddenSender' } });
    expect(dialog.shown).toEqual([]);
    await expect(
      invoke('saveStreamChunk', { id: 'f'.repeat(32), bytes: Uint8Array.of(1) }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'ipc.invalidPayload' } });
    const id = await begin(invoke);
    await expect(
      invoke('saveStreamChunk', { id, bytes: new Uint8Array(SAVE_STREAM_MAX_CHUNK_BYTES + 1) }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'ipc.invalidPayload' } });
    await expect(
      invoke('saveStreamBegin', { suggestedName: '../x.xlsx', mimeType: XLSX }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'ipc.invalidPayload' } });
    await expect(
      invoke('saveStreamBegin', { suggestedName: 'x.xlsx', mimeType: 'text/csv' }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'ipc.invalidPayload' } });
  });

  it(`keeps at most ${SAVE_STREAM_MAX_OPEN} streams open at once`, async () => {
    const { dialog, invoke, saveStreams } = setup();
    for (let n = 0; n < SAVE_STREAM_MAX_OPEN; n += 1) {
      dialog.answer.filePath = path.join(folder, `f${n}.xlsx`);
      await begin(invoke);
    }
    await expect(
      invoke('saveStreamBegin', { suggestedName: 'export.xlsx', mimeType: XLSX }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'ipc.notAllowed' } });
    await saveStreams.abortAll();
    expect(await fs.readdir(folder)).toEqual([]);
  });

  it('a failed write removes the temporary file and ends the stream', async () => {
    const { dialog, invoke } = setup(async (file) => {
      const real = await openAtomicFile(file);
      return { ...real, write: () => Promise.reject(new Error('ENOSPC: no space left on device')) };
    });
    dialog.answer.filePath = path.join(folder, 'Auswertung.xlsx');
    const id = await begin(invoke);
    await expect(invoke('saveStreamChunk', { id, bytes: Uint8Array.of(1) })).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.failed', message: 'ENOSPC: no space left on device' },
    });
    expect(await fs.readdir(folder)).toEqual([]);
    await expect(invoke('saveStreamFinish', { id })).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidPayload' },
    });
  });
});
