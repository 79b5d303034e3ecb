import { useCallback, useEffect, useState } from 'react';
import { importableFormatOf } from '../../../shared/ipc/appCommands';
import { readPickedFile } from '../../platform/readFile';
import { pageTakesFileDrops, useFileDropZone } from '../../ui/usePageFileDrop';
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
/** The window's drop takes files only where no shown page takes them itself. */
const noPageTakesFiles = () => !pageTakesFileDrops();

export const useWindowFileDrop = (
  dispatch: DispatchCommand,
): { dragging: boolean; problem: WindowDropProblem | null; dismiss: () => void } => {
  const [problem, setProblem] = useState<WindowDropProblem | null>(null);
  const onFile = useCallback(
    (file: File) => {
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
    },
    [dispatch],
  );
  const { dragging } = useFileDropZone(onFile, { takes: noPageTakesFiles, claimsPage: false });
  useEffect(() => {
    // A refusal is about the page it happened on.
    const moved = () => {
      setProblem(null);
    };
    window.addEventListener('hashchange', moved);
    return () => {
      window.removeEventListener('hashchange', moved);
    };
  }, []);
  return { dragging, problem, dismiss: () => setProblem(null) };
};
