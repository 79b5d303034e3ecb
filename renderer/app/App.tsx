import { AppShell } from './AppShell';
import { useRoute } from './router/useRoute';

export const App = () => <AppShell route={useRoute()} />;
