import {
  ConnectionSettingsSchema,
  isInsecureRemote,
  type ConnectionInfo,
  type SaveConnectionRequest,
} from '../../../shared/connection/settings';

/** What the clerk types in Settings > Connection, before it becomes a request. */
export interface ConnectionDraft {
  mode: 'demo' | 'custom';
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export type DraftProblem = 'invalidUrl' | 'clientIdRequired' | 'secretRequired';

export const draftFromInfo = (info: ConnectionInfo): ConnectionDraft =>
  info.settings.mode === 'demo'
    ? { mode: 'demo', baseUrl: '', clientId: '', clientSecret: '' }
    : { mode: 'custom', baseUrl: info.settings.baseUrl, clientId: info.settings.clientId, clientSecret: '' };

/** The request for a draft, or the first problem that keeps it from being one (an i18n key under connection.*). */
export const requestFromDraft = (
  draft: ConnectionDraft,
  stored: ConnectionInfo,
): { ok: true; request: SaveConnectionRequest } | { ok: false; problem: DraftProblem } => {
  if (draft.mode === 'demo') return { ok: true, request: { settings: { mode: 'demo' } } };
  const parsed = ConnectionSettingsSchema.safeParse({
    mode: 'custom',
    baseUrl: draft.baseUrl,
    clientId: draft.clientId,
  });
  if (!parsed.success) {
    return {
      ok: false,
      problem: parsed.error.issues.some((issue) => issue.path[0] === 'baseUrl')
        ? 'invalidUrl'
        : 'clientIdRequired',
    };
  }
  const settings = parsed.data;
  const secret = draft.clientSecret.trim();
  const sameAsStored =
    stored.settings.mode === 'custom' &&
    settings.mode === 'custom' &&
    stored.settings.baseUrl === settings.baseUrl &&
    stored.settings.clientId === settings.clientId &&
    stored.hasSecret;
  if (secret === '' && !sameAsStored) return { ok: false, problem: 'secretRequired' };
  return { ok: true, request: secret === '' ? { settings } : { settings, clientSecret: secret } };
};

export const draftIsInsecure = (draft: ConnectionDraft): boolean => {
  try {
    return draft.mode === 'custom' && isInsecureRemote(draft.baseUrl);
  } catch {
    return false;
  }
};
