// Bundles the Node-side entry points. Dependencies stay external (installed by
// npm; native modules must load from node_modules), our own TypeScript is
// bundled so the processes start without a TypeScript loader.
import { type BuildOptions, build } from 'esbuild';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['sync-server/src/main.ts'],
    outfile: 'dist/sync-server/main.js',
    format: 'esm',
  }),
  build({
    ...common,
    entryPoints: ['hardware/agent/main.ts'],
    outfile: 'dist/hardware/agent.js',
    format: 'esm',
  }),
  // Electron loads CommonJS main/preload; the sandboxed preload may only
  // require('electron'), so everything else is bundled into it.
  build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  // The hardware host Electron runs in a utility process (utilityProcess.fork).
  build({
    ...common,
    entryPoints: ['hardware/host/utility-process-main.ts'],
    outfile: 'dist/electron/device-host.cjs',
    format: 'cjs',
  }),
  build({
    ...common,
    packages: undefined,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
  }),
]);
console.log('[build] node bundles written to dist/');
