import { ECDSA_KEY, ECDSA_SIGN, spkiToPem, type ArchiveKey } from '../../shared/archive/seal';

/**
 * The browser's archive key: a WebCrypto ECDSA P-256 pair created once, NON-EXTRACTABLE (no script,
 * ours included, can ever read the private key's bytes), kept as CryptoKey objects in its own
 * IndexedDB database (a CryptoKey is structured-cloneable), apart from the customers' archives so
 * that deleting a profile never loses the installation's key.
 */

export const ARCHIVE_KEY_DATABASE = 'invoice-desk-keys';
const STORE = 'keys';
const ENTRY = 'archive';

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

const openStore = (factory: IDBFactory): Promise<IDBDatabase> => {
  const open = factory.open(ARCHIVE_KEY_DATABASE, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore(STORE);
  };
  return request(open);
};

const isKeyPair = (value: unknown): value is CryptoKeyPair =>
  typeof value === 'object' &&
  value !== null &&
  Reflect.get(value, 'privateKey') instanceof CryptoKey &&
  Reflect.get(value, 'publicKey') instanceof CryptoKey;

export const createWebArchiveKey = (
  factory: IDBFactory,
  subtle: SubtleCrypto = crypto.subtle,
): ArchiveKey => {
  let loaded: Promise<{ pair: CryptoKeyPair; pem: string }> | null = null;

  const load = async (): Promise<{ pair: CryptoKeyPair; pem: string }> => {
    const db = await openStore(factory);
    try {
      const read = async (): Promise<unknown> =>
        request(db.transaction(STORE, 'readonly').objectStore(STORE).get(ENTRY));
      let stored = await read();
      if (!isKeyPair(stored)) {
        const pair = await subtle.generateKey(ECDSA_KEY, false, ['sign', 'verify']);
        try {
          // add, not put: another tab that created its key first keeps it, and this one reads it.
          await request(db.transaction(STORE, 'readwrite').objectStore(STORE).add(pair, ENTRY));
          stored = pair;
        } catch {
          stored = await read();
        }
      }
      if (!isKeyPair(stored)) throw new Error('The archive key could not be kept');
      const spki = new Uint8Array(await subtle.exportKey('spki', stored.publicKey));
      return { pair: stored, pem: spkiToPem(spki) };
    } finally {
      db.close();
    }
  };

  const key = () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw error;
    });
    return loaded;
  };

  return {
    sign: async (bytes) =>
      new Uint8Array(await subtle.sign(ECDSA_SIGN, (await key()).pair.privateKey, bytes)),
    publicKeyPem: async () => (await key()).pem,
  };
};
