import fs from 'node:fs';
import { writeFileAtomicallySync } from './atomicFile';
import type { BinaryFile } from './credentialVault';
import type { SettingsPort } from '../shared/connection/service';

/** Small files in the user's data folder, readable by the clerk alone, never left half written. */
const writeAtomically = (file: string, data: string | Buffer): void => {
  writeFileAtomicallySync(file, data, { mode: 0o600 });
};

export const textFile = (locate: string | (() => string)): SettingsPort => {
  const file = typeof locate === 'string' ? () => locate : locate;
  return {
    read: () => (fs.existsSync(file()) ? fs.readFileSync(file(), 'utf8') : null),
    write: (text) => {
      writeAtomically(file(), text);
    },
  };
};

export const binaryFile = (file: string): BinaryFile => ({
  read: () => (fs.existsSync(file) ? fs.readFileSync(file) : null),
  write: (data) => {
    writeAtomically(file, data);
  },
  remove: () => {
    fs.rmSync(file, { force: true });
  },
});
