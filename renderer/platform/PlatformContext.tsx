import { createContext, useContext } from 'react';
import type { Platform } from './Platform';

export const PlatformContext = createContext<Platform | null>(null);

export const usePlatform = (): Platform => {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform outside PlatformContext');
  return platform;
};
