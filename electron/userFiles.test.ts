import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { binaryFile, textFile } from './userFiles';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'invoice-desk-user-files-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe('textFile', () => {
  it('reads nothing before the first write, then what was written last', () => {
    const file = textFile(path.join(folder, 'connection.json'));
    expect(file.read()).toBeNull();
    file.write('{"mode":"demo"}');
    file.write('{"mode":"server"}');
    expect(file.read()).toBe('{"mode":"server"}');
  });

  it('leaves no temporary file behind when a write fails', async () => {
    // A directory where the file should be: the write fails at the rename.
    await fs.mkdir(path.join(folder, 'connection.json'));
    expect(() => textFile(path.join(folder, 'connection.json')).write('{}')).toThrow();
    expect(await fs.readdir(folder)).toEqual(['connection.json']);
  });
});

describe('binaryFile', () => {
  it.skipIf(process.platform === 'win32')('keeps the secret readable by the clerk alone', async () => {
    const target = path.join(folder, 'client-secret.bin');
    const file = binaryFile(target);
    file.write(Buffer.from([1, 2, 3]));
    expect(file.read()).toEqual(Buffer.from([1, 2, 3]));
    expect((await fs.stat(target)).mode & 0o777).toBe(0o600);
    file.remove();
    expect(file.read()).toBeNull();
  });
});
