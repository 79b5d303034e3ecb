import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment } from '../../shared/api/schemas';
import {
  connectOperator,
  cutOperator,
  OPERATOR_CUT,
  reconnectAndSync,
  startSyncedApp,
  waitingChanges,
  waitUntilPushed,
  type Operator,
} from './appHarness';
import { allowPageProblems } from './browser';

let app: Awaited<ReturnType<typeof startSyncedApp>>;
let web: typeof app.web;
let sim: typeof app.sim;
let page: Page;
let operator: Operator;

beforeAll(async () => {
  app = await startSyncedApp();
  ({ web, sim, page } = app);
  operator = await connectOperator(sim.url);
}, 180_000);

afterAll(async () => {
  await app.close();
});

/** Drops a file on the page as the OS does: a File carried by a DataTransfer. */
const dropFile = async (name: string, text: string) =>
  page.evaluate(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name));
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
    },
    { name, text },
  );

const dialog = () => page.getByRole('dialog', { name: 'Import assignments' });
const preview = () => dialog().getByRole('grid', { name: 'Assignments in the file' });
const assignmentsAtOperator = async () =>
  (await operator.get<{ items: Assignment[] }>('/v1/cost-center-assignments')).items;

/**
 * The sheet: a service no assignment charges yet, split 70/30 from mid-March (created), and the
 * seeded licence assignment with its own (open) period, charged to a cost centre that does not
 * exist (refused) or to 5200 (replaced).
 */
const sheetFor = async () => {
  const stored = await assignmentsAtOperator();
  const licence = stored.find((assignment) => assignment.id === 'asg-licence-main');
  if (!licence) throw new Error('the seed has no licence assignment');
  const assignedServices = new Set(stored.filter((a) => a.kind === 'service').map((a) => a.key));
  const service = Object.keys(app.stats.perService).find((code) => !assignedServices.has(code));
  if (!service) throw new Error('every service is assigned');
  /** The sheet with the licence charged to `centre`. */
  const text = (centre: string) =>
    [
      'Art;Schlüssel;Kostenstelle;Anteil %;Gültig ab;Gültig bis',
      `Dienstleistung;${service};2100;70;15.3.2026;`,
      `Dienstleistung;${service};3300;30;15.3.2026;`,
      `Lizenz;${licence.key};${centre};100;;`,
    ].join('\r\n');
  return { service, licence, text };
};

describe('importing assignments from a sheet', () => {
  it('drop a sheet: preview, problems and impact; Apply only with "valid only"; undone before the push; applied again, pushed, at the operator', async () => {
    const { service, licence, text } = await sheetFor();
    // Offline, so the import stays in the outbox until this test lets it through.
    allowPageProblems(OPERATOR_CUT);
    await cutOperator(sim.url);
    await page.goto(`${web.url}#/assignments`);
    await page.getByRole('button', { name: 'Import assignments…' }).waitFor();

    await dropFile('Zuordnungen.csv', text('9999'));
    await dialog().waitFor();
    await dialog().getByText('CSV, UTF-8, separated by semicolons').waitFor();
    await preview().getByRole('gridcell', { name: service, exact: true }).waitFor();
    await preview()
      .getByText('Row 4, column C (Cost centre): cost centre 9999 does not exist.', { exact: false })
      .waitFor();
    const apply = dialog().getByRole('button', { name: 'Apply' });
    expect(await apply.isDisabled()).toBe(true);
    await dialog()
      .getByText(/Some rows have errors/)
      .waitFor();
    await dialog()
      .getByRole('checkbox', { name: 'Import the valid assignments only and skip 1 row with errors' })
      .check();
    // What moves, per month, before anything is written.
    const impact = dialog().getByRole('region', { name: 'Net cost moved per month and cost centre' });
    await impact.getByRole('columnheader', { name: '2100 Marketing' }).waitFor();
    await impact.getByRole('rowheader', { name: 'March 2026' }).waitFor();
    await apply.click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('status').getByText('Imported “Zuordnungen.csv”: 1 new, 0 replaced.').waitFor();
    await waitingChanges(page).waitFor();

    // Not pushed yet: the whole import is undone and nothing of it waits.
    await page.getByRole('button', { name: 'Undo import' }).click();
    await page.getByText('The import of “Zuordnungen.csv” was undone.').waitFor();
    await waitingChanges(page).waitFor({ state: 'detached' });

    // The whole sheet: the licence row now valid, replacing the seeded assignment of the same period.
    await dropFile('Zuordnungen.csv', text('5200'));
    await preview().getByRole('gridcell', { name: service, exact: true }).waitFor();
    await preview()
      .getByText(/Until now: 4100 .* 100 %/)
      .waitFor();
    await dialog().getByRole('button', { name: 'Apply' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('status').getByText('Imported “Zuordnungen.csv”: 1 new, 1 replaced.').waitFor();

    await reconnectAndSync(page, sim.url);
    await waitUntilPushed(page, 30_000);
    const stored = await assignmentsAtOperator();
    expect(
      stored.filter((assignment) => assignment.kind === 'service' && assignment.key === service),
    ).toEqual([
      expect.objectContaining({
        splits: [
          { costCenterCode: '2100', percent: 70 },
          { costCenterCode: '3300', percent: 30 },
        ],
        validFrom: '2026-03-15',
      }),
    ]);
    expect(stored.find((assignment) => assignment.id === 'asg-licence-main')).toMatchObject({
      key: licence.key,
      splits: [{ costCenterCode: '5200', percent: 100 }],
    });
    // Pushed: the undo is gone, and the notice says why.
    await page
      .getByText('The import has been sent to the operator: undo it by changing the assignments.')
      .waitFor();
    await expect(page.getByRole('button', { name: 'Undo import' }).count()).resolves.toBe(0);
  }, 180_000);

  it('a file that is no sheet of assignments gets a clear message and changes nothing', async () => {
    await page.goto(`${web.url}#/assignments`);
    await page.getByRole('button', { name: 'Import assignments…' }).waitFor();
    await dropFile('Kostenstellen.csv', 'Code;Name\n2100;Marketing\n');
    await dialog()
      .getByRole('alert')
      .getByText(/No column headings for assignments were found in “Kostenstellen\.csv”/)
      .waitFor();
    await dialog().getByRole('button', { name: 'Close' }).click();
    await dialog().waitFor({ state: 'detached' });
  }, 60_000);

  it('from the keyboard: the button opens the file chooser, an xlsx written by LibreOffice is read in the worker, Escape closes without writing', async () => {
    await page.goto(`${web.url}#/assignments`);
    const button = page.getByRole('button', { name: 'Import assignments…' });
    // Waiting for the chooser turns on its interception, asynchronously: begun before the focus, it is
    // on by the time Enter opens the chooser (begun with the key press, it could come too late).
    const chosen = page.waitForEvent('filechooser');
    await button.focus();
    await page.keyboard.press('Enter');
    const chooser = await chosen;
    await chooser.setFiles({
      name: 'de-title.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await readFile(new URL('../fixtures/assignments/de-title.xlsx', import.meta.url)),
    });
    await dialog().getByText('Excel workbook (.xlsx)').waitFor();
    // The key keeps its leading zero; the split of rows 5 and 6 is one assignment.
    await preview().getByRole('gridcell', { name: '012345678', exact: true }).waitFor();
    await preview().getByRole('gridcell', { name: '5–6', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await expect(waitingChanges(page).count()).resolves.toBe(0);
  }, 60_000);
});
