import { createContext, useContext } from 'react';

/** When the clerk last opened the app before this session (null on the first start). */
export const PreviousVisitContext = createContext<string | null>(null);

export const usePreviousVisit = (): string | null => useContext(PreviousVisitContext);
