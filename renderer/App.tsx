import { AppShell } from './components/AppShell';
import { useRoute } from './router/useRoute';

export const App = () => <AppShell route={useRoute()} />;
