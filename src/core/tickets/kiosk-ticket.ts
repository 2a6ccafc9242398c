import { z } from 'zod';
import { productSchema } from '../catalog/product';
import { uuidV7Schema } from '../ids/uuid-v7';
import { canonicalJson } from '../journal/canonical-json';
import { sha256Hex } from '../journal/entry-hash';
import { currencyCodeSchema } from '../money/currency';
import type { KioskOrder } from '../orders/kiosk-order';
import { MAX_LINE_QUANTITY, MAX_UNIT_PRICE_MINOR } from '../orders/order-line';
import { err, ok, type Result } from '../result';
import { vatRateBpsSchema } from '../tax/vat-rates';
import { opaqueIdSchema, storeCodeSchema } from '../values/identifiers';
import { instantSchema } from '../values/instant';
import { textSchema } from '../values/text';
import { fromBase32, toBase32 } from './base32';
import { utf8Bytes, utf8Text } from './utf8';

// The ticket a kiosk prints when the customer pays at the till: a QR code
// holding the order (what the till needs to ring it up: lines, prices, VAT
// rates, total), signed by the kiosk's own Ed25519 key, so any till of the
// store checks it with no network (docs/kiosk-tickets.md).
//
//   POS1:T:<base32 of the payload>:<base32 of the 64-byte signature>
//
// The payload is the RFC 8785 canonical JSON (UTF-8) of `KioskTicketPayload`;
// `v` versions it. The signature covers SIGNING_CONTEXT followed by those
// bytes, so a ticket signature can never pass for any other signed text.
// Base32 is upper case: a QR code carries it in its alphanumeric mode, and a
// scanner typing with Caps Lock on changes nothing.
//
// Pure on purpose: the Ed25519 sign and verify run in src/data with
// WebCrypto; what is signed and how it is spelt is decided here once.

export const KIOSK_TICKET_PREFIX = 'POS1:T:';
export const KIOSK_TICKET_VERSION = 1;
/** Longest ticket text: a QR code of version 27 at error correction M holds it (about 4 cm at 0.3 mm a module). */
export const MAX_KIOSK_TICKET_CHARS = 1_800;
/** Names are cut to this many characters on the ticket; the till's receipt shows them as printed there. */
export const TICKET_NAME_MAX = 40;
const SIGNING_CONTEXT = 'till-kiosk-ticket/1\n';

/** [productId, barcode, name, quantity, unit price incl. VAT (minor), VAT rate (bps)] */
export const kioskTicketLineSchema = z.tuple([
  productSchema.shape.id,
  productSchema.shape.barcode,
  textSchema('one-line', { min: 1, max: TICKET_NAME_MAX }),
  z.number().int().min(1).max(MAX_LINE_QUANTITY),
  z.number().int().min(0).max(MAX_UNIT_PRICE_MINOR),
  vatRateBpsSchema,
]);
export type KioskTicketLine = z.infer<typeof kioskTicketLineSchema>;

export const kioskTicketPayloadSchema = z
  .strictObject({
    v: z.literal(KIOSK_TICKET_VERSION),
    /** The kiosk order's id. */
    o: uuidV7Schema,
    /** The store whose kiosk took the order: only its tills take the ticket. */
    s: storeCodeSchema,
    /** The kiosk (its till id): the key that signed is the one the settings list for it. */
    k: opaqueIdSchema,
    /** When the order was placed. */
    t: instantSchema,
    c: currencyCodeSchema,
    l: z.array(kioskTicketLineSchema).min(1).max(100),
    /** What the customer pays, in minor units: the sum of quantity × unit price. */
    n: z.number().int().min(0),
  })
  .refine((p) => p.l.reduce((sum, line) => sum + line[3] * line[4], 0) === p.n, {
    message: 'ticket total ≠ the sum of its lines',
    path: ['n'],
  });
export type KioskTicketPayload = z.infer<typeof kioskTicketPayloadSchema>;

export type KioskTicketBuildProblem =
  /** Only an order to pay at a till, not paid yet, gets a ticket. */
  | 'not-pay-at-till'
  | 'not-awaiting-payment'
  /**
   * A home delivery with a fee: the ticket carries goods only (a till rings up
   * products), so such an order is paid by card at the kiosk.
   */
  | 'has-delivery-fee'
  /** Too many lines for one QR code: the kiosk says so and offers to pay by card. */
  | 'too-large';

/** The name as the ticket carries it: one line, at most TICKET_NAME_MAX characters. */
function ticketName(name: string): string {
  const oneLine = name.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length <= TICKET_NAME_MAX ? oneLine : chars.slice(0, TICKET_NAME_MAX).join('').trimEnd();
}

/** What the kiosk signs for `order`. */
export function kioskTicketPayload(order: KioskOrder): Result<KioskTicketPayload, KioskTicketBuildProblem> {
  if (order.paymentMethod !== 'at-till') return err('not-pay-at-till');
  if (order.status !== 'submitted') return err('not-awaiting-payment');
  if ((order.deliveryFee?.minor ?? 0) > 0) return err('has-delivery-fee');
  const lines = order.lines.map(
    (line): KioskTicketLine => [
      line.productId,
      line.barcode,
      ticketName(line.name),
      line.quantity,
      line.unitPrice.minor,
      line.vatRateBps,
    ],
  );
  const payload = {
    v: KIOSK_TICKET_VERSION,
    o: order.id,
    s: order.storeCode,
    k: order.kioskId,
    t: order.createdAt,
    c: order.currency,
    l: lines,
    n: lines.reduce((sum, line) => sum + line[3] * line[4], 0),
  } as const;
  const parsed = kioskTicketPayloadSchema.safeParse(payload);
  if (!parsed.success) return err('too-large');
  return ok(parsed.data);
}

/** The canonical text of a payload: the exact bytes the ticket carries. */
export function kioskTicketPayloadText(payload: KioskTicketPayload): string {
  const text = canonicalJson(payload);
  // A parsed payload holds only integers and well-formed text: canonical by construction.
  if (!text.ok) throw new RangeError(`kiosk ticket payload is not canonical JSON at ${text.error.path}`);
  return text.value;
}

/** The bytes an Ed25519 signature of this ticket covers. */
export function kioskTicketSigningBytes(payloadText: string): Uint8Array<ArrayBuffer> {
  return utf8Bytes(SIGNING_CONTEXT + payloadText);
}

export function encodeKioskTicket(
  payloadText: string,
  signature: Uint8Array,
): Result<string, KioskTicketBuildProblem> {
  const text = `${KIOSK_TICKET_PREFIX}${toBase32(utf8Bytes(payloadText))}:${toBase32(signature)}`;
  return text.length > MAX_KIOSK_TICKET_CHARS ? err('too-large') : ok(text);
}

/** True when a scan claims to be a kiosk ticket: the till then reads it as one, never as a barcode. */
export function isKioskTicketText(text: string): boolean {
  return text.trim().slice(0, KIOSK_TICKET_PREFIX.length).toUpperCase() === KIOSK_TICKET_PREFIX;
}

export type KioskTicketFormatProblem = 'malformed' | 'unsupported-version';

export interface DecodedKioskTicket {
  readonly payload: KioskTicketPayload;
  readonly payloadText: string;
  readonly signature: Uint8Array<ArrayBuffer>;
  /** SHA-256 (hex) of the payload text: the sale names the ticket it paid by it. */
  readonly payloadSha256: string;
}

/**
 * Reads a scanned ticket: its payload must parse and be spelt canonically
 * (one spelling per ticket), its signature be 64 bytes. Whether the
 * signature is right is the verifier's job (src/data/kiosk-ticket-signing.ts).
 */
export function decodeKioskTicket(text: string): Result<DecodedKioskTicket, KioskTicketFormatProblem> {
  const trimmed = text.trim();
  if (!isKioskTicketText(trimmed) || trimmed.length > MAX_KIOSK_TICKET_CHARS) return err('malformed');
  const [encodedPayload, encodedSignature, ...extra] = trimmed.slice(KIOSK_TICKET_PREFIX.length).split(':');
  if (encodedPayload === undefined || encodedSignature === undefined || extra.length > 0)
    return err('malformed');
  const payloadBytes = fromBase32(encodedPayload);
  const signature = fromBase32(encodedSignature);
  if (!payloadBytes || !signature || signature.length !== 64) return err('malformed');
  const payloadText = utf8Text(payloadBytes);
  if (payloadText === undefined) return err('malformed');
  let json: unknown;
  try {
    json = JSON.parse(payloadText);
  } catch {
    return err('malformed');
  }
  if (typeof json === 'object' && json !== null && 'v' in json && json.v !== KIOSK_TICKET_VERSION)
    return err('unsupported-version');
  const parsed = kioskTicketPayloadSchema.safeParse(json);
  if (!parsed.success) return err('malformed');
  const canonical = canonicalJson(parsed.data);
  if (!canonical.ok || canonical.value !== payloadText) return err('malformed');
  return ok({
    payload: parsed.data,
    payloadText,
    signature: new Uint8Array(signature),
    payloadSha256: sha256Hex(payloadText),
  });
}
