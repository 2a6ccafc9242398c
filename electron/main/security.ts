import type { WebPreferences } from 'electron';

// Electron security checklist, kept as plain data and pure functions so the
// unit tests can check them without an Electron binary.

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://till`;

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    devTools: process.env.TILL_DEVTOOLS === '1',
  };
}

/** Only the app's own pages may be shown: every other navigation is blocked. */
export function isAllowedNavigation(url: string): boolean {
  try {
    // `origin` is "null" for non-special schemes such as app:, so compare the parts.
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'till';
  } catch {
    return false;
  }
}

/** No web permission (camera, notifications, geolocation, …) is ever granted. */
export function permissionDecision(_permission: string): boolean {
  return false;
}
