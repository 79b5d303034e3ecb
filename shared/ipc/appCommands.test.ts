import { describe, expect, it } from 'vitest';
import { OPEN_FILE_MAX_BYTES } from './openFile';
import { appRoutePaths, importableFormatOf, parseAppCommand } from './appCommands';

describe('AppCommand schema', () => {
  it('reads each kind of command', () => {
    const file = { name: 'Kostenstellen.ods', bytes: new Uint8Array([1, 2, 3]) };
    for (const command of [
      { kind: 'syncNow' },
      { kind: 'navigate', route: '/invoices' },
      { kind: 'navigate', route: '/analytics', query: 'period=ytd' },
      { kind: 'importCostCenters' },
      { kind: 'importCostCenters', file },
      { kind: 'export' },
      { kind: 'openSettings' },
    ]) {
      expect(parseAppCommand(command)).toEqual(command);
    }
  });

  it('refuses unknown kinds, routes outside the app and malformed payloads', () => {
    for (const payload of [
      null,
      'syncNow',
      { kind: 'reload' },
      { kind: 'navigate', route: '/nope' },
      { kind: 'navigate', route: 'https://example.com/' },
      { kind: 'navigate', route: '/invoices', query: 'x'.repeat(1001) },
      { kind: 'importCostCenters', file: { name: '', bytes: new Uint8Array(1) } },
      { kind: 'importCostCenters', file: { name: 'a.xlsx', bytes: [1, 2] } },
      { kind: 'importCostCenters', file: { name: 'a'.repeat(256), bytes: new Uint8Array(1) } },
    ]) {
      expect(parseAppCommand(payload)).toBeNull();
    }
  });

  it('bounds a handed-over file like a file the clerk opens', () => {
    const at = (size: number) =>
      parseAppCommand({
        kind: 'importCostCenters',
        file: { name: 'big.xlsx', bytes: new Uint8Array(size) },
      });
    expect(at(OPEN_FILE_MAX_BYTES)).not.toBeNull();
    expect(at(OPEN_FILE_MAX_BYTES + 1)).toBeNull();
  });

  it('names every page once', () => {
    expect(new Set(appRoutePaths).size).toBe(appRoutePaths.length);
  });
});

describe('importableFormatOf', () => {
  it('knows the four spreadsheet formats by their extension, in any case', () => {
    expect(importableFormatOf('Kostenstellen.xlsx')).toBe('xlsx');
    expect(importableFormatOf('KST 2026.XLS')).toBe('xls');
    expect(importableFormatOf('centres.de.coûts.ods')).toBe('ods');
    expect(importableFormatOf('sap.export.CSV')).toBe('csv');
  });

  it('refuses every other file, and a name that is only an extension', () => {
    for (const name of ['invoice.pdf', 'archive.zip', 'xlsx', '.xlsx', 'notes', 'table.xlsx.exe'])
      expect(importableFormatOf(name)).toBeNull();
  });
});
