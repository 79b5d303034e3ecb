import { lazy, Suspense } from 'react';
import type { Route } from '../router/routes';
import { AnalyticsPage } from '../pages/AnalyticsPage';
import { CostCentersPage } from '../pages/CostCentersPage';
import { InvoiceDetailPage } from '../pages/InvoiceDetailPage';
import { InvoicesPage } from '../pages/InvoicesPage';
import { LinesPage } from '../pages/LinesPage';
import { NamesPage } from '../pages/NamesPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SettingsPage } from '../pages/SettingsPage';

// The chart library is the heaviest part of the UI: it loads with the first page that draws a chart.
const OverviewPage = lazy(() =>
  import('../pages/OverviewPage').then((module) => ({ default: module.OverviewPage })),
);

interface PageViewProps {
  route: Route;
}

export const PageView = ({ route }: PageViewProps) => {
  if (route.page === 'invoice')
    return <InvoiceDetailPage invoiceId={route.invoiceId} params={route.params} />;
  switch (route.page) {
    case 'overview':
      return (
        <Suspense fallback={null}>
          <OverviewPage />
        </Suspense>
      );
    case 'invoices':
      return <InvoicesPage params={route.params} />;
    case 'lines':
      return <LinesPage params={route.params} />;
    case 'names':
      return <NamesPage params={route.params} />;
    case 'costCenters':
      return <CostCentersPage />;
    case 'analytics':
      return <AnalyticsPage />;
    case 'settings':
      return <SettingsPage params={route.params} />;
    case 'notFound':
      return <NotFoundPage />;
  }
};
