import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment, AssignmentInput } from '../../shared/api/schemas';
import { refusingAssignment } from '../../shared/allocation/splitForm';
import { applyAssignmentChanges } from '../../renderer/db/assignmentEdits';
import { resolveKeepMine, resolveTakeTheirs } from '../../renderer/db/localEdits';
import { createDexieResourceStore } from '../../renderer/db/resourceStore';
import type { RunningSimulator } from '../../simulator/server';
import {
  control,
  createTestClient,
  LOCAL_NOW,
  openTestDatabase,
  startTestSimulator,
  syncOnce,
} from './syncHarness';

// The split dialog's batches on their way to the operator over HTTP: pushed (201 for a new period,
// 200 with If-Match for a changed one), refused with 409 (another user's assignment of the same
// key shares days with it) and met with 412 (another user changed it first), and what the clerk
// then sees and keeps.

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startTestSimulator();
}, 60_000);

afterAll(async () => {
  await sim.close();
});

interface Exchange {
  method: string;
  path: string;
  precondition: string;
  status: number;
}

/** A synced archive whose pushes are recorded (method, path, precondition, status). */
const setup = async () => {
  const db = openTestDatabase();
  const exchanges: Exchange[] = [];
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const request = new Request(input, init);
    if (request.method === 'PUT' || request.method === 'DELETE') {
      exchanges.push({
        method: request.method,
        path: new URL(request.url).pathname,
        precondition:
          request.headers.get('if-match') ?? `none-match ${request.headers.get('if-none-match') ?? ''}`,
        status: response.status,
      });
    }
    return response;
  };
  const api = createTestClient(sim.url, recording);
  const resources = createDexieResourceStore(db, () => LOCAL_NOW);
  const sync = () => syncOnce(db, api, { resources });
  expect((await sync()).outcome).toBe('ok');
  exchanges.length = 0;
  return { db, api, sync, exchanges };
};

const now = () => LOCAL_NOW;

const atOperator = async (api: ReturnType<typeof createTestClient>, key: string): Promise<Assignment[]> =>
  (await api.listAssignments()).items
    .filter((assignment) => assignment.key === key)
    .sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));

const inputOf = (assignment: Assignment, patch: Partial<AssignmentInput> = {}): AssignmentInput => ({
  kind: assignment.kind,
  key: assignment.key,
  splits: assignment.splits,
  validFrom: assignment.validFrom ?? null,
  validTo: assignment.validTo ?? null,
  ...patch,
});

const stored = async (db: ReturnType<typeof openTestDatabase>, id: string) => {
  const row = await db.assignments.get(id);
  if (!row) throw new Error(`no assignment ${id} in the archive`);
  return row;
};

describe('split batches at the operator', () => {
  it('pushes a split from mid-month: the new period created (201), the ended one replaced with If-Match (200)', async () => {
    const { db, sync, api, exchanges } = await setup();
    const before = await stored(db, 'asg-rrn-logistics');
    await applyAssignmentChanges(
      db,
      [
        { op: 'put', id: before.id, input: inputOf(before, { validTo: '2026-03-14' }) },
        {
          op: 'put',
          id: 'a-split-1',
          input: inputOf(before, {
            splits: [
              { costCenterCode: '3300', percent: 70 },
              { costCenterCode: '2100', percent: 30 },
            ],
            validFrom: '2026-03-15',
            validTo: null,
          }),
        },
      ],
      { now },
    );

    expect(await sync()).toMatchObject({ outcome: 'ok', pushed: 2, conflicts: 0 });
    expect(exchanges).toEqual([
      {
        method: 'PUT',
        path: `/v1/cost-center-assignments/${before.id}`,
        precondition: before.etag,
        status: 200,
      },
      {
        method: 'PUT',
        path: '/v1/cost-center-assignments/a-split-1',
        precondition: 'none-match *',
        status: 201,
      },
    ]);
    const operator = await atOperator(api, before.key);
    expect(operator.map((row) => [row.id, row.validFrom ?? null, row.validTo ?? null])).toEqual([
      [before.id, before.validFrom ?? null, '2026-03-14'],
      ['a-split-1', '2026-03-15', null],
    ]);
    // The archive holds the operator's versions (their ETags), nothing waits.
    expect(await db.outbox.count()).toBe(0);
    expect((await stored(db, 'a-split-1')).etag).toBe(operator[1]?.etag);

    // A later change of the new period goes with the ETag the creation returned.
    exchanges.length = 0;
    const created = await stored(db, 'a-split-1');
    await applyAssignmentChanges(
      db,
      [
        {
          op: 'put',
          id: created.id,
          input: inputOf(created, {
            splits: [
              { costCenterCode: '3300', percent: 60 },
              { costCenterCode: '2100', percent: 40 },
            ],
          }),
        },
      ],
      { now },
    );
    expect(await sync()).toMatchObject({ outcome: 'ok', pushed: 1 });
    expect(exchanges).toEqual([
      {
        method: 'PUT',
        path: '/v1/cost-center-assignments/a-split-1',
        precondition: created.etag,
        status: 200,
      },
    ]);
    expect((await atOperator(api, before.key))[1]?.splits.map((split) => split.percent)).toEqual([60, 40]);
  }, 120_000);

  it('409 on a new period: the clerk sees the other user’s assignment after the pull, edits again, and it goes through', async () => {
    const { db, sync, api, exchanges } = await setup();
    const assigned = new Set((await db.assignments.toArray()).map((row) => row.key));
    const service = (await db.services.toArray()).find((row) => !assigned.has(row.code));
    if (!service) throw new Error('every service is assigned');
    const mine: AssignmentInput = {
      kind: 'service',
      key: service.code,
      splits: [{ costCenterCode: '2100', percent: 100 }],
      validFrom: '2026-01-01',
      validTo: null,
    };
    await applyAssignmentChanges(db, [{ op: 'put', id: 'a-mine', input: mine }], { now });
    // Meanwhile another user charges the same service from June on.
    const theirs = await createTestClient(sim.url).createAssignment('a-theirs', {
      ...mine,
      splits: [{ costCenterCode: '3300', percent: 100 }],
      validFrom: '2026-06-01',
    });

    expect(await sync()).toMatchObject({ outcome: 'ok', pushed: 0 });
    expect(exchanges).toEqual([
      {
        method: 'PUT',
        path: '/v1/cost-center-assignments/a-mine',
        precondition: 'none-match *',
        status: 409,
      },
    ]);
    const [refused] = await db.outbox.toArray();
    expect(refused).toMatchObject({ state: 'rejected', reason: { code: 'api.conflict' }, key: 'a-mine' });
    // The clerk's own version stays on screen (held by the refused edit); the same pull stored theirs,
    // which is what the Settings row names.
    expect((await stored(db, 'a-mine')).splits).toEqual(mine.splits);
    const named = refusingAssignment(
      { id: 'a-mine', input: mine },
      await db.assignments.toArray(),
      refused?.reason?.message,
    );
    expect(named).toMatchObject({ id: 'a-theirs', validFrom: '2026-06-01', etag: theirs.etag });

    // Edit again: mine ends the day before theirs starts; the dialog's checks pass, it is sent again.
    exchanges.length = 0;
    await applyAssignmentChanges(
      db,
      [{ op: 'put', id: 'a-mine', input: { ...mine, validTo: '2026-05-31' } }],
      {
        now,
      },
    );
    expect(await sync()).toMatchObject({ outcome: 'ok', pushed: 1 });
    expect(exchanges).toEqual([
      {
        method: 'PUT',
        path: '/v1/cost-center-assignments/a-mine',
        precondition: 'none-match *',
        status: 201,
      },
    ]);
    expect((await atOperator(api, service.code)).map((row) => [row.id, row.validTo ?? null])).toEqual([
      ['a-mine', '2026-05-31'],
      ['a-theirs', null],
    ]);
    expect(await db.outbox.count()).toBe(0);
  }, 120_000);

  it('409 on a changed period: keeping the operator’s leaves it in place, and the pull brings back the operator’s version', async () => {
    const setupApi = createTestClient(sim.url);
    const shared = (await setupApi.listAssignments()).items.find((row) => row.id === 'asg-rrn-shared');
    if (!shared) throw new Error('no asg-rrn-shared');
    const ended = await setupApi.replaceAssignment(
      shared.id,
      inputOf(shared, { validTo: '2026-05-31' }),
      shared.etag,
    );
    const { db, sync, exchanges } = await setup();
    const before = await stored(db, shared.id);
    expect(before.etag).toBe(ended.etag);
    // The clerk opens the period again; another user meanwhile charges the key from September on.
    await applyAssignmentChanges(
      db,
      [{ op: 'put', id: shared.id, input: inputOf(before, { validTo: null }) }],
      {
        now,
      },
    );
    await setupApi.createAssignment(
      'a-september',
      inputOf(before, { validFrom: '2026-09-01', validTo: null }),
    );

    expect(await sync()).toMatchObject({ outcome: 'ok', pushed: 0 });
    expect(exchanges).toEqual([
      {
        method: 'PUT',
        path: `/v1/cost-center-assignments/${shared.id}`,
        precondition: before.etag,
        status: 409,
      },
    ]);
    const [refused] = await db.outbox.toArray();
    if (refused?.seq === undefined) throw new Error('the refusal is not kept');
    expect(
      refusingAssignment(
        { id: shared.id, input: inputOf(before, { validTo: null }) },
        await db.assignments.toArray(),
        refused.reason?.message,
      )?.id,
    ).toBe('a-september');

    await resolveTakeTheirs(db, refused.seq);
    // Not deleted: the operator still has it (the key's cost does not fall to "not charged").
    expect((await stored(db, shared.id)).validTo ?? null).toBeNull();
    expect(await sync()).toMatchObject({ outcome: 'ok', pushed: 0 });
    expect(await stored(db, shared.id)).toMatchObject({ validTo: '2026-05-31', etag: before.etag });
    expect(await db.outbox.count()).toBe(0);
  }, 120_000);

  it('412: another user changed the assignment first; the clerk sees theirs beside theirs and keeps either', async () => {
    const { db, sync, api, exchanges } = await setup();
    const promo = await stored(db, 'asg-service-promo');
    const mine = inputOf(promo, {
      splits: [
        { costCenterCode: '2100', percent: 50 },
        { costCenterCode: '3300', percent: 50 },
      ],
    });
    await applyAssignmentChanges(db, [{ op: 'put', id: promo.id, input: mine }], { now });
    const theirs = (await control(sim.url, 'other-user-edit', {
      kind: 'assignment',
      id: promo.id,
    })) as Assignment;

    expect(await sync()).toMatchObject({ conflicts: 1 });
    expect(exchanges).toEqual([
      {
        method: 'PUT',
        path: `/v1/cost-center-assignments/${promo.id}`,
        precondition: promo.etag,
        status: 412,
      },
    ]);
    const [conflict] = await db.outbox.toArray();
    if (conflict?.seq === undefined) throw new Error('the conflict is not kept');
    // Both versions, side by side in Settings: mine as sent, theirs as the operator has it now.
    expect(conflict).toMatchObject({ state: 'conflict', payload: mine });
    expect(conflict.current?.value).toMatchObject({ splits: theirs.splits });
    expect(conflict.current?.etag).toBe(theirs.etag);
    expect((await stored(db, promo.id)).splits).toEqual(mine.splits);

    // Keep mine: sent again over their version, with their ETag.
    exchanges.length = 0;
    await resolveKeepMine(db, conflict.seq);
    expect(await sync()).toMatchObject({ outcome: 'ok', pushed: 1, conflicts: 0 });
    expect(exchanges).toEqual([
      {
        method: 'PUT',
        path: `/v1/cost-center-assignments/${promo.id}`,
        precondition: theirs.etag,
        status: 200,
      },
    ]);
    expect((await atOperator(api, promo.key))[0]?.splits).toEqual(mine.splits);

    // Once more, and this time take theirs: the archive holds the operator's version at once.
    const current = await stored(db, promo.id);
    await applyAssignmentChanges(
      db,
      [{ op: 'put', id: promo.id, input: inputOf(current, { splits: promo.splits }) }],
      {
        now,
      },
    );
    const again = (await control(sim.url, 'other-user-edit', {
      kind: 'assignment',
      id: promo.id,
    })) as Assignment;
    expect(await sync()).toMatchObject({ conflicts: 1 });
    const [second] = await db.outbox.toArray();
    if (second?.seq === undefined) throw new Error('the conflict is not kept');
    await resolveTakeTheirs(db, second.seq);
    expect(await stored(db, promo.id)).toMatchObject({ splits: again.splits, etag: again.etag });
  }, 120_000);
});
