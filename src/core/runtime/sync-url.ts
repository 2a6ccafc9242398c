import { z } from 'zod';

// The till sends its bearer token (and its sales) to the sync server, so the
// sync URL must be https, except to this machine itself (the demo, a sync
// server on the till): plain http to any other host would hand the token to
// anyone on the store's network. Checked wherever a sync URL is configured
// (Electron main, the hardware agent) and again by the renderer.

// src/core has no URL global (it is not ECMAScript): scheme, optional user info, then the host.
const URL_HEAD = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]/?#]*\]|[^:/?#]*)/i;

/** 127.0.0.0/8, ::1 and localhost: addresses that never leave the machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (name === '[::1]' || name === '[0:0:0:0:0:0:0:1]') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return v4?.slice(1).every((part) => Number(part) <= 255) === true;
}

/** Why `url` may not be a sync URL, in words for the log and the error box; undefined when it may. */
export function syncUrlProblem(url: string): string | undefined {
  const head = URL_HEAD.exec(url.trim());
  if (!head) return `the sync URL "${url}" is not an absolute URL`;
  const scheme = (head[1] ?? '').toLowerCase();
  const host = head[2] ?? '';
  if (scheme === 'https') return undefined;
  if (scheme === 'http' && isLoopbackHost(host)) return undefined;
  if (scheme === 'http')
    return `the sync URL "${url}" uses plain http to ${host}: the till's token would cross the network unencrypted. Use https://, or http:// only to this machine (127.0.0.1, [::1], localhost)`;
  return `the sync URL "${url}" must start with https:// (or http:// to this machine)`;
}

export const syncUrlSchema = z.url().superRefine((url, ctx) => {
  const problem = syncUrlProblem(url);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
