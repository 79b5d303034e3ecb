import { useEffect } from 'react';
import { sectionOf, type Route } from '../router/routes';
import { useUiStore } from '../state/uiStore';
import { NavBar } from './NavBar';
import { PageView } from './PageView';
import { StatusBar } from './StatusBar';

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
      <NavBar current={sectionOf(route)} />
      <main className="page">
        <PageView route={route} />
      </main>
      <StatusBar />
    </div>
  );
};
