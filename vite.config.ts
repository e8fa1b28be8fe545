/**
 * Vite configuration of the web app (src/web): built into dist/web, which the Strata server
 * serves as static files with an SPA fallback. In development, /api is proxied to the server.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/precompress-plugin.ts';

const rootDir = import.meta.dirname;
const outDir = resolve(rootDir, 'dist/web');

export default defineConfig({
  root: resolve(rootDir, 'src/web'),
  plugins: [react(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
