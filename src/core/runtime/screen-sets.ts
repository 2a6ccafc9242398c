// The renderer's three screen sets, each served at its own path of one
// single-page app. The hosts (agent, Electron's app://) and the renderer all
// read this list, so adding a screen set is one change.

export const SCREEN_SETS = ['cashier', 'kiosk', 'pickup'] as const;
export type ScreenSet = (typeof SCREEN_SETS)[number];

const SCREEN_ROUTE = new RegExp(`^/(${SCREEN_SETS.join('|')})?/?$`);

/** Paths that load the app's index.html: `/` (the chooser) and each screen set. */
export function isScreenRoute(pathname: string): boolean {
  return SCREEN_ROUTE.test(pathname);
}

export function screenSetFromPath(pathname: string): ScreenSet | undefined {
  const first = pathname.split('/').filter(Boolean)[0] ?? '';
  return SCREEN_SETS.find((screen) => screen === first);
}
