// The keys of the touch kit's pads, and the buffer edits they make. Pure:
// the Numpad, AmountKeypad and PinPad components only call these.

export const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type Digit = (typeof DIGITS)[number];
export type NumpadKey = Digit | '00' | 'backspace' | 'clear';

export const isDigit = (key: string): key is Digit => (DIGITS as readonly string[]).includes(key);

/**
 * A physical key (KeyboardEvent.key) as a pad key: digits (top row or
 * numeric keypad), Backspace, Delete for "clear all", Enter. Anything else is
 * not the pad's: undefined, and the browser does what it does.
 */
export function padKeyFromKeyboard(key: string): NumpadKey | 'enter' | undefined {
  if (isDigit(key)) return key;
  if (key === 'Backspace') return 'backspace';
  if (key === 'Delete') return 'clear';
  if (key === 'Enter') return 'enter';
  return undefined;
}

export interface DigitBufferRules {
  /** Most digits the buffer holds; a key that would go past it changes nothing. */
  readonly maxLength: number;
  /** PINs and codes keep "0012"; quantities drop leading zeros ("05" is "5"). */
  readonly keepLeadingZeros?: boolean;
}

/** The buffer of digits after one key: what a quantity or code field shows. */
export function editDigits(buffer: string, key: NumpadKey, rules: DigitBufferRules): string {
  if (key === 'clear') return '';
  if (key === 'backspace') return buffer.slice(0, -1);
  const next = `${buffer}${key}`;
  if (next.length > rules.maxLength) return buffer;
  if (rules.keepLeadingZeros) return next;
  const trimmed = next.replace(/^0+/, '');
  return trimmed;
}

/** Digits only, at most maxLength, from pasted or filled text ("12 34" → "1234"). */
export function digitsFromText(text: string, maxLength: number): string {
  return text.replace(/\D/g, '').slice(0, maxLength);
}
