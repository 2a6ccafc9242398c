import { type EnrolResponse, enrolResponseSchema, tokenResponseSchema } from '../../core/sync/wire';
import { seedJournalHead } from '../journal-writer';
import type { TillDatabase } from '../till-database';
import type { EncodedBody } from './encode-upload-body';
import { createRetryPacer, type RetryPacer } from './retry-pacer';
import { SyncRequestError, syncRequest } from './sync-http';

const IDENTITY_DOC = 'till-identity';
/** Renew a little before expiry so a request never leaves with a dying token. */
const TOKEN_MARGIN_MS = 60_000;

export type TillIdentity = EnrolResponse;

export interface TillSession {
  readonly identity: TillIdentity;
  /** Shared by every request loop of this till: back-off, and waking them all when the link is back. */
  readonly pacer: RetryPacer;
  /** A request with a valid access token; a 401 renews the token once and retries. */
  request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, signal?: AbortSignal): Promise<T>;
  /** A POST of an already encoded (compressed) JSON body, with the same token handling. */
  upload<T>(path: string, body: EncodedBody, signal?: AbortSignal): Promise<T>;
  /** A GET whose body is kept as the bytes sent (the catalog's pages), with the same token handling. */
  getBytes(path: string, signal?: AbortSignal): Promise<Uint8Array>;
  authorization(): Promise<string>;
}

export async function loadTillIdentity(db: TillDatabase): Promise<TillIdentity | undefined> {
  const doc = await db.getLocal<TillIdentity>(IDENTITY_DOC);
  if (!doc) return undefined;
  const parsed = enrolResponseSchema.safeParse(doc.toJSON().data);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The till's identity: read from its own database, or obtained once with a
 * pairing code and kept there. The credential never leaves the till except
 * to be exchanged for short-lived access tokens.
 */
export async function ensureTillIdentity(
  db: TillDatabase,
  syncUrl: string,
  enrolment: { readonly pairingCode: string; readonly deviceName: string } | undefined,
): Promise<TillIdentity> {
  const existing = await loadTillIdentity(db);
  if (existing) return existing;
  if (!enrolment) throw new Error('this till is not enrolled and has no pairing code');
  const response = await syncRequest<unknown>(syncUrl, 'POST', '/sync/v1/enrol', { body: enrolment });
  const identity = enrolResponseSchema.parse(response);
  // A replacement device continues its till code's receipt numbering from
  // the head the server holds for it: the journal's first entry follows it.
  // Stored before the identity, so an enrolled till never starts at 1 by mistake.
  await seedJournalHead(db, identity.journalStart);
  await db.upsertLocal<TillIdentity>(IDENTITY_DOC, identity);
  return identity;
}

export function openTillSession(
  syncUrl: string,
  identity: TillIdentity,
  pacer: RetryPacer = createRetryPacer(),
): TillSession {
  let token: { value: string; expiresAt: number } | undefined;
  let renewing: Promise<string> | undefined;

  const renew = () => {
    renewing ??= syncRequest<unknown>(syncUrl, 'POST', '/sync/v1/token', {
      authorization: `Bearer ${identity.tillId}.${identity.credential}`,
    })
      .then((response) => {
        const parsed = tokenResponseSchema.parse(response);
        token = { value: parsed.accessToken, expiresAt: Date.parse(parsed.expiresAt) };
        return parsed.accessToken;
      })
      .finally(() => {
        renewing = undefined;
      });
    return renewing;
  };

  const authorization = async () => {
    const current = token && token.expiresAt - TOKEN_MARGIN_MS > Date.now() ? token.value : await renew();
    return `Bearer ${current}`;
  };

  const withToken = async <T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    payload: { body?: unknown; encodedBody?: EncodedBody; bytes?: boolean },
    signal?: AbortSignal,
  ): Promise<T> => {
    const send = async () => {
      const result = await syncRequest<T>(syncUrl, method, path, {
        authorization: await authorization(),
        ...payload,
        ...(signal ? { signal } : {}),
      });
      pacer.linkUp();
      return result;
    };
    try {
      return await send();
    } catch (error) {
      if (
        !(error instanceof SyncRequestError) ||
        error.failure.kind !== 'http' ||
        error.failure.status !== 401
      )
        throw error;
      token = undefined;
      return send();
    }
  };

  return {
    identity,
    pacer,
    authorization,
    request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, signal?: AbortSignal) {
      return withToken<T>(method, path, body === undefined ? {} : { body }, signal);
    },
    upload<T>(path: string, body: EncodedBody, signal?: AbortSignal) {
      return withToken<T>('POST', path, { encodedBody: body }, signal);
    },
    getBytes(path: string, signal?: AbortSignal) {
      return withToken<Uint8Array>('GET', path, { bytes: true }, signal);
    },
  };
}
