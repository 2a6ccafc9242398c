import { err, ok, type Result } from '../result';
import { withGtinCheckDigit } from './gtin';
import { priceCheckDigit } from './price-check-digit';
import type { Measure } from './scan';
import type { RestrictedCirculationLayout } from './scan-config';

// Variable-measure (restricted-circulation) EAN-13 labels printed by scales:
// the same article gets a different code for every price or weight, so the
// catalog is keyed by the code with its value zeroed.

const CENT_DECIMALS = 2;
const GRAM_DECIMALS = 3;

/** The configured layout with the longest prefix matching this EAN-13, if any. */
export function findRestrictedLayout(
  ean13: string,
  layouts: readonly RestrictedCirculationLayout[],
): RestrictedCirculationLayout | undefined {
  let best: RestrictedCirculationLayout | undefined;
  for (const layout of layouts) {
    if (ean13.startsWith(layout.prefix) && layout.prefix.length > (best?.prefix.length ?? 0)) best = layout;
  }
  return best;
}

interface Slices {
  readonly article: string;
  /** Index of the price check digit, or -1 when the layout has none. */
  readonly priceCheckAt: number;
  readonly valueAt: number;
  readonly value: string;
}

function slice(ean13: string, layout: RestrictedCirculationLayout): Slices {
  const articleAt = layout.prefix.length;
  const afterArticle = articleAt + layout.articleDigits;
  const valueAt = afterArticle + (layout.priceCheckDigit ? 1 : 0);
  return {
    article: ean13.slice(articleAt, afterArticle),
    priceCheckAt: layout.priceCheckDigit ? afterArticle : -1,
    valueAt,
    value: ean13.slice(valueAt, valueAt + layout.valueDigits),
  };
}

export interface VariableMeasureReading {
  readonly article: string;
  readonly articleKey: string;
  readonly measure: Measure;
}

/** Index in the EAN-13 of the price check digit that does not match the value. */
export interface PriceCheckMismatch {
  readonly index: number;
}

/** Reads a check-digit-valid EAN-13 with a layout from `findRestrictedLayout`. */
export function readVariableMeasure(
  ean13: string,
  layout: RestrictedCirculationLayout,
): Result<VariableMeasureReading, PriceCheckMismatch> {
  const { article, priceCheckAt, valueAt, value } = slice(ean13, layout);
  if (priceCheckAt >= 0 && String(priceCheckDigit(value)) !== ean13.charAt(priceCheckAt)) {
    return err({ index: priceCheckAt });
  }
  const zeroed = ean13.slice(0, priceCheckAt >= 0 ? priceCheckAt : valueAt).padEnd(12, '0');
  return ok({ article, articleKey: withGtinCheckDigit(zeroed), measure: toMeasure(Number(value), layout) });
}

function toMeasure(value: number, layout: RestrictedCirculationLayout): Measure {
  return layout.measure === 'price'
    ? { type: 'price', minor: value * 10 ** Math.max(0, CENT_DECIMALS - layout.valueDecimals) }
    : { type: 'weight', grams: value * 10 ** Math.max(0, GRAM_DECIMALS - layout.valueDecimals) };
}

/**
 * The EAN-13 a scale would print for `article` and `value` (the integer
 * printed in the value digits: cents or grams in the French layout). Used by
 * in-store label printing and to test the reader.
 */
export function encodeVariableMeasure(
  layout: RestrictedCirculationLayout,
  article: string,
  value: number,
): Result<string, string> {
  if (!new RegExp(`^\\d{${layout.articleDigits}}$`).test(article)) {
    return err(`article must be ${layout.articleDigits} digits`);
  }
  if (!Number.isSafeInteger(value) || value < 0 || value >= 10 ** layout.valueDigits) {
    return err(`value must be an integer from 0 to ${10 ** layout.valueDigits - 1}`);
  }
  const valueDigits = String(value).padStart(layout.valueDigits, '0');
  const check = layout.priceCheckDigit ? String(priceCheckDigit(valueDigits) ?? '') : '';
  const data = `${layout.prefix}${article}${check}${valueDigits}`;
  if (data.length !== 12) return err('layout does not add up to 13 digits');
  return ok(withGtinCheckDigit(data));
}
