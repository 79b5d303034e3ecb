import { useSyncExternalStore } from 'react';
import { parseHash, type Route } from './routes';

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
};

const currentHash = (): string => window.location.hash;

export const useRoute = (): Route => parseHash(useSyncExternalStore(subscribe, currentHash));
