import { useEffect, useState } from 'react';

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/** How many shown components take dropped files themselves; while any does, the window's own drop steps aside. */
let claims = 0;
export const pageTakesFileDrops = (): boolean => claims > 0;

/**
 * The window's drag events turned into one drop zone: `dragging` while files are dragged over the
 * window and `takes()` says this zone wants them, the first dropped file to `onFile`. A drag of
 * anything but files (a key dragged onto a cost centre) is left alone; a file drag is always kept
 * from the browser, which would otherwise open the file in place of the app. `onFile` should be
 * stable (useCallback): a new function re-registers the listeners.
 */
export const useFileDropZone = (
  onFile: (file: File) => unknown,
  options: { takes: () => boolean; claimsPage: boolean },
): { dragging: boolean } => {
  const [dragging, setDragging] = useState(false);
  const { takes, claimsPage } = options;
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: only the outermost pair counts.
    let depth = 0;
    if (claimsPage) claims += 1;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event) || !takes()) return;
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (takes() && event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event) || !takes()) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const dropped = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (!takes()) return;
      const file = event.dataTransfer?.files[0];
      // Its outcome is the caller's to show; the drop itself is done.
      if (file) void onFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', dropped);
    return () => {
      if (claimsPage) claims -= 1;
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', dropped);
    };
  }, [onFile, takes, claimsPage]);
  return { dragging };
};

const always = () => true;

/**
 * The whole page as a drop zone for one file while the calling component is shown: `dragging` is
 * true while files are dragged over the window (for an overlay), and the first dropped file goes
 * to `onFile`. While it is shown, the window's own drop (useWindowFileDrop) steps aside.
 */
export const usePageFileDrop = (onFile: (file: File) => unknown): { dragging: boolean } =>
  useFileDropZone(onFile, { takes: always, claimsPage: true });
