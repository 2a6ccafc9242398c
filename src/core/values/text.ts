import { z } from 'zod';

// Text that people or other systems type ends up in journaled, hashed records
// and on printed receipts. The journal's canonical JSON refuses a lone
// surrogate (it has no UTF-8 form, so another implementation would hash it
// differently), and control characters drive printers (ESC/POS) and break
// one-line layouts. Every free-text field is checked here, when it is first
// validated, so that a record is never built that the journal would refuse.
// U+0000 is refused by every kind: PostgreSQL can store it in neither text
// nor jsonb, so the server could never keep a record carrying it, and a
// client retrying a push it cannot store would be stuck for good.

/**
 * - 'one-line': a name, label or reference: no control character, no line or
 *   paragraph separator.
 * - 'multi-line': a note or reason a person typed, or a product name from a
 *   supplier feed: tab, LF and CR allowed, no other control character.
 * - 'verbatim': machine text kept as read (a scanned code may carry GS
 *   separators): any character except U+0000 and a lone surrogate.
 */
export type TextKind = 'one-line' | 'multi-line' | 'verbatim';

// With the u flag a well-formed pair is one astral code point, so \p{Cs}
// matches only a surrogate that has no partner.
const REFUSED: Readonly<Record<TextKind, RegExp>> = {
  'one-line': /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/u,
  'multi-line': /(?![\t\n\r])[\p{Cc}\p{Cs}]/u,
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing U+0000 is the point
  verbatim: /[\u0000\p{Cs}]/u,
};

const MESSAGES: Readonly<Record<TextKind, string>> = {
  'one-line': 'text: one line, no control characters or lone surrogates',
  'multi-line': 'text: no control characters other than line breaks and tabs, no lone surrogates',
  verbatim: 'text: no U+0000, no lone surrogates',
};

/** True when `text` holds nothing that `kind` refuses. */
export function isAcceptableText(text: string, kind: TextKind): boolean {
  return !REFUSED[kind].test(text);
}

export interface TextBounds {
  /** Fewest UTF-16 code units; 0 when absent. */
  readonly min?: number;
  /** Most UTF-16 code units. */
  readonly max: number;
}

/** A bounded string of `kind`. It never transforms its input: what is parsed is what gets hashed. */
export function textSchema(kind: TextKind, { min = 0, max }: TextBounds) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((text) => isAcceptableText(text, kind), { message: MESSAGES[kind] });
}
