import type { AppCommand } from '../../../shared/ipc/appCommands';
import type { ImportRequests } from './importRequests';

/** What the commands act on; start.tsx gives the page's own sync controller, router and import queue. */
export interface CommandTargets {
  syncNow(): void;
  /** Changes the route as a link would (one history entry). */
  navigate(hash: string): void;
  imports: Pick<ImportRequests, 'request'>;
}

const COST_CENTRES = '#/cost-centres';

/**
 * Runs one command from the shell's menu, its tray or notifications, or a file dropped on the
 * window. "Export" opens the page "Exports", where every period export of the archive is: the
 * command has no period of its own, and the page's exports are where a clerk finds them again.
 */
export const createCommandDispatcher =
  (targets: CommandTargets) =>
  (command: AppCommand): void => {
    switch (command.kind) {
      case 'syncNow':
        targets.syncNow();
        return;
      case 'navigate':
        targets.navigate(`#${command.route}${command.query ? `?${command.query}` : ''}`);
        return;
      case 'importCostCenters':
        // The page first: the request waits for the import it mounts (importRequests.ts).
        targets.navigate(COST_CENTRES);
        targets.imports.request({ file: command.file ?? null });
        return;
      case 'export':
        targets.navigate('#/exports');
        return;
      case 'openSettings':
        targets.navigate('#/settings');
        return;
    }
  };
