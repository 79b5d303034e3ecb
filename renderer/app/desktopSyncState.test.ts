import { describe, expect, it } from 'vitest';
import type { DesktopSyncState } from '../../shared/ipc/desktop';
import type { Language } from '../../shared/i18n/languages';
import type { SyncFacts } from '../db/conflictNotices';
import type { SyncStatus } from '../workers/sync/syncStatusStore';
import { desktopSyncStateOf, reportSyncState } from './desktopSyncState';

const idle: SyncStatus = { running: false, progress: null, error: null, online: true };
const facts: SyncFacts = { unsettled: 0, lastSuccessAt: '2026-11-30T21:00:00.000Z' };
const progress = (linesDone: number, linesTotal: number): NonNullable<SyncStatus['progress']> => ({
  phase: 'lines',
  invoicesReceived: 0,
  lines: { done: linesDone, total: linesTotal },
  documents: { done: 0, total: 0 },
  linesPerSecond: 0,
  etaSeconds: null,
});

describe('desktopSyncStateOf', () => {
  it('says what the status bar says, a run first, then offline, failure and conflicts', () => {
    expect(desktopSyncStateOf(idle, facts, 'de')).toEqual({
      phase: 'idle',
      progress: null,
      unsettled: 0,
      lastSuccessAt: facts.lastSuccessAt,
      language: 'de',
    });
    expect(
      desktopSyncStateOf({ ...idle, running: true, progress: progress(10, 40) }, facts, 'en'),
    ).toMatchObject({ phase: 'syncing', progress: { done: 10, total: 40 } });
    expect(desktopSyncStateOf({ ...idle, online: false }, facts, 'en').phase).toBe('offline');
    expect(desktopSyncStateOf({ ...idle, error: { code: 'sync.x', message: 'x' } }, facts, 'en').phase).toBe(
      'failed',
    );
    expect(desktopSyncStateOf(idle, { ...facts, unsettled: 2 }, 'en')).toMatchObject({
      phase: 'conflicts',
      unsettled: 2,
    });
  });
});

describe('reportSyncState', () => {
  const setup = () => {
    let status = idle;
    const statusListeners = new Set<(status: SyncStatus) => void>();
    const languageListeners = new Set<() => void>();
    let onFacts: ((facts: SyncFacts) => void) | null = null;
    let language: Language = 'en';
    const sent: DesktopSyncState[] = [];
    const reporter = reportSyncState({
      status: {
        getState: () => status,
        subscribe: (listener) => {
          statusListeners.add(listener);
          return () => statusListeners.delete(listener);
        },
      },
      watchFacts: (listener) => {
        onFacts = listener;
        return { dispose: () => (onFacts = null) };
      },
      language: () => language,
      onLanguageChanged: (listener) => {
        languageListeners.add(listener);
        return () => languageListeners.delete(listener);
      },
      report: (state) => {
        sent.push(state);
        return Promise.resolve();
      },
    });
    return {
      sent,
      reporter,
      setStatus: (next: SyncStatus) => {
        status = next;
        for (const listener of statusListeners) listener(status);
      },
      setFacts: (next: SyncFacts) => onFacts?.(next),
      setLanguage: (next: Language) => {
        language = next;
        for (const listener of languageListeners) listener();
      },
      listening: () => statusListeners.size + languageListeners.size + (onFacts ? 1 : 0),
    };
  };

  it('reports once the archive is read, then each change the tray would show, and nothing else', () => {
    const { sent, setStatus, setFacts, setLanguage } = setup();
    setStatus({ ...idle });
    expect(sent).toEqual([]);
    setFacts(facts);
    expect(sent.map((state) => state.phase)).toEqual(['idle']);
    setFacts({ ...facts });
    expect(sent).toHaveLength(1);

    setStatus({ ...idle, running: true, progress: progress(1, 1000) });
    // 0.2 % and 0.5 %: the same whole percent, nothing new for the tooltip.
    setStatus({ ...idle, running: true, progress: progress(2, 1000) });
    setStatus({ ...idle, running: true, progress: progress(5, 1000) });
    setStatus({ ...idle, running: true, progress: progress(500, 1000) });
    expect(sent.map((state) => state.progress?.done ?? null)).toEqual([null, 1, 500]);

    setLanguage('fr');
    expect(sent.at(-1)).toMatchObject({ language: 'fr', phase: 'syncing' });
    setStatus(idle);
    setFacts({ unsettled: 1, lastSuccessAt: '2026-11-30T22:00:00.000Z' });
    expect(sent.at(-1)).toMatchObject({
      phase: 'conflicts',
      unsettled: 1,
      lastSuccessAt: '2026-11-30T22:00:00.000Z',
    });
  });

  it('stops listening when disposed', () => {
    const { reporter, listening } = setup();
    expect(listening()).toBe(3);
    reporter.dispose();
    expect(listening()).toBe(0);
  });
});
