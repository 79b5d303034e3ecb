import { describe, expect, it } from 'vitest';
import type { ReadOptions } from '../../../shared/costCenters/fileContract';
import { fileRow, reading } from '../../../shared/costCenters/testing/readings';
import { createCostCenterFileClient } from './costCenterFileClient';
import { serveCostCenterFile } from './costCenterFileServer';

describe('the cost-centre file worker channel', () => {
  it('reads in the other side, the bytes transferred (the page keeps an empty buffer), the options passed along', async () => {
    const channel = new MessageChannel();
    const seen: Array<{ size: number; fileName: string; options: ReadOptions }> = [];
    // The worker side with a reader that answers a reading built by hand (the parser is tested on its own).
    const worker = serveCostCenterFile(
      channel.port2,
      (bytes, fileName, options) => {
        seen.push({ size: bytes.byteLength, fileName, options });
        return reading([fileRow(2, '4100', 'Marketing')], [], { fileName });
      },
      (_bytes, fileName) => ({ ok: false, fileName, messageKey: 'empty' }),
    );
    let terminated = false;
    const client = createCostCenterFileClient(
      Object.assign(channel.port1, {
        terminate: () => {
          terminated = true;
        },
      }),
    );
    const bytes = new TextEncoder().encode('Code;Name\n4100;Marketing\n');
    const size = bytes.byteLength;
    const options: ReadOptions = { importDate: '2026-11-30', mapping: { code: 0, name: 1 } };

    const result = await client.read(bytes, 'Kostenstellen.csv', options);

    expect(result).toMatchObject({ ok: true, fileName: 'Kostenstellen.csv', rows: [{ code: '4100' }] });
    expect(seen).toEqual([{ size, fileName: 'Kostenstellen.csv', options }]);
    expect(bytes.byteLength).toBe(0);
    client.dispose();
    expect(terminated).toBe(true);
    worker.dispose();
    channel.port1.close();
    channel.port2.close();
  });
});
