import { describe, expect, it } from 'vitest';
import { createCredentialVault, type BinaryFile, type SafeStoragePort } from './credentialVault';

/** A fake OS keychain: reversible, but never stores the plain text. */
const fakeSafeStorage = (available: boolean, backend?: string): SafeStoragePort => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)),
  decryptString: (data) => {
    if (data[0] === 0xff) throw new Error('cannot decrypt');
    return Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8');
  },
  ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
});

const memoryFile = () => {
  let data: Buffer | null = null;
  const file: BinaryFile = {
    read: () => data,
    write: (value) => {
      data = value;
    },
    remove: () => {
      data = null;
    },
  };
  return { file, raw: () => data };
};

describe('credential vault', () => {
  it('stores the secret encrypted by the OS and reads it back', () => {
    const { file, raw } = memoryFile();
    const warnings: string[] = [];
    const vault = createCredentialVault(fakeSafeStorage(true), file, 'win32', (message) =>
      warnings.push(message),
    );
    expect(vault.storage).toBe('os');
    vault.save('s3cret-value');
    expect(raw()?.toString('utf8')).not.toContain('s3cret-value');
    expect(vault.load()).toBe('s3cret-value');
    expect(warnings).toEqual([]);
    vault.clear();
    expect(vault.load()).toBeNull();
  });

  it('warns when Linux falls back to plain text', () => {
    const warnings: string[] = [];
    const vault = createCredentialVault(
      fakeSafeStorage(true, 'basic_text'),
      memoryFile().file,
      'linux',
      (message) => warnings.push(message),
    );
    expect(vault.storage).toBe('plaintext');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/keyring/);
  });

  it('keeps the secret in memory only when the OS offers no encryption', () => {
    const { file, raw } = memoryFile();
    const vault = createCredentialVault(fakeSafeStorage(false), file, 'linux', () => undefined);
    expect(vault.storage).toBe('session');
    vault.save('only-for-now');
    expect(raw()).toBeNull();
    expect(vault.load()).toBe('only-for-now');
  });

  it('asks again rather than failing when the stored secret cannot be decrypted', () => {
    const { file } = memoryFile();
    file.write(Buffer.from([0xff, 1, 2]));
    const vault = createCredentialVault(fakeSafeStorage(true), file, 'darwin', () => undefined);
    expect(vault.load()).toBeNull();
  });
});
