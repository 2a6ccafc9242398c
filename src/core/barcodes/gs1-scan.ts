import { err, ok, type Result } from '../result';
import { gs1DateToIso } from './gs1-application-identifiers';
import type { ParsedElement } from './gs1-element-string';
import { normaliseGtin } from './gtin';
import type { Gs1Scan, ScanError } from './scan';

// Turns parsed GS1 elements into the fields the till acts on. Elements were
// validated by the parser, so what can still fail here is unit conversion.

const CENT_DECIMALS = 2;
const GRAM_DECIMALS = 3;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function gs1ScanFromElements(
  elements: readonly ParsedElement[],
  source: { readonly raw: string; readonly aim: string | null },
): Result<Gs1Scan, ScanError> {
  const scan: Mutable<Gs1Scan> = {
    kind: 'gs1',
    raw: source.raw,
    aim: source.aim,
    elements: elements.map(({ ai, value }) => ({ ai, value })),
  };
  for (const element of elements) {
    const { ai, value } = element;
    const decimals = element.definition.decimals ?? 0;
    if (ai === '01') scan.gtin = normaliseGtin(value) ?? value;
    if (ai === '10') scan.batch = value;
    if (ai === '21') scan.serial = value;
    if (ai === '17') scan.expiry = gs1DateToIso(value) ?? value;
    if (ai === '15') scan.bestBefore = gs1DateToIso(value) ?? value;
    if (ai.startsWith('310')) scan.netWeightGrams = gramsFromKilograms(value, decimals);
    if (ai.startsWith('392')) {
      const minor = centsFromAmount(value, decimals);
      if (minor === null) {
        return err({
          code: 'invalid-element-value',
          message: `GS1 price (${ai}) is not a whole number of cents`,
          position: element.position,
          ai,
        });
      }
      scan.priceMinor = minor;
    }
  }
  return ok(scan);
}

/** Scales weigh to the gram at best, so finer decimals are rounded half up. */
function gramsFromKilograms(digits: string, decimals: number): number {
  const value = Number(digits);
  return decimals <= GRAM_DECIMALS
    ? value * 10 ** (GRAM_DECIMALS - decimals)
    : Math.round(value / 10 ** (decimals - GRAM_DECIMALS));
}

/** Cents, or null when the amount has non-zero sub-cent digits or is too large to count exactly. */
function centsFromAmount(digits: string, decimals: number): number | null {
  if (decimals > CENT_DECIMALS) {
    const dropped = digits.slice(-(decimals - CENT_DECIMALS));
    if (/[1-9]/.test(dropped)) return null;
    const kept = digits.slice(0, digits.length - dropped.length);
    return kept === '' ? 0 : safeInteger(Number(kept));
  }
  return safeInteger(Number(digits) * 10 ** (CENT_DECIMALS - decimals));
}

function safeInteger(n: number): number | null {
  return Number.isSafeInteger(n) ? n : null;
}
