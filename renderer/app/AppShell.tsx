import { useEffect } from 'react';
import { sectionOf, type Route } from './router/routes';
import { useUiStore } from '../features/settings';
import { UpdateOffer } from '../features/updates';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { NavBar } from './NavBar';
import { PageView } from './PageView';
import { StatusBar } from './StatusBar';
import { WindowDrop } from './commands/WindowDrop';

/** Another page (or invoice) clears a page's failure; a filter change on the same page does not. */
const pageKey = (route: Route): string =>
  route.itemId === undefined ? route.page : `${route.page}/${route.itemId}`;

interface AppShellProps {
  route: Route;
}

export const AppShell = ({ route }: AppShellProps) => {
  const theme = useUiStore((state) => state.theme);
  useEffect(() => {
    // "system" leaves the choice to prefers-color-scheme in the stylesheet.
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="shell">
      <ErrorBoundary variant="panel" area="panel navigation">
        <NavBar current={sectionOf(route)} />
      </ErrorBoundary>
      <main className="page">
        <ErrorBoundary variant="panel" area="panel window drop">
          <WindowDrop />
        </ErrorBoundary>
        <ErrorBoundary variant="panel" area="panel update offer">
          <UpdateOffer />
        </ErrorBoundary>
        <ErrorBoundary variant="page" area={`page ${route.page}`} resetKey={pageKey(route)}>
          <PageView route={route} />
        </ErrorBoundary>
      </main>
      <ErrorBoundary variant="panel" area="panel status bar">
        <StatusBar />
      </ErrorBoundary>
    </div>
  );
};
