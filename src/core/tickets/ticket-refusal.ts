import type { KioskTicketFormatProblem } from './kiosk-ticket';
import type { TicketBasketProblem } from './ticket-basket';

/** Why a signature check refused a ticket (src/data/kiosk-ticket-signing.ts). */
export type KioskTicketProblem =
  | KioskTicketFormatProblem
  /** The kiosk that signed is not a device of this store (or its key is not here yet). */
  | 'unknown-device'
  /** The signature does not match: forged, or altered after printing. */
  | 'bad-signature'
  /** A ticket from another store's kiosk. */
  | 'other-store'
  /** This browser's WebCrypto has no Ed25519: tickets cannot be checked here. */
  | 'unsupported';

/** Every reason the till refuses a scanned ticket, as the cashier is told (tickets flow). */
export type KioskTicketRefusal =
  | KioskTicketProblem
  | TicketBasketProblem['code']
  /** The settings (with the device keys) have not reached this till yet. */
  | 'no-settings'
  /** This till, or the server as this till last heard, already has a sale for this order. */
  | 'already-paid'
  /** The order was cancelled or moved on: nothing to take. */
  | 'not-payable'
  /** Another basket or a payment is open: finish it first. */
  | 'basket-busy';
