import { useEffect, useState } from 'react';
import { importableFormatOf } from '../../../shared/ipc/appCommands';
import { readPickedFile } from '../../platform/readFile';
import { hasFiles, pageTakesFileDrops } from '../../ui/usePageFileDrop';
import type { DispatchCommand } from './CommandContext';

/** What became of a file dropped on the window where no page takes it. */
export type WindowDropProblem =
  { kind: 'unsupported'; fileName: string } | { kind: 'unreadable'; fileName: string; error: unknown };

/**
 * The whole window as a drop zone for spreadsheets of cost centres: a file dropped where no page
 * takes files itself (the cost-centre and assignment imports, the archive check do) opens the
 * cost-centre import with it. Any other file is refused with a reason, and the window never opens
 * a dropped file in place of the app.
 */
export const useWindowFileDrop = (
  dispatch: DispatchCommand,
): { dragging: boolean; problem: WindowDropProblem | null; dismiss: () => void } => {
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<WindowDropProblem | null>(null);
  useEffect(() => {
    let depth = 0;
    const mine = (event: DragEvent) => hasFiles(event) && !pageTakesFileDrops();
    const enter = (event: DragEvent) => {
      if (!mine(event)) return;
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Even where a page takes the drop: a browser left to itself would open the file.
      event.preventDefault();
      if (!pageTakesFileDrops() && event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!mine(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const dropped = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (pageTakesFileDrops()) return;
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      if (importableFormatOf(file.name) === null) {
        setProblem({ kind: 'unsupported', fileName: file.name });
        return;
      }
      setProblem(null);
      readPickedFile(file).then(
        (read) => {
          dispatch({ kind: 'importCostCenters', file: read });
        },
        (error: unknown) => {
          setProblem({ kind: 'unreadable', fileName: file.name, error });
        },
      );
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', dropped);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', dropped);
    };
  }, [dispatch]);
  return { dragging, problem, dismiss: () => setProblem(null) };
};
