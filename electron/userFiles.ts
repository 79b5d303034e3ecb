import fs from 'node:fs';
import type { BinaryFile } from './credentialVault';
import type { SettingsPort } from '../shared/connection/service';

/** Small files in the user's data folder, written atomically so a crash never leaves half a file. */
const writeAtomically = (file: string, data: string | Buffer): void => {
  const temporary = `${file}.tmp`;
  fs.writeFileSync(temporary, data, { mode: 0o600 });
  fs.renameSync(temporary, file);
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
