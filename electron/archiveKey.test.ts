import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ECDSA_KEY, ECDSA_SIGN, pemToSpki } from '../shared/archive/seal';
import { createArchiveKey } from './archiveKey';
import type { BinaryFile } from './credentialVault';
import { createFakeSafeStorage, fakeInvokeEvent } from './testing/fakeElectron';
import { createTestHandlers } from './testing/testHandlers';

const memoryFile = () => {
  const state: { data: Buffer | null } = { data: null };
  const file: BinaryFile = {
    read: () => state.data,
    write: (value) => {
      state.data = value;
    },
    remove: () => {
      state.data = null;
    },
  };
  return { file, state };
};

/** main's IPC with the real archive key over a fake safeStorage and an in-memory key file. */
const setup = (safeStorage = createFakeSafeStorage(), key = memoryFile()) => {
  const archiveKey = createArchiveKey({ safeStorage, file: key.file, subtle: webcrypto.subtle });
  const { invoke } = createTestHandlers({
    app: { getName: () => 'Invoice Desk', getVersion: () => '1.2.3', getLocale: () => 'de-CH' },
    archiveKey,
  });
  return { invoke, key, safeStorage };
};

const verifies = async (pem: string, signature: Uint8Array, bytes: Uint8Array): Promise<boolean> => {
  const spki = pemToSpki(pem);
  if (!spki) return false;
  const key = await webcrypto.subtle.importKey('spki', spki, ECDSA_KEY, false, ['verify']);
  return webcrypto.subtle.verify(ECDSA_SIGN, key, signature, bytes);
};

const valueOf = (result: unknown): unknown =>
  typeof result === 'object' && result !== null && Reflect.get(result, 'ok') === true
    ? Reflect.get(result, 'value')
    : undefined;

describe('the archive key in main', () => {
  it('creates the key once, keeps it encrypted, and signs over IPC without the private key ever leaving', async () => {
    const { invoke, key } = setup();
    const manifest = new TextEncoder().encode('{"files":[]}\n');
    const signed = valueOf(await invoke('archiveKeySign', { bytes: manifest }));
    const pem = valueOf(await invoke('archiveKeyPublic', undefined));
    expect(signed).toBeInstanceOf(Uint8Array);
    expect(typeof pem).toBe('string');
    if (!(signed instanceof Uint8Array) || typeof pem !== 'string') return;
    expect(signed.byteLength).toBe(64);
    await expect(verifies(pem, signed, manifest)).resolves.toBe(true);
    // On disk only through safeStorage: neither the PKCS #8 nor its base64 is readable in the file.
    const stored = key.state.data?.toString('latin1') ?? '';
    expect(stored).not.toContain('pkcs8');
    expect(stored).not.toContain('MIG');

    // A restart reads the same key back: the same public key, and its signatures verify.
    const again = setup(createFakeSafeStorage(), key);
    expect(valueOf(await again.invoke('archiveKeyPublic', undefined))).toBe(pem);
    const second = valueOf(await again.invoke('archiveKeySign', { bytes: manifest }));
    expect(second instanceof Uint8Array && (await verifies(pem, second, manifest))).toBe(true);
  });

  it('answers a typed refusal, and writes nothing, when the OS offers no encryption', async () => {
    const { invoke, key } = setup(createFakeSafeStorage(false));
    await expect(invoke('archiveKeySign', { bytes: new Uint8Array([1, 2, 3]) })).resolves.toMatchObject({
      ok: false,
      error: { code: 'archive.keyUnavailable' },
    });
    await expect(invoke('archiveKeyPublic', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'archive.keyUnavailable' },
    });
    expect(key.state.data).toBeNull();
  });

  it('refuses rather than replaces a key another OS account encrypted', async () => {
    const file = memoryFile();
    file.state.data = Buffer.from([0xff, 1, 2, 3]);
    const { invoke } = setup(createFakeSafeStorage(), file);
    await expect(invoke('archiveKeyPublic', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'archive.keyUnavailable' },
    });
    expect(file.state.data).toEqual(Buffer.from([0xff, 1, 2, 3]));
  });

  it('signs for the app’s own top frame only, and only bytes within the bound', async () => {
    const { invoke } = setup();
    await expect(
      invoke('archiveKeySign', { bytes: new Uint8Array(4) }, fakeInvokeEvent('https://evil.example/')),
    ).resolves.toMatchObject({ ok: false, error: { code: 'ipc.forbiddenSender' } });
    await expect(invoke('archiveKeySign', { bytes: 'not bytes' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidPayload' },
    });
  });
});
