import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCostCenterFileClient, type CostCenterFileClient } from './costCenterFileClient';

// The real worker module with the real reader, its global scope one end of a MessageChannel.
const channel = new MessageChannel();
let client: CostCenterFileClient;

beforeAll(async () => {
  vi.stubGlobal('self', channel.port2);
  await import('./costCenterFileWorker');
  client = createCostCenterFileClient(Object.assign(channel.port1, { terminate: () => undefined }));
});

afterAll(() => {
  client.dispose();
  channel.port2.close();
  vi.unstubAllGlobals();
});

const fixture = async (name: string) =>
  new Uint8Array(await readFile(new URL(`../../../tests/fixtures/costCenters/${name}`, import.meta.url)));

describe('the cost-centre file worker', () => {
  it('reads a file with the real reader: rows, errors, the detected layout', async () => {
    const result = await client.read(await fixture('de-semicolon-bom.csv'), 'de-semicolon-bom.csv', {
      importDate: '2026-11-30',
    });
    if (!result.ok) throw new Error(`expected a reading, got ${result.messageKey}`);
    expect(result.csv).toEqual({ encoding: 'utf-8', separator: ';' });
    expect(result.rows.map((row) => row.code)).toContain('0100');
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it('answers a file-level failure as data, not as an exception', async () => {
    await expect(
      client.read(await fixture('text-renamed.xlsx'), 'text-renamed.xlsx', { importDate: '2026-11-30' }),
    ).resolves.toMatchObject({ ok: false, fileName: 'text-renamed.xlsx' });
  });

  it('reads an assignment sheet with the real assignment reader', async () => {
    const bytes = new Uint8Array(
      await readFile(new URL('../../../tests/fixtures/assignments/de-title.xlsx', import.meta.url)),
    );
    const result = await client.readAssignments(bytes, 'de-title.xlsx');
    if (!result.ok) throw new Error(`expected a reading, got ${result.messageKey}`);
    expect(result.groups.map((group) => group.key)).toEqual(['012345678', 'REF-778', 'PP-PRI']);
    expect(bytes.byteLength).toBe(0);
  });
});
