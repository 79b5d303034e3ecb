import { createContext, useContext } from 'react';
import type { AppCommand } from '../../../shared/ipc/appCommands';

export type DispatchCommand = (command: AppCommand) => void;

/** The page's command dispatcher (dispatcher.ts), provided by start.tsx; nothing runs without one. */
export const CommandContext = createContext<DispatchCommand>(() => undefined);

export const useDispatchCommand = (): DispatchCommand => useContext(CommandContext);
