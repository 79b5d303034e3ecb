import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preferences } from '../../shared/api/schemas';
import { draftOf } from '../../shared/preferences/validation';
import { resolveKeepMine, resolveTakeTheirs } from '../../renderer/db/localEdits';
import { savePreferencesDraft } from '../../renderer/features/settings/edits';
import type { RunningSimulator } from '../../simulator/server';
import { control, startTestSimulator, syncedArchive } from './syncHarness';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startTestSimulator();
}, 60_000);

afterAll(async () => {
  await sim.close();
});

const setup = async () => {
  const { db, api, sync } = await syncedArchive(sim.url);
  const stored = (await db.singletons.get('preferences'))?.value;
  if (!stored || !('notifications' in stored)) throw new Error('The first sync brought no preferences');
  return { db, api, sync, synced: stored };
};

/**
 * The clerk's edit: both notifications flipped, one more address (one simulator serves every test,
 * so each adds its own), the invoice on paper.
 */
const edit = (synced: Preferences, added: string) => ({
  ...draftOf(synced),
  newDocuments: !synced.notifications.newDocuments,
  paymentReminders: !synced.notifications.paymentReminders,
  emails: [...synced.notifications.emails, added],
  invoiceByPost: true,
});

describe('preferences through the operator', () => {
  it('an edit saved offline waits in the outbox, and the next sync puts it with If-Match', async () => {
    const { db, api, sync, synced } = await setup();
    const before = await api.getPreferences();
    await savePreferencesDraft(db, edit(synced, 'offline@example.ch'));
    // Nothing reached the operator yet: the edit waits.
    expect((await api.getPreferences()).etag).toBe(before.etag);
    expect((await db.outbox.toArray()).map((row) => row.state)).toEqual(['pending']);

    expect(await sync()).toMatchObject({ outcome: 'ok', pushed: 1, conflicts: 0 });
    const after = await api.getPreferences();
    expect(after.value).toEqual({
      notifications: {
        newDocuments: !synced.notifications.newDocuments,
        paymentReminders: !synced.notifications.paymentReminders,
        emails: [...synced.notifications.emails, 'offline@example.ch'],
      },
      paper: { invoiceByPost: true, detailedStatementByPost: synced.paper.detailedStatementByPost },
    });
    expect(after.etag).not.toBe(before.etag);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.singletons.get('preferences')).toMatchObject({ value: after.value, etag: after.etag });
  });

  it('another user’s edit first: 412, a conflict; "keep mine" puts mine over theirs', async () => {
    const { db, api, sync, synced } = await setup();
    await savePreferencesDraft(db, edit(synced, 'mine@example.ch'));
    const theirs = (await control(sim.url, 'other-user-edit', { kind: 'preferences' })) as Preferences;

    expect(await sync()).toMatchObject({ outcome: 'ok', pushed: 0, conflicts: 1 });
    const [conflict] = await db.outbox.toArray();
    expect(conflict).toMatchObject({ state: 'conflict', current: { value: theirs } });
    // While the conflict waits, the pull does not put theirs over what the clerk typed.
    expect((await db.singletons.get('preferences'))?.value).toMatchObject({ paper: { invoiceByPost: true } });

    await resolveKeepMine(db, conflict!.seq!);
    expect(await sync()).toMatchObject({ pushed: 1, conflicts: 0 });
    expect((await api.getPreferences()).value).toMatchObject({
      notifications: { emails: [...synced.notifications.emails, 'mine@example.ch'] },
      paper: { invoiceByPost: true },
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it('another user’s edit first: "take theirs" drops mine and keeps the operator’s', async () => {
    const { db, api, sync, synced } = await setup();
    await savePreferencesDraft(db, edit(synced, 'dropped@example.ch'));
    await control(sim.url, 'other-user-edit', { kind: 'preferences' });
    expect((await sync()).conflicts).toBe(1);
    const [conflict] = await db.outbox.toArray();

    await resolveTakeTheirs(db, conflict!.seq!);
    const server = await api.getPreferences();
    expect(server.value.paper.invoiceByPost).toBe(synced.paper.invoiceByPost);
    expect(server.value.notifications.emails).toEqual(synced.notifications.emails);
    expect(await db.singletons.get('preferences')).toMatchObject({ value: server.value, etag: server.etag });
    expect(await sync()).toMatchObject({ pushed: 0, conflicts: 0 });
    expect((await api.getPreferences()).etag).toBe(server.etag);
  });
});
