import { describe, expect, it } from 'vitest';
import { read } from 'xlsx';
import { journalHeaders } from '../../../shared/export/periodExport';
import { englishLabels, fixtureArchive, fixtureSource } from '../../../shared/export/testing/periodFixture';
import { splitAssignment } from '../../../shared/testing/assignmentFixture';
import { fileSha256 } from '../../../shared/audit/fileHash';
import { RpcError } from '../rpc';
import { createExportFileClient } from './exportFileClient';
import { serveExportFile, type OpenSource } from './exportFileServer';
import type { ExportFileRequest } from './protocol';

const { month: _month, ...labels } = englishLabels;
const period = { from: '2026-01', to: '2026-06' };
const archive = fixtureArchive(6, 800, 200);

const common = {
  databaseName: 'invoice-desk-p1',
  period,
  language: 'en',
  labels,
  journalHeaders: journalHeaders(englishLabels.journal),
} as const;
const workbook: ExportFileRequest = { kind: 'workbook', ...common };
const sapJournal: ExportFileRequest = { kind: 'journal', layout: 'sap', ...common };

const channelWith = (open: OpenSource) => {
  const channel = new MessageChannel();
  const worker = serveExportFile(channel.port2, open);
  const client = createExportFileClient(Object.assign(channel.port1, { terminate: () => undefined }));
  return {
    client,
    dispose: () => {
      client.dispose();
      worker.dispose();
      channel.port1.close();
      channel.port2.close();
    },
  };
};

describe('the export worker channel', () => {
  it('streams the workbook to the page in pieces, with progress, and answers its summary', async () => {
    const opened: string[] = [];
    const { client, dispose } = channelWith((asked) => {
      opened.push(asked.databaseName);
      return Promise.resolve({ source: fixtureSource(archive, asked.period, 4), skipped: [] });
    });
    const pieces: Uint8Array<ArrayBuffer>[] = [];
    const progress: number[] = [];
    const result = await client.run(
      workbook,
      (chunk) => {
        pieces.push(chunk);
        return Promise.resolve();
      },
      (done) => progress.push(done),
      new AbortController().signal,
    );
    expect(opened).toEqual(['invoice-desk-p1']);
    expect(result.bytes).toBe(pieces.reduce((total, piece) => total + piece.length, 0));
    // The hash taken chunk by chunk in the worker is the hash of the file the page saved.
    const file = new Uint8Array(result.bytes);
    let at = 0;
    for (const piece of pieces) {
      file.set(piece, at);
      at += piece.length;
    }
    expect(result.sha256).toBe(fileSha256(file));
    expect(progress.at(-1)).toBe(archive.blocks.length);
    const book = read(new Uint8Array(await new Blob(pieces).arrayBuffer()), { type: 'array' });
    expect(book.SheetNames[0]).toBe('Overview');
    expect(result.lines).toBeGreaterThan(0);
    dispose();
  });

  it('stops the worker when the page cancels', async () => {
    const { client, dispose } = channelWith((asked) =>
      Promise.resolve({ source: fixtureSource(archive, asked.period, 1), skipped: [] }),
    );
    const controller = new AbortController();
    const run = client.run(
      workbook,
      () => Promise.resolve(),
      (done) => {
        if (done === 3) controller.abort(new Error('cancelled by the clerk'));
      },
      controller.signal,
    );
    await expect(run).rejects.toThrow('cancelled by the clerk');
    dispose();
  });

  it('tells a cost centre SAP cannot hold as typed data', async () => {
    const { client, dispose } = channelWith((asked) =>
      Promise.resolve({
        source: {
          ...fixtureSource(archive, asked.period),
          assignments: [splitAssignment('long', 'service', 'PP-PRI', [['VERTRIEB-OST-1', 100]])],
        },
        skipped: [],
      }),
    );
    const failure = await client
      .run(
        sapJournal,
        () => Promise.resolve(),
        () => undefined,
        new AbortController().signal,
      )
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RpcError);
    expect(failure instanceof RpcError && failure.data).toEqual({
      code: 'export.costCenterTooLong',
      costCenter: 'VERTRIEB-OST-1',
    });
    dispose();
  });
});
