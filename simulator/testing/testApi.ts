/**
 * Plain-fetch helpers for the simulator's own tests (deliberately independent of the API client in
 * shared/api, which is tested against this simulator rather than the other way round).
 */
import type { StartSimulator } from '../server';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../standalone';

export interface TestApi {
  readonly simulator: RunningSimulator;
  readonly url: string;
  token: string;
  fetchToken(): Promise<string>;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** an authorised request whose JSON body is returned unvalidated: tests parse it with the contract's schemas */
  json(path: string, init?: RequestInit): Promise<{ status: number; body: unknown; response: Response }>;
  control(path: string, method: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export const TEST_NOW = '2026-11-22';

const parseJson = (text: string): unknown => (text === '' ? null : (JSON.parse(text) as unknown));

/** Starts the whole simulator, control routes enabled; `start` picks another composition. */
export const openTestApi = async (
  options: SimulatorOptions = {},
  start: StartSimulator = startSimulator,
): Promise<TestApi> => {
  const simulator = await start({ port: 0, now: TEST_NOW, control: true, ...options });
  const url = simulator.url;
  const fetchToken = async (): Promise<string> => {
    const response = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: options.clientId ?? 'demo',
        client_secret: options.clientSecret ?? 'demo-secret',
      }).toString(),
    });
    const body: unknown = await response.json();
    if (
      typeof body !== 'object' ||
      body === null ||
      !('access_token' in body) ||
      typeof body.access_token !== 'string'
    ) {
      throw new Error(`no token: ${JSON.stringify(body)}`);
    }
    return body.access_token;
  };
  const api: TestApi = {
    simulator,
    url,
    token: await fetchToken(),
    fetchToken,
    request: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${api.token}`);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    json: async (path, init) => {
      const response = await api.request(path, init);
      return { status: response.status, body: parseJson(await response.text()), response };
    },
    control: async (path, method, body) => {
      const response = await fetch(`${url}${path}`, {
        method,
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
      });
      return { status: response.status, body: parseJson(await response.text()) };
    },
    close: () => simulator.close(),
  };
  return api;
};

export const putJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'PUT',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
