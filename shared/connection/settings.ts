import { z } from 'zod';

/**
 * Which back end the app talks to. Demo mode is the embedded simulator (Electron starts it on
 * loopback; the browser build expects `npm run web` to have started it). The client secret is never
 * part of these settings: it lives in the platform's secure storage.
 */
export const DEMO_CREDENTIALS = { clientId: 'demo', clientSecret: 'demo-secret' } as const;
export const DEFAULT_SIMULATOR_URL = 'http://127.0.0.1:8787';

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === ''
      );
    } catch {
      return false;
    }
  }, 'must be an http(s) URL without credentials');

export const ConnectionSettingsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('demo') }),
  z.object({ mode: z.literal('custom'), baseUrl: httpUrl, clientId: z.string().trim().min(1).max(200) }),
]);
export type ConnectionSettings = z.infer<typeof ConnectionSettingsSchema>;

export const SaveConnectionRequestSchema = z.object({
  settings: ConnectionSettingsSchema,
  /** Omitted: keep the stored secret (when the back end did not change). */
  clientSecret: z.string().min(1).max(500).optional(),
});
export type SaveConnectionRequest = z.infer<typeof SaveConnectionRequestSchema>;

/** Where the secret is kept: the OS keychain, a file in plain text (Linux without a keyring), or memory only. */
export const SecretStorageSchema = z.enum(['os', 'plaintext', 'session']);
export type SecretStorage = z.infer<typeof SecretStorageSchema>;

export const ConnectionInfoSchema = z.object({
  settings: ConnectionSettingsSchema,
  hasSecret: z.boolean(),
  secretStorage: SecretStorageSchema,
});
export type ConnectionInfo = z.infer<typeof ConnectionInfoSchema>;

export const DEFAULT_CONNECTION: ConnectionSettings = { mode: 'demo' };

/** A custom back end is insecure over plain http unless it is this machine. */
export const isInsecureRemote = (baseUrl: string): boolean => {
  const url = new URL(baseUrl);
  return url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
};
