import { useEffect, useState } from 'react';
import type { UpdateStatus } from '../../../shared/ipc/update';
import { usePlatform } from '../../platform/PlatformContext';

/** The desktop app's update status, kept current by main's pushes; null in the browser or until known. */
export const useUpdateStatus = (): [UpdateStatus | null, (status: UpdateStatus) => void] => {
  const platform = usePlatform();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  useEffect(() => {
    const updates = platform.updates;
    if (updates === undefined) return;
    let live = true;
    const stop = updates.subscribe((next) => {
      if (live) setStatus(next);
    });
    // A push that came first is newer than this answer.
    updates.status().then(
      (first) => {
        if (live) setStatus((previous) => previous ?? first);
      },
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, [platform]);
  return [status, setStatus];
};
