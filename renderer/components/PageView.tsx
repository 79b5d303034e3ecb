import type { Route } from '../router/routes';
import { AnalyticsPage } from '../pages/AnalyticsPage';
import { CostCentersPage } from '../pages/CostCentersPage';
import { InvoicesPage } from '../pages/InvoicesPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OverviewPage } from '../pages/OverviewPage';
import { SettingsPage } from '../pages/SettingsPage';

interface PageViewProps {
  route: Route;
}

export const PageView = ({ route }: PageViewProps) => {
  switch (route.page) {
    case 'overview':
      return <OverviewPage />;
    case 'invoices':
      return <InvoicesPage />;
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
