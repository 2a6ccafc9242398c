import { join } from 'node:path';
import { resolveStaticPath } from '../../hardware/agent/static-files';
import { isScreenRoute } from '../../src/core/runtime/screen-sets';

export type AppRequest =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'runtime-config' }
  | { readonly kind: 'not-found' };

/** What an app://till/… request maps to: a file of the built renderer, the runtime config, or nothing. */
export function resolveAppRequest(rendererDir: string, requestUrl: string): AppRequest {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'not-found' };
  }
  if (url.host !== 'till') return { kind: 'not-found' };
  if (url.pathname === '/runtime-config.json') return { kind: 'runtime-config' };
  if (isScreenRoute(url.pathname)) return { kind: 'file', path: join(rendererDir, 'index.html') };
  const path = resolveStaticPath(rendererDir, url.pathname);
  return path ? { kind: 'file', path } : { kind: 'not-found' };
}
