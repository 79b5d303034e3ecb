import { describe, expect, it } from 'vitest';
import { appRoutePaths } from '../../../shared/ipc/appCommands';
import { parseHash, routeTable } from '../router/routes';
import { createCommandDispatcher } from './dispatcher';
import { createImportRequests, type ImportRequest } from './importRequests';

const setUp = () => {
  const calls: string[] = [];
  const imports = createImportRequests();
  const dispatch = createCommandDispatcher({
    syncNow: () => calls.push('sync'),
    navigate: (hash) => calls.push(`go ${hash}`),
    imports,
  });
  const taken: ImportRequest[] = [];
  const take = () => imports.take((request) => taken.push(request));
  return { calls, dispatch, taken, take };
};

describe('command dispatcher', () => {
  it('starts a sync through the sync controller', () => {
    const { calls, dispatch } = setUp();
    dispatch({ kind: 'syncNow' });
    expect(calls).toEqual(['sync']);
  });

  it('opens each page of the app by its path, with its query', () => {
    const { calls, dispatch } = setUp();
    for (const route of appRoutePaths) dispatch({ kind: 'navigate', route });
    dispatch({ kind: 'navigate', route: '/invoices', query: 'status=open' });
    const hashes = calls.map((call) => call.replace(/^go /, ''));
    expect(hashes.map((hash) => parseHash(hash).page)).toEqual([
      ...routeTable.map((route) => route.id),
      'invoices',
    ]);
    expect(parseHash(hashes.at(-1) ?? '').params.get('status')).toBe('open');
  });

  it('opens settings and the period exports', () => {
    const { calls, dispatch } = setUp();
    dispatch({ kind: 'openSettings' });
    dispatch({ kind: 'export' });
    expect(calls.map((call) => parseHash(call.replace(/^go /, '')).page)).toEqual(['settings', 'exports']);
  });

  it('opens the cost centres and hands the file to the import once it is shown', () => {
    const { calls, dispatch, taken, take } = setUp();
    const file = { name: 'KST.xlsx', bytes: new Uint8Array([80, 75]) };
    dispatch({ kind: 'importCostCenters', file });
    expect(calls.map((call) => parseHash(call.replace(/^go /, '')).page)).toEqual(['costCenters']);
    // The page mounts after the command: the request waited for it.
    expect(taken).toEqual([]);
    const listening = take();
    expect(taken).toEqual([{ file }]);
    // Once the import is shown, a request reaches it at once; without a file it asks for the picker.
    dispatch({ kind: 'importCostCenters' });
    expect(taken).toEqual([{ file }, { file: null }]);
    listening.dispose();
  });

  it('keeps only the latest request while no import is shown, and hands each one over once', () => {
    const { dispatch, taken, take } = setUp();
    dispatch({ kind: 'importCostCenters', file: { name: 'old.csv', bytes: new Uint8Array(1) } });
    dispatch({ kind: 'importCostCenters', file: { name: 'new.csv', bytes: new Uint8Array(1) } });
    take().dispose();
    take().dispose();
    expect(taken.map((request) => request.file?.name)).toEqual(['new.csv']);
  });
});

describe('appRoutePaths', () => {
  it('are the paths of the route table, in its order', () => {
    expect([...appRoutePaths]).toEqual(routeTable.map((route) => route.path));
  });
});
