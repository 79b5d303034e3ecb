/**
 * Whether the clerk is in the middle of an import, an export or an archive: the desktop app offers
 * to restart for an update only when not (shared/update/policy.ts). Work registers itself while it
 * runs; the update feature tells main whenever the answer changes.
 */
import { useEffect } from 'react';

type Listener = (busy: boolean) => void;

const listeners = new Set<Listener>();
let running = 0;

const tell = () => {
  for (const listener of listeners) listener(running > 0);
};

/** Marks work as running; the answer ends it (once: a second call does nothing). */
export const beginBusyWork = (): (() => void) => {
  running += 1;
  if (running === 1) tell();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    running -= 1;
    if (running === 0) tell();
  };
};

export const isBusyWorking = (): boolean => running > 0;

/** Hears every change of `isBusyWorking`; the answer unsubscribes. */
export const subscribeBusyWork = (listener: Listener): (() => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** Busy while `active` holds (an import dialog open) and while the component is mounted. */
export const useBusyWork = (active: boolean): void => {
  useEffect(() => (active ? beginBusyWork() : undefined), [active]);
};
