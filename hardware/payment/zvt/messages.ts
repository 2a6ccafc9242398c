import { err, ok, type Result } from '../../../src/core/result';
import { type Apdu, apdu } from './apdu';
import { encodeAmount, encodeBcd } from './bcd';
import { encodeBmp, parseStatusInformation, type StatusInformation } from './bmp';
import type { ZvtCodecError } from './codec-error';

// ECR commands (class/instruction) and the terminal messages the ECR reads.
export const CMD = {
  registration: [0x06, 0x00],
  authorization: [0x06, 0x01],
  reversal: [0x06, 0x30],
  refund: [0x06, 0x31],
  endOfDay: [0x06, 0x50],
  abort: [0x06, 0xb0],
  statusEnquiry: [0x05, 0x01],
  repeatReceipt: [0x06, 0x20],
} as const satisfies Record<string, readonly [number, number]>;

export const ACK_APDU: Apdu = apdu(0x80, 0x00);
const EUR_CURRENCY = Uint8Array.of(0x09, 0x78);
// Registration config byte: ECR prints receipts, terminal sends print lines.
const REGISTRATION_CONFIG = 0x8e;

function password(value: number): Uint8Array {
  const encoded = encodeBcd(value, 3);
  return encoded.ok ? encoded.value : new Uint8Array(3);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function registration(pass: number): Apdu {
  return apdu(...CMD.registration, concat(password(pass), Uint8Array.of(REGISTRATION_CONFIG), EUR_CURRENCY));
}

export function authorization(amountMinor: number): Result<Apdu, ZvtCodecError> {
  const amount = encodeAmount(amountMinor);
  if (!amount.ok) return amount;
  return ok(apdu(...CMD.authorization, encodeBmp(0x04, amount.value)));
}

/** A refund (06 31); `originalReceiptNo` (BMP 87) names the payment it gives back, when known. */
export function refund(
  pass: number,
  amountMinor: number,
  originalReceiptNo?: number,
): Result<Apdu, ZvtCodecError> {
  const amount = encodeAmount(amountMinor);
  if (!amount.ok) return amount;
  if (originalReceiptNo === undefined) {
    return ok(apdu(...CMD.refund, concat(password(pass), encodeBmp(0x04, amount.value))));
  }
  const receipt = encodeBcd(originalReceiptNo, 2);
  if (!receipt.ok) return err(receipt.error);
  return ok(
    apdu(
      ...CMD.refund,
      concat(password(pass), encodeBmp(0x04, amount.value), encodeBmp(0x87, receipt.value)),
    ),
  );
}

export function reversal(pass: number, receiptNo: number): Result<Apdu, ZvtCodecError> {
  const receipt = encodeBcd(receiptNo, 2);
  if (!receipt.ok) return err(receipt.error);
  return ok(apdu(...CMD.reversal, concat(password(pass), encodeBmp(0x87, receipt.value))));
}

export const endOfDay = (pass: number): Apdu => apdu(...CMD.endOfDay, password(pass));
export const abort = (): Apdu => apdu(...CMD.abort);
export const statusEnquiry = (pass: number): Apdu => apdu(...CMD.statusEnquiry, password(pass));
/** Repeat Receipt (06 20): the terminal sends its last receipt again, with that transaction's status information. */
export const repeatReceipt = (pass: number): Apdu => apdu(...CMD.repeatReceipt, password(pass));

/** What the terminal said, in the terms the ECR reacts to. */
export type TerminalMessage =
  | { readonly kind: 'ack' }
  | { readonly kind: 'nack'; readonly code: number }
  | { readonly kind: 'intermediate-status'; readonly code: number }
  | { readonly kind: 'status-information'; readonly info: StatusInformation }
  | { readonly kind: 'print-line'; readonly attribute: number; readonly text: string }
  /** Completion; its data depends on the command (after 05 01: software version and terminal status). */
  | { readonly kind: 'completion'; readonly data: Uint8Array }
  | { readonly kind: 'abort'; readonly resultCode: number }
  | { readonly kind: 'other'; readonly apdu: Apdu };

export function classify(message: Apdu): Result<TerminalMessage, ZvtCodecError> {
  const { cls, instr, data } = message;
  if (cls === 0x80 && instr === 0x00) return ok({ kind: 'ack' });
  if (cls === 0x84) return ok({ kind: 'nack', code: instr });
  if (cls === 0x04 && instr === 0xff) return ok({ kind: 'intermediate-status', code: data[0] ?? 0 });
  // Never unreadable: unknown or malformed optional fields are kept raw.
  if (cls === 0x04 && instr === 0x0f)
    return ok({ kind: 'status-information', info: parseStatusInformation(data) });
  if (cls === 0x06 && instr === 0xd1) {
    // Print text is single-byte (the terminal's code page); latin1 keeps it lossless.
    return ok({
      kind: 'print-line',
      attribute: data[0] ?? 0,
      text: Buffer.from(data.subarray(1)).toString('latin1'),
    });
  }
  if (cls === 0x06 && instr === 0x0f) return ok({ kind: 'completion', data });
  if (cls === 0x06 && instr === 0x1e) return ok({ kind: 'abort', resultCode: data[0] ?? 0 });
  return ok({ kind: 'other', apdu: message });
}
