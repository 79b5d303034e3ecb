import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineIndexError } from '../../ui/failures';
import { createRpc, RpcFailure } from '../rpc';
import type { LineIndexPageSide, LineIndexWorkerSide } from './protocol';
import { createLineIndexClient } from './lineIndexClient';

// The client against a stand-in worker on the other end of a real MessageChannel.
const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

const facts = { size: 0, services: [], licences: [], references: [], skippedInvoices: [], skippedBlocks: [] };

const start = () => {
  const channel = new MessageChannel();
  channels.push(channel);
  const opened: string[] = [];
  createRpc<LineIndexWorkerSide, LineIndexPageSide>(channel.port2, {
    open: ({ databaseName }) => {
      opened.push(databaseName);
      return undefined;
    },
    refresh: () => facts,
    query: () => ({
      resultId: 1,
      groups: null,
      totals: {
        count: 0,
        netCentimes: 0,
        vatCentimes: 0,
        grossCentimes: 0,
        chargedNetCentimes: null,
        chargedVatCentimes: null,
      },
      elapsedMs: 0,
    }),
    invoicesWithText: () => [],
    rows: () => {
      throw new RpcFailure('The result has expired', { code: 'expired' });
    },
    export: () => new Promise(() => undefined),
  });
  const terminate = vi.fn();
  const client = createLineIndexClient(Object.assign(channel.port1, { terminate }), 'invoice-desk-p1');
  return { client, opened, terminate };
};

describe('line-index client', () => {
  it("opens the profile's archive before answering, and types an expired result", async () => {
    const { client, opened } = start();
    expect(await client.refresh()).toEqual(facts);
    expect(opened).toEqual(['invoice-desk-p1']);
    const error = await client.rows(1, 0, 10).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LineIndexError);
    expect(error).toMatchObject({ code: 'expired' });
    client.dispose();
  });

  it('when disposed: fails what is pending and terminates the worker', async () => {
    const { client, terminate } = start();
    const pending = client.exportLines({
      resultId: 1,
      view: 'lines',
      format: 'csv',
      columns: [],
      headers: {},
      language: 'en',
      sheetName: 'Lines',
    });
    client.dispose();
    await expect(pending).rejects.toMatchObject({ name: 'LineIndexError', code: 'failed' });
    expect(terminate).toHaveBeenCalledTimes(1);
  });
});
