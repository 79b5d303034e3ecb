import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// electron/ writes files through electron/atomicFile.ts alone: a writer of its own would bring back
// half-written settings or PDFs after a crash.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WRITE_CALL =
  /\.(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|rename|renameSync|copyFile|copyFileSync)\(/;

describe('file writers in electron/', () => {
  it('are all electron/atomicFile.ts', () => {
    const writers = fs
      .readdirSync(path.join(root, 'electron'), { recursive: true, encoding: 'utf8' })
      .map((file) => `electron/${file.split(path.sep).join('/')}`)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('/testing/'))
      .filter((file) => WRITE_CALL.test(fs.readFileSync(path.join(root, file), 'utf8')));
    expect(writers).toEqual(['electron/atomicFile.ts']);
  });
});
