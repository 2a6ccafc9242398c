import type { JournalEntry } from '../../src/core/journal/journal-entry';
import type { KioskOrder } from '../../src/core/orders/kiosk-order';
import type {
  KioskReservationAnswer,
  KioskReservationRequest,
} from '../../src/core/orders/stock-reservation';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../src/core/sync/protocol';
import { generateDeviceKeyPair, signKioskTicket } from '../../src/data/kiosk-ticket-signing';
import { asNewRows, TestJournal } from './journal-builder';
import { issuePairingCode } from './till-in-node';

// A kiosk on the wire, as issue 13's kiosk will be: enrolled with a pairing
// code, its own Ed25519 key registered with the server (PUT
// /sync/v1/device-key), its orders handed over in its journal
// (kiosk-order.placed), and the tickets it prints signed with
// src/data/kiosk-ticket-signing.ts, the function the kiosk app calls.

export interface KioskDevice {
  readonly tillId: string;
  /** Pushes the order to pay at the till in the kiosk's journal. */
  place(order: KioskOrder): Promise<void>;
  /** The ticket text the kiosk prints as a QR code. */
  ticket(order: KioskOrder): Promise<string>;
  /** Holds stock for an order, as a kiosk does before its customer pays (POST /sync/v1/kiosk-reservations). */
  reserve(request: KioskReservationRequest): Promise<KioskReservationAnswer>;
  /** Lets go of an order's holds (POST /sync/v1/kiosk-reservations/release). */
  release(orderId: string): Promise<void>;
}

export async function startKioskDevice(
  syncUrl: string,
  storeCode: string,
  tillCode: string,
  /** A pairing code issued elsewhere (scripts/kiosk-ticket.ts); by default one from the test admin token. */
  givenPairingCode?: string,
): Promise<KioskDevice> {
  const protocol = { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), 'content-type': 'application/json' };
  const pairingCode = givenPairingCode ?? (await issuePairingCode(syncUrl, storeCode, tillCode));
  const enrolled = await fetch(`${syncUrl}/sync/v1/enrol`, {
    method: 'POST',
    headers: protocol,
    body: JSON.stringify({ pairingCode, deviceName: `borne ${tillCode}` }),
  });
  if (enrolled.status !== 201) throw new Error(`kiosk enrolment: ${enrolled.status}`);
  const { tillId, credential } = (await enrolled.json()) as { tillId: string; credential: string };
  const token = await fetch(`${syncUrl}/sync/v1/token`, {
    method: 'POST',
    headers: {
      [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
      authorization: `Bearer ${tillId}.${credential}`,
    },
  });
  const { accessToken } = (await token.json()) as { accessToken: string };
  const authorised = { ...protocol, authorization: `Bearer ${accessToken}` };
  const key = await generateDeviceKeyPair();
  const registered = await fetch(`${syncUrl}/sync/v1/device-key`, {
    method: 'PUT',
    headers: authorised,
    body: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: key.publicX }),
  });
  if (registered.status !== 204)
    throw new Error(`device key: ${registered.status} ${await registered.text()}`);
  const journal = new TestJournal({ storeCode, tillCode, tillId });
  const push = async (entries: readonly JournalEntry[]) => {
    const pushed = await fetch(`${syncUrl}/sync/v1/journal/push`, {
      method: 'POST',
      headers: authorised,
      body: JSON.stringify(asNewRows(entries)),
    });
    if (pushed.status !== 200) throw new Error(`kiosk push: ${pushed.status} ${await pushed.text()}`);
  };
  const post = async (path: string, body: unknown) => {
    const answered = await fetch(`${syncUrl}${path}`, {
      method: 'POST',
      headers: authorised,
      body: JSON.stringify(body),
    });
    if (answered.status !== 200) throw new Error(`${path}: ${answered.status} ${await answered.text()}`);
    return answered.json() as Promise<unknown>;
  };
  return {
    tillId,
    reserve: async (request) =>
      (await post('/sync/v1/kiosk-reservations', request)) as KioskReservationAnswer,
    async release(orderId) {
      await post('/sync/v1/kiosk-reservations/release', { orderId });
    },
    place: (order) => push([journal.append({ kind: 'kiosk-order.placed', payload: order })]),
    async ticket(order) {
      const signed = await signKioskTicket(order, key.privateKey);
      if (!signed.ok) throw new Error(`ticket: ${signed.error}`);
      return signed.value;
    },
  };
}
