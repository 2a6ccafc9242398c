// Exact decimal text for scaled integers: 1234 at scale 2 is "12.34". Moving
// the decimal point in the digit string is how amounts and rates reach Intl
// (which formats such strings exactly) without a float division.

/** The string form Intl.NumberFormat.format accepts besides number and bigint. */
export type DecimalLiteral = `${number}`;

const DECIMAL = /^-?\d+(\.\d+)?$/;

function isDecimalLiteral(text: string): text is DecimalLiteral {
  return DECIMAL.test(text);
}

/** `value` / 10^`scale` as exact decimal text: (-5, 2) -> "-0.05", (550, 4) -> "0.0550". */
export function scaledIntegerToDecimal(value: number, scale: number): DecimalLiteral {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${String(value)}`);
  if (!Number.isInteger(scale) || scale < 0) throw new RangeError(`bad scale: ${String(scale)}`);
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(value)).padStart(scale + 1, '0');
  const integerPart = digits.slice(0, digits.length - scale);
  const text = scale === 0 ? `${sign}${integerPart}` : `${sign}${integerPart}.${digits.slice(-scale)}`;
  if (!isDecimalLiteral(text)) throw new Error(`bug: built a non-decimal string ${text}`);
  return text;
}
