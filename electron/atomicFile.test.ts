import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically, writeFileAtomicallySync, type AtomicWriteOptions } from './atomicFile';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'invoice-desk-atomic-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

type Write = (file: string, data: string | Uint8Array, options?: AtomicWriteOptions) => Promise<void>;
const writers: readonly (readonly [string, Write])[] = [
  ['writeFileAtomically', writeFileAtomically],
  [
    'writeFileAtomicallySync',
    (file, data, options) =>
      new Promise((resolve) => {
        writeFileAtomicallySync(file, data, options);
        resolve();
      }),
  ],
];

describe.each(writers)('%s', (_name, write) => {
  it('writes a new file and leaves nothing else in its folder', async () => {
    const target = path.join(folder, 'connection.json');
    await write(target, '{"mode":"demo"}');
    expect(await fs.readFile(target, 'utf8')).toBe('{"mode":"demo"}');
    expect(await fs.readdir(folder)).toEqual(['connection.json']);
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(folder, 'invoice.pdf');
    await fs.writeFile(target, 'a much longer earlier version of the file');
    await write(target, new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect(await fs.readFile(target, 'latin1')).toBe('%PDF');
    expect(await fs.readdir(folder)).toEqual(['invoice.pdf']);
  });

  it('cleans up its temporary file when the rename fails', async () => {
    // A directory in the way: the temporary file is written, the rename over a directory fails.
    const target = path.join(folder, 'taken');
    await fs.mkdir(target);
    await expect(write(target, 'bytes')).rejects.toThrow();
    expect(await fs.readdir(folder)).toEqual(['taken']);
  });

  it('fails, writing nothing, when the folder is missing', async () => {
    await expect(write(path.join(folder, 'gone', 'file.json'), '{}')).rejects.toThrow();
    expect(await fs.readdir(folder)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('gives a new file the permissions asked for', async () => {
    const target = path.join(folder, 'client-secret.bin');
    await write(target, 'secret', { mode: 0o600 });
    expect((await fs.stat(target)).mode & 0o777).toBe(0o600);
  });
});

describe('writeFileAtomically', () => {
  it('lets overlapping writes of one file each finish, the file holding one of them whole', async () => {
    const target = path.join(folder, 'window-state.json');
    const versions = Array.from({ length: 8 }, (_, index) => `version ${index} `.repeat(10_000));
    await Promise.all(versions.map((text) => writeFileAtomically(target, text)));
    expect(versions).toContain(await fs.readFile(target, 'utf8'));
    expect(await fs.readdir(folder)).toEqual(['window-state.json']);
  });
});
