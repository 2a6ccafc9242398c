import type { KioskOrder } from '../core/orders/kiosk-order';
import { err, ok, type Result } from '../core/result';
import { type DeviceKey, deviceKeyOf } from '../core/settings/device-keys';
import {
  type DecodedKioskTicket,
  decodeKioskTicket,
  encodeKioskTicket,
  type KioskTicketBuildProblem,
  kioskTicketPayload,
  kioskTicketPayloadText,
  kioskTicketSigningBytes,
} from '../core/tickets/kiosk-ticket';
import type { KioskTicketProblem } from '../core/tickets/ticket-refusal';

// Signs and checks kiosk tickets with WebCrypto's Ed25519 (the renderer's,
// or Node's in tests and tools). The format is the core's
// (src/core/tickets/kiosk-ticket.ts); this file only holds the crypto calls.

/**
 * The text to print as the ticket's QR code for `order` (status submitted,
 * to pay at a till), signed with the kiosk's own private key. The kiosk app
 * calls this when the customer chooses to pay at the till.
 */
export async function signKioskTicket(
  order: KioskOrder,
  privateKey: CryptoKey,
): Promise<Result<string, KioskTicketBuildProblem | 'unsupported'>> {
  const payload = kioskTicketPayload(order);
  if (!payload.ok) return payload;
  const text = kioskTicketPayloadText(payload.value);
  let signature: ArrayBuffer;
  try {
    signature = await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, kioskTicketSigningBytes(text));
  } catch {
    return err('unsupported');
  }
  return encodeKioskTicket(text, new Uint8Array(signature));
}

export type { KioskTicketProblem } from '../core/tickets/ticket-refusal';

/**
 * Checks a scanned ticket with no network: the format, then the Ed25519
 * signature by the key the store settings list for the kiosk it names.
 */
export async function verifyKioskTicket(
  text: string,
  settings: { readonly storeCode: string; readonly deviceKeys?: readonly DeviceKey[] },
): Promise<Result<DecodedKioskTicket, KioskTicketProblem>> {
  const decoded = decodeKioskTicket(text);
  if (!decoded.ok) return decoded;
  const ticket = decoded.value;
  const key = deviceKeyOf(settings.deviceKeys, ticket.payload.k);
  if (!key) return err('unknown-device');
  let publicKey: CryptoKey;
  try {
    publicKey = await crypto.subtle.importKey(
      'jwk',
      { kty: 'OKP', crv: 'Ed25519', x: key.x },
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
  } catch {
    return err('unsupported');
  }
  const valid = await crypto.subtle.verify(
    { name: 'Ed25519' },
    publicKey,
    ticket.signature,
    kioskTicketSigningBytes(ticket.payloadText),
  );
  if (!valid) return err('bad-signature');
  // Checked after the signature, so a forged ticket is called forged whatever store it names.
  if (ticket.payload.s !== settings.storeCode) return err('other-store');
  return ok(ticket);
}

/** A new device key pair: the private half never leaves the device (not extractable). */
export async function generateDeviceKeyPair(): Promise<{ privateKey: CryptoKey; publicX: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, publicX: String(jwk.x) };
}
