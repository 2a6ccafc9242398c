import type { z } from 'zod';
import { journalEntrySchema } from '../../../src/core/journal/journal-entry';
import { orderSchema } from '../../../src/core/sync/collections';
import type { TillIdentity } from '../../../src/data/sync/till-session';
import { TEST_ADMIN_TOKEN } from '../../support/processes';

// What the back office sees, read straight from the server (never through
// the fault proxy): a till's stored journal and the incident list.

const PROTOCOL = { 'x-till-protocol': '1' };

export async function accessTokenOf(serverUrl: string, till: TillIdentity): Promise<string> {
  const response = await fetch(`${serverUrl}/sync/v1/token`, {
    method: 'POST',
    headers: { ...PROTOCOL, authorization: `Bearer ${till.tillId}.${till.credential}` },
  });
  if (!response.ok) throw new Error(`token: HTTP ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Every live document of `collection` the server holds in this till's scope, in server order, checked by `schema`. */
export async function serverDocuments<S extends z.ZodType>(
  serverUrl: string,
  till: TillIdentity,
  collection: string,
  schema: S,
): Promise<z.infer<S>[]> {
  const token = await accessTokenOf(serverUrl, till);
  const documents: z.infer<S>[] = [];
  let checkpoint = 0;
  for (;;) {
    const response = await fetch(
      `${serverUrl}/sync/v1/${collection}/pull?checkpoint=${checkpoint}&limit=5000`,
      {
        headers: { ...PROTOCOL, authorization: `Bearer ${token}` },
      },
    );
    if (!response.ok) throw new Error(`pull ${collection}: HTTP ${response.status}`);
    const body = (await response.json()) as {
      documents: { _deleted: boolean }[];
      checkpoint: { seq: number };
    };
    for (const { _deleted, ...doc } of body.documents) if (!_deleted) documents.push(schema.parse(doc));
    if (body.documents.length < 5000) return documents;
    checkpoint = body.checkpoint.seq;
  }
}

export const serverJournal = (serverUrl: string, till: TillIdentity) =>
  serverDocuments(serverUrl, till, 'journal', journalEntrySchema);

export const serverOrders = (serverUrl: string, till: TillIdentity) =>
  serverDocuments(serverUrl, till, 'orders', orderSchema);

export async function serverIncidents(serverUrl: string): Promise<unknown[]> {
  const response = await fetch(`${serverUrl}/admin/v1/incidents`, {
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
  });
  if (!response.ok) throw new Error(`incidents: HTTP ${response.status}`);
  return ((await response.json()) as { incidents: unknown[] }).incidents;
}

export const portOf = (url: string): number => Number(new URL(url).port);
