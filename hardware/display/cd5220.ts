import { DISPLAY_LINE_WIDTH, type DisplayLines } from '../../src/core/bridge/bridge-methods';
import { type DisplayCodePage, encodeDisplayText } from './display-code-page';

// CD5220 command set, spoken by most 2x20 pole displays: 0C clears both
// lines; ESC Q A <20 bytes> CR writes the upper line, ESC Q B … CR the
// lower one. A line is always sent padded to 20 bytes so what was there
// before is overwritten without a flickering clear.

export const CD5220_CLEAR = 0x0c;
const ESC = 0x1b;
const Q = 0x51;
export const CD5220_UPPER = 0x41;
export const CD5220_LOWER = 0x42;
const CR = 0x0d;
const SPACE = 0x20;

/** The line's bytes: encoded, cut or padded to exactly 20. */
export function lineBytes(text: string, page: DisplayCodePage): number[] {
  const bytes = encodeDisplayText(text, page).slice(0, DISPLAY_LINE_WIDTH);
  while (bytes.length < DISPLAY_LINE_WIDTH) bytes.push(SPACE);
  return bytes;
}

export function cd5220Lines(lines: DisplayLines, page: DisplayCodePage): Uint8Array {
  return Uint8Array.from([
    ...[ESC, Q, CD5220_UPPER, ...lineBytes(lines.upper, page), CR],
    ...[ESC, Q, CD5220_LOWER, ...lineBytes(lines.lower, page), CR],
  ]);
}

/** Sent on every (re)connection: the display may have been power-cycled with junk on it. */
export function cd5220Reset(lines: DisplayLines, page: DisplayCodePage): Uint8Array {
  return Uint8Array.from([CD5220_CLEAR, ...cd5220Lines(lines, page)]);
}
