import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../core/sync/protocol';
import type { EncodedBody } from './encode-upload-body';

export type SyncFailure =
  | { readonly kind: 'network'; readonly message: string }
  | {
      readonly kind: 'http';
      readonly status: number;
      readonly error: string;
      readonly message: string;
      /** The error body's `details` (e.g. `{ reason }` of a refused pairing code). */
      readonly details?: unknown;
    };

export class SyncRequestError extends Error {
  constructor(readonly failure: SyncFailure) {
    super(
      failure.kind === 'http' ? `${failure.status} ${failure.error}: ${failure.message}` : failure.message,
    );
  }

  /** 400, 403, 404 and 413 will fail the same way again: report, do not retry. */
  get permanent(): boolean {
    return this.failure.kind === 'http' && [400, 403, 404, 413].includes(this.failure.status);
  }
}

const REQUEST_TIMEOUT_MS = 30_000;

/** One request to the sync server with the protocol header; errors become SyncRequestError. */
export async function syncRequest<T>(
  syncUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  options: {
    body?: unknown;
    encodedBody?: EncodedBody;
    authorization?: string;
    signal?: AbortSignal;
    /** The body as sent, undecoded (a catalog page, stored as it came and parsed in the catalog's worker). */
    bytes?: boolean;
  } = {},
): Promise<T> {
  const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) };
  if (options.authorization) headers.authorization = options.authorization;
  if (options.body !== undefined || options.encodedBody) headers['content-type'] = 'application/json';
  if (options.encodedBody && options.encodedBody.encoding !== 'identity')
    headers['content-encoding'] = options.encodedBody.encoding;
  const body = options.encodedBody
    ? options.encodedBody.bytes
    : options.body === undefined
      ? undefined
      : JSON.stringify(options.body);
  let response: Response;
  try {
    response = await fetch(`${syncUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      signal: options.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new SyncRequestError({
      kind: 'network',
      message: error instanceof Error ? error.message : String(error),
    });
  }
  if (response.ok) {
    // 204 No Content (e.g. PUT /sync/v1/device-key): nothing to read.
    if (response.status === 204) return undefined as T;
    try {
      return (options.bytes ? new Uint8Array(await response.arrayBuffer()) : await response.json()) as T;
    } catch (error) {
      // The connection dropped mid-body (or a proxy sent something else):
      // nothing usable arrived, so this is a network failure to retry.
      throw new SyncRequestError({
        kind: 'network',
        message: `response cut short: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  let error = 'http-error';
  let message = response.statusText;
  let details: unknown;
  try {
    const body = (await response.json()) as { error?: string; message?: string; details?: unknown };
    error = body.error ?? error;
    message = body.message ?? message;
    details = body.details;
  } catch {
    // Not our JSON error body (a proxy page, say): keep the status line.
  }
  throw new SyncRequestError({
    kind: 'http',
    status: response.status,
    error,
    message,
    ...(details === undefined ? {} : { details }),
  });
}
