import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { WEB_CONTENT_SECURITY_POLICY } from './shared/contentSecurityPolicy.ts';
import { rendererCodeSplitting } from './scripts/chunkGroups.ts';

// The invoice PDF viewer must work offline under connect-src 'self': pdf.js fetches the standard
// fonts (the invoices use Helvetica without embedding it) and CMaps from URLs on our own origin. This
// serves pdfjs-dist's two data folders at pdfjs/ in dev and copies them to dist/renderer/pdfjs/ in the
// build (renderer/features/invoices/pdf/pdfJs.ts points pdf.js there). Its worker needs nothing here: it is an
// asset import (`?url`).
const pdfJsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const pdfJsAssets = (): Plugin => {
  const files = () =>
    ['standard_fonts', 'cmaps'].flatMap((folder) =>
      readdirSync(path.join(pdfJsRoot, folder)).map((name) => `${folder}/${name}`),
    );
  return {
    name: 'invoice-desk:pdfjs-assets',
    configureServer: (server) => {
      server.middlewares.use('/pdfjs/', (request, response, next) => {
        // Only the listed files: nothing else of node_modules is reachable through this route.
        const name = (request.url ?? '').split('?')[0]?.replace(/^\//, '') ?? '';
        if (!files().includes(name)) return next();
        response.setHeader('Content-Type', 'application/octet-stream');
        response.end(readFileSync(path.join(pdfJsRoot, name)));
      });
    },
    generateBundle() {
      for (const name of files()) {
        this.emitFile({
          type: 'asset',
          fileName: `pdfjs/${name}`,
          source: readFileSync(path.join(pdfJsRoot, name)),
        });
      }
    },
  };
};

// Built file names carry a content hash, so a browser may keep them for good: a second start then
// neither revalidates the scripts nor compiles them again (V8's code cache), as Electron's app://
// scheme already allows (electron/protocol.ts, codeCache). index.html and web-config.json keep
// vite's revalidation: they name the hashed files.
const immutableAssets = (): Plugin => ({
  name: 'invoice-desk:immutable-assets',
  configurePreviewServer: (server) => {
    server.middlewares.use('/assets/', (_request, response, next) => {
      response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      next();
    });
  },
});

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), pdfJsAssets(), immutableAssets()],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // Few files on the way to a page's first rows, and nothing in them the lists do not run
    // (scripts/chunkGroups.ts).
    rollupOptions: {
      output: {
        codeSplitting: rendererCodeSplitting(
          path.resolve('renderer/app/main.tsx'),
          [
            'renderer/features/invoices/InvoicesPage.tsx',
            'renderer/features/lines/LinesPage.tsx',
            'renderer/platform/web.ts',
            // Loaded by the lists' date fields once their first rows show.
            'renderer/ui/DatePickerField.tsx',
          ].map((file) => path.resolve(file)),
        ),
      },
    },
  },
  // Module workers (every worker is started with type: 'module'), so a worker loads what only some
  // of its calls need (the line index's spreadsheet export) on demand, not when it starts.
  worker: { format: 'es' },
  // The app's own CSP (shared/contentSecurityPolicy.ts), as `npm run web` serves it.
  preview: { headers: { 'Content-Security-Policy': WEB_CONTENT_SECURITY_POLICY } },
});
