import { CredentialsMissingError } from '../api/errors';
import { createAuthenticatedFetch, type Fetch, type RequestTimeouts } from '../api/transport';
import { toApiResponseData, type ApiRequest, type ApiResponseData } from './apiRequest';
import {
  ConnectionSettingsSchema,
  DEFAULT_CONNECTION,
  DEMO_CREDENTIALS,
  type ConnectionInfo,
  type ConnectionSettings,
  type SaveConnectionRequest,
  type SecretStorage,
} from './settings';
import type { ConnectionTestOutcome } from './testConnection';

/**
 * The side of the connection that holds the credential: Electron's main process, or the page itself
 * in the browser build. Callers forward API requests and get responses back, never the secret or
 * the token.
 */
export interface ConnectionService {
  info(): ConnectionInfo;
  save(request: SaveConnectionRequest): ConnectionInfo;
  test(request: SaveConnectionRequest): Promise<ConnectionTestOutcome>;
  /** `signal` aborts the request in flight, the raw fetch included (Electron: net.fetch). */
  request(request: ApiRequest, signal?: AbortSignal): Promise<ApiResponseData>;
}

export interface SettingsPort {
  read(): string | null;
  write(text: string): void;
}

export interface SecretPort {
  readonly storage: SecretStorage;
  save(secret: string): void;
  load(): string | null;
}

export interface ConnectionServiceDeps {
  settings: SettingsPort;
  secret: SecretPort;
  /** Base URL of the demo back end (Electron starts it on demand). */
  demoUrl: () => Promise<string>;
  /** Raw network access (Electron: net.fetch, which honours the system proxy). */
  fetch: Fetch;
  /** Time bounds of every request; the transport's defaults when left out. */
  timeouts?: Partial<RequestTimeouts>;
}

export class SecretRequiredError extends Error {
  readonly code = 'connection.secretRequired';
  constructor() {
    super('A client secret is required for this back end');
    this.name = 'SecretRequiredError';
  }
}

/** A back end and the credential for it: what an authenticated transport is built from. */
export interface Backend {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

const sameBackend = (a: ConnectionSettings, b: ConnectionSettings): boolean =>
  a.mode === 'demo'
    ? b.mode === 'demo'
    : b.mode === 'custom' && a.baseUrl === b.baseUrl && a.clientId === b.clientId;

const loadSettings = (port: SettingsPort): ConnectionSettings => {
  try {
    const text = port.read();
    if (text === null) return DEFAULT_CONNECTION;
    const parsed = ConnectionSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_CONNECTION;
  } catch {
    return DEFAULT_CONNECTION;
  }
};

/**
 * The back end the saved settings name, with its credential; null while a custom back end has no
 * secret. Only for a caller that holds the credential itself anyway (the browser build's page,
 * handing it to its own sync worker); Electron's renderer never sees it.
 */
export const savedBackend = async (
  deps: Pick<ConnectionServiceDeps, 'settings' | 'secret' | 'demoUrl'>,
): Promise<Backend | null> => {
  const settings = loadSettings(deps.settings);
  if (settings.mode === 'demo') return { baseUrl: await deps.demoUrl(), ...DEMO_CREDENTIALS };
  const secret = deps.secret.load();
  return secret === null
    ? null
    : { baseUrl: settings.baseUrl, clientId: settings.clientId, clientSecret: secret };
};

export const createConnectionService = (deps: ConnectionServiceDeps): ConnectionService => {
  let settings = loadSettings(deps.settings);
  let transport: { key: string; fetch: Promise<Fetch> } | null = null;
  const timeoutsOption = deps.timeouts === undefined ? {} : { timeouts: deps.timeouts };

  const backendOf = async (candidate: ConnectionSettings, secret: string | null): Promise<Backend> => {
    if (candidate.mode === 'demo') return { baseUrl: await deps.demoUrl(), ...DEMO_CREDENTIALS };
    if (secret === null) throw new SecretRequiredError();
    return { baseUrl: candidate.baseUrl, clientId: candidate.clientId, clientSecret: secret };
  };

  /** A secret goes only to the back end it was given for: a new host or client id needs it typed again. */
  const secretFor = (request: SaveConnectionRequest): string | null =>
    request.clientSecret ?? (sameBackend(request.settings, settings) ? deps.secret.load() : null);

  const currentFetch = (): Promise<Fetch> => {
    const key = JSON.stringify(settings);
    if (transport?.key !== key) {
      const pending = backendOf(settings, deps.secret.load()).then((backend) =>
        createAuthenticatedFetch({ ...backend, fetch: deps.fetch, ...timeoutsOption }),
      );
      pending.catch(() => {
        if (transport?.fetch === pending) transport = null;
      });
      transport = { key, fetch: pending };
    }
    return transport.fetch;
  };

  const info = (): ConnectionInfo => ({
    settings,
    hasSecret: settings.mode === 'demo' || deps.secret.load() !== null,
    secretStorage: deps.secret.storage,
  });

  return {
    info,
    save: (request) => {
      if (request.settings.mode === 'custom') {
        if (secretFor(request) === null) throw new SecretRequiredError();
        if (request.clientSecret !== undefined) deps.secret.save(request.clientSecret);
      }
      deps.settings.write(JSON.stringify(request.settings));
      settings = request.settings;
      transport = null;
      return info();
    },
    test: async (request) => {
      const secret = secretFor(request);
      if (request.settings.mode === 'custom' && secret === null) {
        return { ok: false, code: 'unauthorized', detail: new SecretRequiredError().message };
      }
      const backend = await backendOf(request.settings, secret);
      // The typed client (every call of the contract) loads with the first test: a start forwards
      // requests through the transport alone.
      const [{ createApiClient }, { testConnection }] = await Promise.all([
        import('../api/client'),
        import('./testConnection'),
      ]);
      const client = createApiClient({
        fetch: createAuthenticatedFetch({ ...backend, fetch: deps.fetch, ...timeoutsOption }),
        retry: { maxAttempts: 2, maxRetryAfterMs: 5_000 },
      });
      return testConnection(client, AbortSignal.timeout(20_000));
    },
    request: async ({ path, method, headers, body }, signal) => {
      const authenticated = await currentFetch().catch((error: unknown) => {
        // A session-only secret gone after a restart: ask for it, do not report an unreachable server.
        if (error instanceof SecretRequiredError) throw new CredentialsMissingError(error.message);
        throw error;
      });
      const init: RequestInit = { method, headers, body, ...(signal === undefined ? {} : { signal }) };
      return toApiResponseData(await authenticated(path, init));
    },
  };
};
