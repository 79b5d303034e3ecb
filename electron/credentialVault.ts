import type { SecretPort } from '../shared/connection/service';
import type { SecretStorage } from '../shared/connection/settings';

/** The slice of Electron's safeStorage the vault uses. */
export interface SafeStoragePort {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring was found and "encryption" is a fixed key. */
  getSelectedStorageBackend?(): string;
}

export interface BinaryFile {
  read(): Buffer | null;
  write(data: Buffer): void;
  remove(): void;
}

export interface CredentialVault extends SecretPort {
  clear(): void;
}

/**
 * Keeps the client secret in the main process only: encrypted by the OS (DPAPI, Keychain, libsecret)
 * where possible; in memory for the session where not. `warn` is told when Linux falls back to plain
 * text, so the clerk can be warned too (`storage` says 'plaintext').
 */
export const createCredentialVault = (
  safeStorage: SafeStoragePort,
  file: BinaryFile,
  platform: NodeJS.Platform,
  warn: (message: string) => void,
): CredentialVault => {
  const available = safeStorage.isEncryptionAvailable();
  const plaintext = platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text';
  const storage: SecretStorage = !available ? 'session' : plaintext ? 'plaintext' : 'os';
  if (storage === 'plaintext') {
    warn(
      'No OS keyring found: the client secret is stored with a fixed key, readable by anyone with access to this account.',
    );
  }
  let sessionSecret: string | null = null;
  return {
    storage,
    save: (secret) => {
      if (storage === 'session') {
        sessionSecret = secret;
        return;
      }
      file.write(safeStorage.encryptString(secret));
    },
    load: () => {
      if (storage === 'session') return sessionSecret;
      const data = file.read();
      if (!data) return null;
      try {
        return safeStorage.decryptString(data);
      } catch {
        // A secret encrypted under another OS account or keyring cannot be read: ask for it again.
        return null;
      }
    },
    clear: () => {
      sessionSecret = null;
      file.remove();
    },
  };
};
