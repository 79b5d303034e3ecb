import { createContext, useContext } from 'react';
import type { InvoiceDeskDatabase } from './database';

export const DatabaseContext = createContext<InvoiceDeskDatabase | null>(null);

export const useDatabase = (): InvoiceDeskDatabase => {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase outside DatabaseContext');
  return db;
};
