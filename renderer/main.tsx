import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createI18n, initialLanguage } from './i18n';
import { detectPlatform } from './platform';
import { PlatformContext } from './platform/PlatformContext';
import './styles.css';

const start = async () => {
  const i18n = await createI18n(initialLanguage());
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <PlatformContext value={detectPlatform()}>
        <I18nextProvider i18n={i18n}>
          <App />
        </I18nextProvider>
      </PlatformContext>
    </StrictMode>,
  );
};

void start();
