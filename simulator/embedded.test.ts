import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedSimulator } from './embedded';
import { openTestApi, type TestApi } from './testing/testApi';

const opened: TestApi[] = [];
const open = async (start?: typeof startEmbeddedSimulator): Promise<TestApi> => {
  const api = await openTestApi({ seed: 7 }, start);
  opened.push(api);
  return api;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((api) => api.close()));
});

describe('the embedded simulator', () => {
  it('answers the contract exactly as the whole simulator does', async () => {
    const [embedded, whole] = await Promise.all([open(startEmbeddedSimulator), open()]);
    for (const path of ['/v1/customer', '/v1/services', '/v1/invoices?limit=5', '/v1/cost-centers']) {
      const [mine, theirs] = await Promise.all([embedded.json(path), whole.json(path)]);
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual(theirs.body);
    }
  });

  it('has no control routes, even when asked for them', async () => {
    // openTestApi asks for control: true; the embedded entry has no such routes to enable.
    const embedded = await open(startEmbeddedSimulator);
    expect((await embedded.control('/__sim/faults', 'POST', { rate503: 1 })).status).toBe(404);
    expect((await embedded.control('/__sim/clock', 'GET')).status).toBe(404);
    expect((await embedded.json('/v1/customer')).status).toBe(200);
  });
});
