import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export type ElectronAvailability =
  | { readonly available: true; readonly path: string }
  | { readonly available: false; readonly reason: string };

/**
 * Finds the Electron binary. Electron 45 installs it on first use rather than
 * at `npm ci`, so unless ELECTRON_SKIP_BINARY_DOWNLOAD=1 this may download it
 * (which fails fast on a machine without internet).
 */
export function findElectron(env: NodeJS.ProcessEnv = process.env): ElectronAvailability {
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { available: false, reason: 'no display (DISPLAY / WAYLAND_DISPLAY unset)' };
  }
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') {
    const binary = existsSync(pathFile) ? join(packageDir, 'dist', readFileSync(pathFile, 'utf8')) : '';
    return binary && existsSync(binary)
      ? { available: true, path: binary }
      : { available: false, reason: 'binary not installed and ELECTRON_SKIP_BINARY_DOWNLOAD=1' };
  }
  try {
    const binary: unknown = require('electron');
    return typeof binary === 'string' && existsSync(binary)
      ? { available: true, path: binary }
      : { available: false, reason: 'electron binary missing after install' };
  } catch (error) {
    return {
      available: false,
      reason: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
    };
  }
}
