import { z } from 'zod';

// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then a 12-bit counter in
// rand_a (RFC 9562 §6.2 method 1), then 62 random bits. Tills mint ids
// offline, so uniqueness across tills rests on the random bits, and order
// within one till on the counter:
// - same millisecond: the counter goes up by one;
// - clock going backwards (NTP step, manual change): we keep the last
//   timestamp and keep counting, so ids never go back in sort order;
// - counter exhausted (4 096 ids in one ms): the timestamp is moved one ms
//   ahead of the clock, as the RFC allows.
// The counter starts at a random value below 2 048 in each new millisecond,
// so it stays unguessable yet has at least 2 048 steps of headroom.
// The generator is pure: the clock and the random source are injected
// (renderer: crypto.getRandomValues, Node: crypto.randomFillSync).
// Ids are canonical lower-case text: they are compared and sorted as strings.

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const uuidV7Schema = z.string().regex(UUID_V7, 'UUIDv7 in lower-case canonical form');
export type UuidV7 = z.infer<typeof uuidV7Schema>;

export interface UuidV7Sources {
  /** Milliseconds since the Unix epoch (Date.now). */
  readonly now: () => number;
  /** `n` cryptographically random bytes. */
  readonly randomBytes: (n: number) => Uint8Array;
  /**
   * The last id this till minted before a restart (e.g. read back from the
   * journal): new ids sort after it even if the clock went back meanwhile.
   */
  readonly after?: UuidV7;
}

const MAX_TIMESTAMP = 2 ** 48 - 1;
const MAX_COUNTER = 0xfff;
const RANDOM_BYTES_PER_ID = 10; // 2 for a counter seed, 8 for rand_b
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export function isUuidV7(value: string): value is UuidV7 {
  return UUID_V7.test(value);
}

/** Milliseconds since the epoch stored in a UUIDv7. Throws RangeError if `id` is not one (validate first). */
export function uuidV7Timestamp(id: string): number {
  if (!isUuidV7(id)) throw new RangeError(`not a UUIDv7: ${JSON.stringify(id)}`);
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

function counterOf(id: UuidV7): number {
  return Number.parseInt(id.slice(15, 18), 16);
}

function format(timestamp: number, counter: number, random: Uint8Array): UuidV7 {
  const bytes = new Uint8Array(16);
  let rest = timestamp;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  bytes[6] = 0x70 | (counter >> 8); // version 7 + counter high nibble
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((random[2] ?? 0) & 0x3f); // variant 10 + 6 random bits
  for (let i = 9; i < 16; i++) bytes[i] = random[i - 6] ?? 0;
  const hex = Array.from(bytes, (b) => HEX[b] ?? '').join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Returns a function minting UUIDv7s that strictly increase, in sort order, on every call. */
export function createUuidV7Generator(sources: UuidV7Sources): () => UuidV7 {
  let lastTimestamp = -1;
  let counter = 0;
  if (sources.after !== undefined) {
    lastTimestamp = uuidV7Timestamp(sources.after);
    counter = counterOf(sources.after);
  }

  return () => {
    const now = sources.now();
    if (!Number.isSafeInteger(now) || now < 0 || now > MAX_TIMESTAMP) {
      throw new RangeError(`clock: not a millisecond timestamp: ${String(now)}`);
    }
    const random = sources.randomBytes(RANDOM_BYTES_PER_ID);
    if (random.length < RANDOM_BYTES_PER_ID) throw new RangeError('randomBytes returned too few bytes');
    const seed = (((random[0] ?? 0) & 0x07) << 8) | (random[1] ?? 0);

    if (now > lastTimestamp) {
      lastTimestamp = now;
      counter = seed;
    } else if (counter < MAX_COUNTER) {
      counter++;
    } else {
      lastTimestamp++;
      counter = seed;
    }
    if (lastTimestamp > MAX_TIMESTAMP) throw new RangeError('UUIDv7 timestamp exhausted');
    return format(lastTimestamp, counter, random);
  };
}
