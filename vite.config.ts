import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The renderer: one React app, three screen sets (cashier, kiosk, pickup),
// built once and served by the Electron app:// protocol or the hardware agent.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src'),
  base: '/',
  publicDir: resolve(import.meta.dirname, 'assets/public'),
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
