import type { webcrypto } from 'node:crypto';
import { ECDSA_KEY, ECDSA_SIGN, spkiToPem } from '../shared/archive/seal';
import type { BinaryFile, SafeStoragePort } from './credentialVault';
import { IpcRefusal } from './ipc';

/**
 * The installation's archive signing key, kept in main: created once (ECDSA P-256, node's
 * webcrypto), its private half encrypted by the OS (safeStorage) into a file in userData and read
 * back as a non-extractable key. The renderer may only ask for a signature of some bytes and for
 * the public key; the private key never crosses IPC. Without OS encryption there is no key: a key
 * kept in plain text would prove nothing, so the clerk is told (archive.keyUnavailable).
 */

export interface ArchiveKeyService {
  sign(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>>;
  publicKeyPem(): Promise<string>;
}

export interface ArchiveKeyDeps {
  safeStorage: SafeStoragePort;
  file: BinaryFile;
  subtle: webcrypto.SubtleCrypto;
}

interface StoredKey {
  pkcs8: string;
  spki: string;
}

const refuse = (message: string): IpcRefusal => new IpcRefusal('archive.keyUnavailable', message);

const isStoredKey = (value: unknown): value is StoredKey =>
  typeof value === 'object' &&
  value !== null &&
  typeof Reflect.get(value, 'pkcs8') === 'string' &&
  typeof Reflect.get(value, 'spki') === 'string';

export const createArchiveKey = ({ safeStorage, file, subtle }: ArchiveKeyDeps): ArchiveKeyService => {
  let loaded: Promise<{ privateKey: webcrypto.CryptoKey; pem: string }> | null = null;

  const create = async (): Promise<{ privateKey: webcrypto.CryptoKey; pem: string }> => {
    // Extractable only for this moment: its PKCS #8 goes straight into safeStorage.
    const pair = await subtle.generateKey(ECDSA_KEY, true, ['sign', 'verify']);
    const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', pair.privateKey)).toString('base64');
    const spki = new Uint8Array(await subtle.exportKey('spki', pair.publicKey));
    const stored: StoredKey = { pkcs8, spki: Buffer.from(spki).toString('base64') };
    file.write(safeStorage.encryptString(JSON.stringify(stored)));
    return { privateKey: await importPrivate(pkcs8), pem: spkiToPem(spki) };
  };

  const importPrivate = (pkcs8: string): Promise<webcrypto.CryptoKey> =>
    subtle.importKey('pkcs8', Buffer.from(pkcs8, 'base64'), ECDSA_KEY, false, ['sign']);

  const load = async (): Promise<{ privateKey: webcrypto.CryptoKey; pem: string }> => {
    if (!safeStorage.isEncryptionAvailable())
      throw refuse('The OS offers no encryption for the archive key (safeStorage is unavailable)');
    const data = file.read();
    if (!data) return create();
    let stored: unknown;
    try {
      stored = JSON.parse(safeStorage.decryptString(data));
    } catch {
      // Encrypted under another OS account or keyring: this installation's key is lost to it. A new
      // key would sign as someone else, so the clerk is told rather than the file replaced.
      throw refuse('The archive key cannot be decrypted by this OS account');
    }
    if (!isStoredKey(stored)) throw refuse('The archive key file is damaged');
    return {
      privateKey: await importPrivate(stored.pkcs8),
      pem: spkiToPem(Buffer.from(stored.spki, 'base64')),
    };
  };

  const key = (): Promise<{ privateKey: webcrypto.CryptoKey; pem: string }> => {
    loaded ??= load().catch((error: unknown) => {
      // Tried again next time: the keyring may be unlocked by then.
      loaded = null;
      throw error;
    });
    return loaded;
  };

  return {
    sign: async (bytes) => new Uint8Array(await subtle.sign(ECDSA_SIGN, (await key()).privateKey, bytes)),
    publicKeyPem: async () => (await key()).pem,
  };
};
