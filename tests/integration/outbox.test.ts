import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Designation } from '../../shared/api/schemas';
import { designationKey } from '../../shared/designations/names';
import { createDexieResourceStore } from '../../renderer/db/resourceStore';
import {
  resolveKeepMine,
  resolveTakeTheirs,
  saveDesignation,
  savePreferences,
} from '../../renderer/db/localEdits';
import type { RunningSimulator } from '../../simulator/server';
import { PASS, startHostileProxy } from '../testing/hostileProxy';
import { control, createTestClient, startTestSimulator, syncedArchive, syncOnce } from './syncHarness';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startTestSimulator();
}, 60_000);

afterAll(async () => {
  await sim.close();
});

const setup = () => syncedArchive(sim.url);

const serverDesignation = async (
  api: ReturnType<typeof createTestClient>,
  kind: string,
  key: string,
): Promise<Designation | undefined> =>
  (await api.listDesignations()).items.find((item) => item.kind === kind && item.key === key);

describe('outbox and conflicts', () => {
  it('pulls the customer resources and pushes a new local designation once online', async () => {
    const { db, api, sync } = await setup();
    expect(await db.services.count()).toBeGreaterThan(30);
    expect(await db.costCenters.count()).toBeGreaterThan(0);
    const customer = (await db.singletons.get('customer'))?.value;
    expect(customer && 'customerNumber' in customer ? customer.customerNumber : '').toMatch(/^\d+$/);
    const service = (await db.services.toArray())[0]!;

    await saveDesignation(db, 'service', service.code, 'Our parcels to Geneva');
    // Shown at once, waiting in the outbox.
    expect((await db.designations.get(['service', service.code]))?.text).toBe('Our parcels to Geneva');
    expect(await db.outbox.count()).toBe(1);
    // Edited twice before the push: one request carries the last text.
    await saveDesignation(db, 'service', service.code, 'Our parcels to Lausanne');
    expect(await db.outbox.count()).toBe(1);

    const run = await sync();
    expect(run).toMatchObject({ outcome: 'ok', pushed: 1, conflicts: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect((await serverDesignation(api, 'service', service.code))?.text).toBe('Our parcels to Lausanne');
    expect((await db.designations.get(['service', service.code]))?.etag).toMatch(/.+/);
  });

  it('an edit that met another user’s change becomes a conflict; "keep mine" wins on the next sync', async () => {
    const { db, api, sync } = await setup();
    const theirs = (await control(sim.url, 'other-user-edit', { kind: 'designation' })) as Designation;
    await sync();
    await saveDesignation(db, theirs.kind, theirs.key, 'Mine, typed offline');
    await control(sim.url, 'other-user-edit', {
      kind: 'designation',
      id: designationKey(theirs.kind, theirs.key),
    });

    const run = await sync();
    expect(run).toMatchObject({ outcome: 'ok', pushed: 0, conflicts: 1 });
    const [conflict] = await db.outbox.toArray();
    expect(conflict?.state).toBe('conflict');
    expect(JSON.stringify(conflict?.current?.value)).toMatch(/another user/);
    // The pull kept my text on screen while the conflict waits.
    expect((await db.designations.get([theirs.kind, theirs.key]))?.text).toBe('Mine, typed offline');

    await resolveKeepMine(db, conflict!.seq!);
    expect((await sync()).pushed).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect((await serverDesignation(api, theirs.kind, theirs.key))?.text).toBe('Mine, typed offline');
  });

  it('"take theirs" drops my edit and shows the other user’s version', async () => {
    const { db, api, sync } = await setup();
    const preferences = (await db.singletons.get('preferences'))!;
    const mine = { ...(preferences.value as Parameters<typeof savePreferences>[1]) };
    mine.paper = {
      invoiceByPost: !mine.paper.invoiceByPost,
      detailedStatementByPost: mine.paper.detailedStatementByPost,
    };
    await savePreferences(db, mine);
    await control(sim.url, 'other-user-edit', { kind: 'preferences' });

    expect((await sync()).conflicts).toBe(1);
    const [conflict] = await db.outbox.toArray();
    await resolveTakeTheirs(db, conflict!.seq!);
    expect(await db.outbox.count()).toBe(0);
    const server = await api.getPreferences();
    expect((await db.singletons.get('preferences'))?.value).toEqual(server.value);
    expect((await db.singletons.get('preferences'))?.etag).toBe(server.etag);
    await sync();
    expect((await api.getPreferences()).etag).toBe(server.etag);
  });

  it('keeps edits queued while the network is down and pushes them after reconnect', async () => {
    const { db } = await setup();
    let online = false;
    const api = createTestClient(sim.url, (input, init) =>
      online ? fetch(input, init) : Promise.reject(new TypeError('offline')),
    );
    const resources = createDexieResourceStore(db);
    await saveDesignation(db, 'frankingLicence', '60000001', 'Reception machine');
    await expect(syncOnce(db, api, { resources })).rejects.toMatchObject({ code: 'api.network' });
    expect(await db.outbox.count()).toBe(1);
    online = true;
    expect((await syncOnce(db, api, { resources })).pushed).toBe(1);
    expect((await serverDesignation(api, 'frankingLicence', '60000001'))?.text).toBe('Reception machine');
  });

  it('an edit the operator applied before the app read the answer is recognised on resend, not a conflict', async () => {
    const { db } = await setup();
    const proxy = await startHostileProxy(sim.url);
    try {
      const api = createTestClient(proxy.url);
      const resources = createDexieResourceStore(db);
      let cut = true;
      // The PUT reaches the operator and is applied; the answer never comes back (app killed, link cut).
      proxy.rules.push((request) =>
        cut && request.method === 'PUT' && request.path.startsWith('/v1/designations/')
          ? { kind: 'cutAfterUpstream' }
          : PASS,
      );
      await saveDesignation(db, 'frankingLicence', '60000002', 'Mail room, 2nd floor');
      await expect(syncOnce(db, api, { resources })).rejects.toMatchObject({ code: 'api.network' });
      expect(await db.outbox.count()).toBe(1);
      cut = false;
      // The resend's If-None-Match "*" now meets the clerk's own designation: 412 with it as current.
      const run = await syncOnce(db, api, { resources });
      expect(run).toMatchObject({ outcome: 'ok', pushed: 1, conflicts: 0 });
      expect(await db.outbox.count()).toBe(0);
      const stored = await db.designations.get(['frankingLicence', '60000002']);
      expect(stored?.text).toBe('Mail room, 2nd floor');
      expect(stored?.etag).toBe((await serverDesignation(api, 'frankingLicence', '60000002'))?.etag);
    } finally {
      await proxy.close();
    }
  });

  it('a resend that meets a different text is still a conflict', async () => {
    const { db } = await setup();
    const theirs = (await control(sim.url, 'other-user-edit', { kind: 'designation' })) as Designation;
    await saveDesignation(db, theirs.kind, theirs.key, `${theirs.text} (mine)`);
    await control(sim.url, 'other-user-edit', {
      kind: 'designation',
      id: designationKey(theirs.kind, theirs.key),
    });
    expect(
      await syncOnce(db, createTestClient(sim.url), { resources: createDexieResourceStore(db) }),
    ).toMatchObject({
      conflicts: 1,
    });
  });
});
