import { createContext, useContext } from 'react';
import type { SyncController } from './syncController';

export const SyncContext = createContext<SyncController | null>(null);

export const useSyncController = (): SyncController => {
  const controller = useContext(SyncContext);
  if (!controller) throw new Error('useSyncController outside SyncContext');
  return controller;
};
