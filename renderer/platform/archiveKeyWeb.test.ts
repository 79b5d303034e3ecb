import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ECDSA_KEY, ECDSA_SIGN, pemToSpki } from '../../shared/archive/seal';
import { ARCHIVE_KEY_DATABASE, createWebArchiveKey } from './archiveKeyWeb';

const storedPair = (factory: IDBFactory): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const open = factory.open(ARCHIVE_KEY_DATABASE);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
    open.onsuccess = () => {
      const get = open.result.transaction('keys').objectStore('keys').get('archive');
      get.onsuccess = () => {
        open.result.close();
        resolve(get.result);
      };
    };
  });

describe('the browser’s archive key', () => {
  it('is created once, kept in IndexedDB as a non-extractable CryptoKey, and signs what the public key verifies', async () => {
    const factory = new IDBFactory();
    const key = createWebArchiveKey(factory);
    const bytes = new TextEncoder().encode('manifest');
    const signature = await key.sign(bytes);
    const pem = await key.publicKeyPem();
    const spki = pemToSpki(pem);
    if (!spki) throw new Error('no key');
    const publicKey = await crypto.subtle.importKey('spki', spki, ECDSA_KEY, false, ['verify']);
    await expect(crypto.subtle.verify(ECDSA_SIGN, publicKey, signature, bytes)).resolves.toBe(true);

    const stored = await storedPair(factory);
    const privateKey: unknown =
      typeof stored === 'object' && stored !== null ? Reflect.get(stored, 'privateKey') : null;
    expect(privateKey).toBeInstanceOf(CryptoKey);
    if (!(privateKey instanceof CryptoKey)) return;
    expect(privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', privateKey)).rejects.toThrow();

    // Another page load (a new instance over the same store) finds the same key.
    await expect(createWebArchiveKey(factory).publicKeyPem()).resolves.toBe(pem);
  });
});
