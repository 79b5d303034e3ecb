import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The invoice PDF viewer must work offline under connect-src 'self': pdf.js fetches the standard
// fonts (the invoices use Helvetica without embedding it) and CMaps from URLs on our own origin. This
// serves pdfjs-dist's two data folders at pdfjs/ in dev and copies them to dist/renderer/pdfjs/ in the
// build (renderer/invoices/pdf/pdfJs.ts points pdf.js there). Its worker needs nothing here: it is an
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

// The browser build talks to the simulator directly, so its CSP admits loopback back ends; the
// Electron build gets the stricter policy from the app:// protocol handler instead.
const webCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' http://127.0.0.1:* http://localhost:* https:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), pdfJsAssets()],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  preview: { headers: { 'Content-Security-Policy': webCsp } },
});
