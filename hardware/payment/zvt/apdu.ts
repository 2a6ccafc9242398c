import { err, ok, type Result } from '../../../src/core/result';
import { codecError, type ZvtCodecError } from './codec-error';

// APDU = CLASS INSTR LEN data; LEN 0xFF announces a 2-byte little-endian
// length so data may exceed 254 bytes.
export type Apdu = { readonly cls: number; readonly instr: number; readonly data: Uint8Array };

const MAX_DATA = 0xffff;

export function apdu(cls: number, instr: number, data: Uint8Array = new Uint8Array(0)): Apdu {
  return { cls, instr, data };
}

export function encodeApdu(message: Apdu): Result<Uint8Array, ZvtCodecError> {
  const length = message.data.length;
  if (length > MAX_DATA) return err(codecError('bad-length', `APDU data of ${length} bytes`));
  const header =
    length < 0xff
      ? [message.cls, message.instr, length]
      : [message.cls, message.instr, 0xff, length & 0xff, length >> 8];
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  out.set(message.data, header.length);
  return ok(out);
}

/**
 * Reads one APDU at the start of `bytes`. `incomplete` means more bytes are
 * needed (a TCP read may split a message); `consumed` is how far it reached.
 */
export type ApduParse =
  | { readonly kind: 'apdu'; readonly apdu: Apdu; readonly consumed: number }
  | { readonly kind: 'incomplete' };

export function parseApduPrefix(bytes: Uint8Array): ApduParse {
  const [cls, instr, len] = [bytes[0], bytes[1], bytes[2]];
  if (cls === undefined || instr === undefined || len === undefined) return { kind: 'incomplete' };
  let headerLength = 3;
  let length = len;
  if (len === 0xff) {
    const low = bytes[3];
    const high = bytes[4];
    if (low === undefined || high === undefined) return { kind: 'incomplete' };
    headerLength = 5;
    length = low | (high << 8);
  }
  if (bytes.length < headerLength + length) return { kind: 'incomplete' };
  const data = bytes.slice(headerLength, headerLength + length);
  return { kind: 'apdu', apdu: { cls, instr, data }, consumed: headerLength + length };
}

/** Decodes exactly one APDU; trailing or missing bytes are errors. */
export function decodeApdu(bytes: Uint8Array): Result<Apdu, ZvtCodecError> {
  const parsed = parseApduPrefix(bytes);
  if (parsed.kind === 'incomplete') return err(codecError('truncated', 'APDU shorter than its LEN'));
  if (parsed.consumed !== bytes.length) {
    return err(codecError('bad-length', `${bytes.length - parsed.consumed} bytes after the APDU`));
  }
  return ok(parsed.apdu);
}

/** Splits a TCP byte stream into APDUs across arbitrary read boundaries. */
export class ApduStreamParser {
  private buffer = new Uint8Array(0);

  push(chunk: Uint8Array): Apdu[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer, 0);
    joined.set(chunk, this.buffer.length);
    const out: Apdu[] = [];
    let offset = 0;
    for (;;) {
      const parsed = parseApduPrefix(joined.subarray(offset));
      if (parsed.kind === 'incomplete') break;
      out.push(parsed.apdu);
      offset += parsed.consumed;
    }
    this.buffer = joined.slice(offset);
    return out;
  }
}
