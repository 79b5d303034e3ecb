import { Suspense } from 'react';
import { routeTable, type Route } from './router/routes';
import { NotFoundPage } from './NotFoundPage';

interface PageViewProps {
  route: Route;
}

export const PageView = ({ route }: PageViewProps) => {
  const entry = routeTable.find((candidate) => candidate.id === route.page);
  if (!entry) return <NotFoundPage />;
  if (route.itemId !== undefined) {
    if (!('itemPage' in entry)) return <NotFoundPage />;
    return (
      <Suspense fallback={null}>
        <entry.itemPage itemId={route.itemId} params={route.params} />
      </Suspense>
    );
  }
  return (
    <Suspense fallback={null}>
      <entry.page params={route.params} />
    </Suspense>
  );
};
