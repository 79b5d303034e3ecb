import { preview, type PreviewServer } from 'vite';

/** Serves the built renderer (dist/renderer) the way `npm run web` does, on a free port. */
export const startWebServer = async (): Promise<{ url: string; close: () => Promise<void> }> => {
  const server: PreviewServer = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, close: () => server.close() };
};
