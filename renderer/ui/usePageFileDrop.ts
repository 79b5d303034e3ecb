import { useEffect, useState } from 'react';

export const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/** How many shown components take dropped files themselves; while any does, the window's own drop steps aside. */
let claims = 0;
export const pageTakesFileDrops = (): boolean => claims > 0;

/**
 * The whole page as a drop zone for one file while the calling component is shown: `dragging` is
 * true while files are dragged over the window (for an overlay), and the first dropped file goes
 * to `onFile`. A drag of anything but files (a key dragged onto a cost centre) is left alone.
 * `onFile` should be stable (useCallback): a new function re-registers the listeners.
 */
export const usePageFileDrop = (onFile: (file: File) => unknown): { dragging: boolean } => {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: only the outermost pair counts.
    let depth = 0;
    claims += 1;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Without this the browser would open the file itself in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const dropped = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      // Its outcome is the caller's to show; the drop itself is done.
      if (file) void onFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', dropped);
    return () => {
      claims -= 1;
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', dropped);
    };
  }, [onFile]);
  return { dragging };
};
