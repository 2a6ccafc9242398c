import { err, ok, type Result } from '../../../src/core/result';
import { type Apdu, decodeApdu, encodeApdu } from './apdu';
import { codecError, type ZvtCodecError } from './codec-error';
import { crc16Kermit } from './crc';

// Serial link: DLE STX <APDU with every DLE doubled> DLE ETX CRC_L CRC_H; the
// CRC covers the unstuffed APDU plus ETX. Each frame is answered ACK or NAK.
export const DLE = 0x10;
export const STX = 0x02;
export const ETX = 0x03;
export const ACK = 0x06;
export const NAK = 0x15;

export function encodeFrame(message: Apdu): Result<Uint8Array, ZvtCodecError> {
  const raw = encodeApdu(message);
  if (!raw.ok) return raw;
  const crcInput = new Uint8Array(raw.value.length + 1);
  crcInput.set(raw.value, 0);
  crcInput[raw.value.length] = ETX;
  const crc = crc16Kermit(crcInput);
  const out: number[] = [DLE, STX];
  for (const byte of raw.value) {
    out.push(byte);
    if (byte === DLE) out.push(DLE);
  }
  out.push(DLE, ETX, crc & 0xff, crc >> 8);
  return ok(Uint8Array.from(out));
}

export type FrameEvent =
  | { readonly kind: 'frame'; readonly apdu: Apdu }
  // The peer must be answered NAK so that it sends the frame again.
  | { readonly kind: 'bad-frame'; readonly error: ZvtCodecError }
  | { readonly kind: 'ack' }
  | { readonly kind: 'nak' };

type State = 'idle' | 'dle' | 'body' | 'body-dle' | 'crc1' | 'crc2';

/** Byte-at-a-time reader: survives garbage, split reads and bad CRCs. */
export class FrameReader {
  private state: State = 'idle';
  private body: number[] = [];
  private crcLow = 0;

  push(chunk: Uint8Array): FrameEvent[] {
    const events: FrameEvent[] = [];
    for (const byte of chunk) {
      const event = this.step(byte);
      if (event) events.push(event);
    }
    return events;
  }

  private step(byte: number): FrameEvent | undefined {
    switch (this.state) {
      case 'idle':
        if (byte === DLE) this.state = 'dle';
        else if (byte === ACK) return { kind: 'ack' };
        else if (byte === NAK) return { kind: 'nak' };
        // Anything else between frames is line noise: skip it.
        return undefined;
      case 'dle':
        if (byte === STX) {
          this.body = [];
          this.state = 'body';
        } else {
          this.state = byte === DLE ? 'dle' : 'idle';
        }
        return undefined;
      case 'body':
        if (byte === DLE) this.state = 'body-dle';
        else this.body.push(byte);
        return undefined;
      case 'body-dle':
        if (byte === DLE) {
          this.body.push(DLE);
          this.state = 'body';
        } else if (byte === ETX) {
          this.state = 'crc1';
        } else if (byte === STX) {
          // A new frame started inside the old one: the old one is lost.
          this.body = [];
          this.state = 'body';
          return { kind: 'bad-frame', error: codecError('bad-frame', 'frame restarted before DLE ETX') };
        } else {
          this.state = 'idle';
          return { kind: 'bad-frame', error: codecError('bad-frame', 'lone DLE inside a frame') };
        }
        return undefined;
      case 'crc1':
        this.crcLow = byte;
        this.state = 'crc2';
        return undefined;
      case 'crc2': {
        this.state = 'idle';
        return this.finish(this.crcLow | (byte << 8));
      }
    }
  }

  private finish(received: number): FrameEvent {
    const body = Uint8Array.from([...this.body, ETX]);
    const expected = crc16Kermit(body);
    if (expected !== received) {
      return {
        kind: 'bad-frame',
        error: codecError('bad-crc', `CRC ${received.toString(16)} != ${expected.toString(16)}`),
      };
    }
    const decoded = decodeApdu(body.subarray(0, body.length - 1));
    if (!decoded.ok) return { kind: 'bad-frame', error: decoded.error };
    return { kind: 'frame', apdu: decoded.value };
  }
}

export function decodeFrame(bytes: Uint8Array): Result<Apdu, ZvtCodecError> {
  const events = new FrameReader().push(bytes);
  const [first] = events;
  if (events.length !== 1 || first === undefined)
    return err(codecError('bad-frame', 'not exactly one frame'));
  if (first.kind === 'frame') return ok(first.apdu);
  if (first.kind === 'bad-frame') return err(first.error);
  return err(codecError('bad-frame', 'not a frame'));
}
