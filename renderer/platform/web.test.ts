import type { ArchiveKey } from '../../shared/archive/seal';
import { describe, expect, it, vi } from 'vitest';
import { stallHeaders, startHostileServer, token } from '../../tests/testing/hostileServer';
import { PlatformError } from './Platform';
import { memoryStorage } from '../testing/memoryStorage';
import { createWebPlatform, type WebPlatformDeps } from './web';

/** These suites are about files and requests: signing is archiveKeyWeb.test.ts's. */
const noArchiveKey: ArchiveKey = {
  sign: () => Promise.reject(new Error('no archive key here')),
  publicKeyPem: () => Promise.reject(new Error('no archive key here')),
};

const setup = (picked: File[] = []) => {
  const events: string[] = [];
  const blobs = new Map<string, Blob>();
  const pending: Array<() => void> = [];
  const files: WebPlatformDeps['files'] = {
    createObjectUrl: (blob) => {
      const url = `blob:test/${blobs.size + 1}`;
      blobs.set(url, blob);
      events.push(`create ${url}`);
      return url;
    },
    revokeObjectUrl: (url) => {
      events.push(`revoke ${url}`);
    },
    download: (url, fileName) => {
      events.push(`download ${url} as ${fileName}`);
    },
    later: (task) => {
      pending.push(task);
    },
    pick: (accept) => {
      events.push(`pick ${accept}`);
      return Promise.resolve(picked.shift() ?? null);
    },
  };
  const opened: string[] = [];
  const platform = createWebPlatform({
    version: '1.0.0',
    languages: ['de-CH'],
    open: (url) => opened.push(url),
    fetch: () => Promise.reject(new TypeError('offline')),
    localStorage: memoryStorage(),
    sessionStorage: memoryStorage(),
    demoUrl: () => Promise.resolve('http://127.0.0.1:9'),
    archiveKey: noArchiveKey,
    files,
  });
  return { platform, events, blobs, opened, runLater: () => pending.splice(0).forEach((task) => task()) };
};

const noFiles: WebPlatformDeps['files'] = {
  createObjectUrl: () => '',
  revokeObjectUrl: () => undefined,
  download: () => undefined,
  later: () => undefined,
  pick: () => Promise.resolve(null),
};

const setupWith = (extra: Partial<WebPlatformDeps['files']>) => {
  const base = setup();
  const platform = createWebPlatform({
    version: '1.0.0',
    languages: ['de-CH'],
    open: () => undefined,
    fetch: () => Promise.reject(new TypeError('offline')),
    localStorage: memoryStorage(),
    sessionStorage: memoryStorage(),
    demoUrl: () => Promise.resolve('http://127.0.0.1:9'),
    archiveKey: noArchiveKey,
    files: {
      createObjectUrl: () => 'blob:test/x',
      revokeObjectUrl: () => undefined,
      download: () => undefined,
      later: () => undefined,
      pick: () => Promise.resolve(null),
      ...extra,
    },
  });
  return { ...base, platform };
};

describe('web platform: saveFileStream', () => {
  const xlsx = {
    suggestedName: 'invoice-desk-export-2026-11-30.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  } as const;

  it('without a save picker, gathers the pieces and downloads them as one file at the end', async () => {
    const { platform, events, blobs, runLater } = setup();
    const file = await platform.saveFileStream?.(xlsx);
    await file?.write(Uint8Array.of(1, 2));
    await file?.write(Uint8Array.of(3));
    expect(events).toEqual([]);
    await file?.close();
    expect(events).toEqual(['create blob:test/1', `download blob:test/1 as ${xlsx.suggestedName}`]);
    expect([
      ...new Uint8Array((await blobs.get('blob:test/1')?.arrayBuffer()) ?? new ArrayBuffer(0)),
    ]).toEqual([1, 2, 3]);
    runLater();
    expect(events.at(-1)).toBe('revoke blob:test/1');
  });

  it('an aborted stream downloads nothing; a refused name is refused before anything', async () => {
    const { platform, events } = setup();
    const file = await platform.saveFileStream?.(xlsx);
    await file?.write(Uint8Array.of(1));
    await file?.abort();
    expect(events).toEqual([]);
    await expect(platform.saveFileStream?.({ ...xlsx, suggestedName: '../x.xlsx' })).rejects.toMatchObject({
      code: 'files.refused',
    });
  });

  it('with a save picker, writes each piece to the file the clerk chose; a closed picker is null', async () => {
    const written: string[] = [];
    const choices: Array<'pick' | 'close'> = ['pick', 'close'];
    const { platform } = setupWith({
      savePicker: (options) => {
        written.push(`picker ${options.suggestedName} ${JSON.stringify(options.types[0]?.accept)}`);
        if (choices.shift() === 'close') return Promise.reject(new DOMException('closed', 'AbortError'));
        return Promise.resolve({
          createWritable: () =>
            Promise.resolve({
              write: (data: Uint8Array<ArrayBuffer>) => {
                written.push(`write ${data.length}`);
                return Promise.resolve();
              },
              close: () => {
                written.push('close');
                return Promise.resolve();
              },
              abort: () => Promise.resolve(),
            }),
        });
      },
    });
    const file = await platform.saveFileStream?.(xlsx);
    await file?.write(new Uint8Array(5));
    await file?.close();
    expect(written).toEqual([
      `picker ${xlsx.suggestedName} {"${xlsx.mimeType}":[".xlsx"]}`,
      'write 5',
      'close',
    ]);
    await expect(platform.saveFileStream?.(xlsx)).resolves.toBeNull();
  });
});

describe('web platform: saveFile', () => {
  it('downloads the bytes through an object URL, and revokes the URL only afterwards', async () => {
    const { platform, events, blobs, runLater } = setup();
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

    await expect(
      platform.saveFile({ suggestedName: 'Invoice 42.pdf', mimeType: 'application/pdf', bytes }),
    ).resolves.toBe('saved');

    expect(events).toEqual(['create blob:test/1', 'download blob:test/1 as Invoice 42.pdf']);
    const blob = blobs.get('blob:test/1');
    expect(blob?.type).toBe('application/pdf');
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(bytes);

    runLater();
    expect(events.at(-1)).toBe('revoke blob:test/1');
  });

  it('refuses what the desktop app refuses, without starting a download', async () => {
    const { platform, events } = setup();
    const attempt = platform.saveFile({
      suggestedName: '../invoice.pdf',
      mimeType: 'application/pdf',
      bytes: new Uint8Array(1),
    });
    await expect(attempt).rejects.toBeInstanceOf(PlatformError);
    await expect(attempt).rejects.toMatchObject({ code: 'files.refused' });
    expect(events).toEqual([]);
  });
});

describe('web platform: apiFetch', () => {
  it("aborting the caller's signal aborts the page's fetch in flight", async () => {
    const server = await startHostileServer({ '/oauth/token': token(), '/v1/customer': stallHeaders() });
    try {
      const platform = createWebPlatform({
        version: '1.0.0',
        languages: ['en'],
        open: () => undefined,
        fetch: globalThis.fetch,
        localStorage: memoryStorage(),
        sessionStorage: memoryStorage(),
        demoUrl: () => Promise.resolve(server.url),
        archiveKey: noArchiveKey,
        files: {
          createObjectUrl: () => '',
          revokeObjectUrl: () => undefined,
          download: () => undefined,
          later: () => undefined,
          pick: () => Promise.resolve(null),
        },
      });
      const controller = new AbortController();
      const pending = platform.apiFetch('/v1/customer', { method: 'GET', signal: controller.signal });
      await vi.waitFor(() => {
        expect(server.requests.map((request) => request.path)).toContain('/v1/customer');
      });
      controller.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      await vi.waitFor(() => {
        expect(server.abandoned).toEqual(['/v1/customer']);
      });
    } finally {
      await server.close();
    }
  });
});

describe('web platform: the sync worker’s back end', () => {
  it('is the demo back end at first, the saved one with its secret after, and none without a secret', async () => {
    const { platform } = setup();
    expect(await platform.workerBackend?.()).toEqual({
      baseUrl: 'http://127.0.0.1:9',
      clientId: 'demo',
      clientSecret: 'demo-secret',
    });
    const custom = { mode: 'custom', baseUrl: 'https://billing.example.ch', clientId: 'acme' } as const;
    await platform.connection.save({ settings: custom, clientSecret: 's3cret' });
    expect(await platform.workerBackend?.()).toEqual({
      baseUrl: 'https://billing.example.ch',
      clientId: 'acme',
      clientSecret: 's3cret',
    });
    // Another back end without its secret is refused, and the worker keeps the saved one.
    await expect(
      platform.connection.save({ settings: { ...custom, clientId: 'other' } }),
    ).rejects.toMatchObject({ code: 'connection.secretRequired' });
    expect((await platform.workerBackend?.())?.clientId).toBe('acme');
  });

  it('is none for a saved back end whose secret this session does not have', async () => {
    const localStorage = memoryStorage();
    localStorage.setItem(
      'invoice-desk.connection',
      JSON.stringify({ mode: 'custom', baseUrl: 'https://billing.example.ch', clientId: 'acme' }),
    );
    const platform = createWebPlatform({
      version: '1.0.0',
      languages: ['en'],
      open: () => undefined,
      fetch: () => Promise.reject(new TypeError('offline')),
      localStorage,
      sessionStorage: memoryStorage(),
      demoUrl: () => Promise.resolve('http://127.0.0.1:9'),
      archiveKey: noArchiveKey,
      files: noFiles,
    });
    expect(await platform.workerBackend?.()).toBeNull();
  });
});

describe('web platform: openExternal', () => {
  it("opens the help site, and the back end's site once it is configured, nothing else", async () => {
    const { platform, opened } = setup();
    await expect(platform.openExternal('https://help.invoice-desk.example/fr/')).resolves.toBe(true);
    await expect(platform.openExternal('https://www.post.ch/')).resolves.toBe(false);
    await expect(platform.openExternal('https://billing.example.ch/')).resolves.toBe(false);
    await platform.connection.save({
      settings: { mode: 'custom', baseUrl: 'https://billing.example.ch/api', clientId: 'acme' },
      clientSecret: 's3cret',
    });
    await expect(platform.openExternal('https://billing.example.ch/')).resolves.toBe(true);
    await expect(platform.openExternal('javascript:alert(1)')).resolves.toBe(false);
    expect(opened).toEqual(['https://help.invoice-desk.example/fr/', 'https://billing.example.ch/']);
  });
});

describe('web platform: openFile', () => {
  it('opens the chooser for the accepted types and reads the chosen file: its name and bytes', async () => {
    const bytes = new TextEncoder().encode('Code;Name\n4100;Marketing\n');
    const { platform, events } = setup([new File([bytes], 'Kostenstellen.csv', { type: 'text/csv' })]);
    await expect(platform.openFile({ accept: ['xlsx', 'xls', 'ods', 'csv'] })).resolves.toEqual({
      name: 'Kostenstellen.csv',
      bytes,
    });
    expect(events).toEqual(['pick .xlsx,.xls,.ods,.csv']);
  });

  it('answers null when the clerk closes the chooser without a file', async () => {
    const { platform } = setup();
    await expect(platform.openFile({ accept: ['csv'] })).resolves.toBeNull();
  });

  it('refuses a file above 20 MB with a typed failure, without reading it', async () => {
    const huge = new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'huge.xlsx');
    const { platform } = setup([huge]);
    const refused = await platform.openFile({ accept: ['xlsx'] }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PlatformError);
    expect(refused instanceof PlatformError && refused.code).toBe('files.tooLarge');
  });

  it('answers a typed failure for a file the browser can no longer read', async () => {
    const gone = new File(['x'], 'gone.csv');
    gone.arrayBuffer = () => Promise.reject(new DOMException('gone', 'NotReadableError'));
    const { platform } = setup([gone]);
    await expect(platform.openFile({ accept: ['csv'] })).rejects.toMatchObject({ code: 'files.unreadable' });
  });
});

describe('web platform: notifications', () => {
  const withNotifications = (permission: NotificationPermission) => {
    const shown: Array<{ title: string; body: string; onClick?: () => void }> = [];
    const navigated: string[] = [];
    const platform = createWebPlatform({
      version: '1.0.0',
      languages: ['de-CH'],
      open: () => undefined,
      fetch: () => Promise.reject(new TypeError('offline')),
      localStorage: memoryStorage(),
      sessionStorage: memoryStorage(),
      demoUrl: () => Promise.resolve('http://127.0.0.1:9'),
      archiveKey: noArchiveKey,
      files: {
        createObjectUrl: () => 'blob:test/x',
        revokeObjectUrl: () => undefined,
        download: () => undefined,
        later: () => undefined,
        pick: () => Promise.resolve(null),
      },
      notifications: {
        permission: () => permission,
        request: () => Promise.resolve(permission),
        show: (title, body, onClick) => shown.push({ title, body, ...(onClick ? { onClick } : {}) }),
      },
      navigate: (hash) => navigated.push(hash),
    });
    return { platform, shown, navigated };
  };

  it('a click on a notification opens the page of its kind', async () => {
    const { platform, shown, navigated } = withNotifications('granted');
    expect(await platform.notify('2 conflicts', 'Settle them', 'conflicts')).toBe(true);
    expect(await platform.notify('3 new invoices', '', 'newInvoices')).toBe(true);
    expect(await platform.notify('Budget', '', 'budgetAlerts')).toBe(true);
    for (const notification of shown) notification.onClick?.();
    expect(navigated).toEqual(['#/settings?section=outbox', '#/invoices', '#/analytics']);
  });

  it('a notification without a kind opens nothing, and none is shown without permission', async () => {
    const granted = withNotifications('granted');
    await granted.platform.notify('Hello', '');
    expect(granted.shown[0]?.onClick).toBeUndefined();
    const denied = withNotifications('denied');
    expect(await denied.platform.notify('Hello', '', 'newInvoices')).toBe(false);
    expect(denied.shown).toEqual([]);
  });
});
