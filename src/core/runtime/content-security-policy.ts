// The renderer's Content-Security-Policy, sent as a header by both hosts.
// It is built from the runtime config because the sync server's origin is
// only known at run time. No 'unsafe-eval' and no 'unsafe-inline' (scripts or
// styles): the built renderer has neither (tests/e2e/csp.test.ts checks it in Chromium).

export interface CspOrigins {
  readonly syncUrl: string;
  readonly agentUrl?: string | undefined;
}

// src/core has no URL global (it is not ECMAScript): scheme://host[:port] is enough here.
const ORIGIN = /^([a-z][a-z0-9+.-]*:\/\/[^/?#\s]+)/i;

export function originOf(url: string): string {
  const origin = ORIGIN.exec(url)?.[1];
  if (!origin) throw new RangeError(`not an absolute URL: ${url}`);
  return origin.toLowerCase();
}

export function contentSecurityPolicy({ syncUrl, agentUrl }: CspOrigins): string {
  const connect = ["'self'", originOf(syncUrl)];
  if (agentUrl) connect.push(originOf(agentUrl));
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
