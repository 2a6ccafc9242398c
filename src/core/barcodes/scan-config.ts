import { z } from 'zod';

// How this store's scanners and scales encode things. Stored in settings, so
// it has a schema; `parseScan` trusts a config that passed it.

const EAN13_LENGTH = 13;

/**
 * Layout of one restricted-circulation (in-store) EAN-13 prefix, read left to
 * right: prefix, article digits, optional price check digit, value digits,
 * EAN-13 check digit. The value is an integer with `valueDecimals` implied
 * decimals, in euros (price) or kilograms (weight).
 */
export const restrictedCirculationLayoutSchema = z
  .object({
    /** 02 or 20-29, optionally one more digit to split a prefix between layouts (longest match wins). */
    prefix: z.string().regex(/^(02|2\d)\d?$/, 'prefix: 02 or 20-29, optionally followed by one digit'),
    articleDigits: z.number().int().min(1).max(9),
    valueDigits: z.number().int().min(1).max(6),
    valueDecimals: z.number().int().min(0).max(3),
    measure: z.enum(['price', 'weight']),
    /** GS1 7.9.3/7.9.4 check digit in front of a 4- or 5-digit value. */
    priceCheckDigit: z.boolean(),
  })
  .superRefine((layout, ctx) => {
    const used =
      layout.prefix.length + layout.articleDigits + (layout.priceCheckDigit ? 1 : 0) + layout.valueDigits + 1;
    if (used !== EAN13_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        message: `prefix + article + price check + value + check digit must be 13 digits, not ${used}`,
      });
    }
    if (layout.priceCheckDigit && layout.valueDigits !== 4 && layout.valueDigits !== 5) {
      ctx.addIssue({
        code: 'custom',
        path: ['valueDigits'],
        message: 'a price check digit needs a 4- or 5-digit value',
      });
    }
    // Money is handled in cents and weight in grams, so finer values cannot be represented.
    if (layout.measure === 'price' && layout.valueDecimals > 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['valueDecimals'],
        message: 'a price has at most 2 decimals (cents)',
      });
    }
  });

export type RestrictedCirculationLayout = z.infer<typeof restrictedCirculationLayoutSchema>;

/** Characters that can never occur in a GS1 element string (outside GS1 character set 82). */
const SEPARATOR_ALIAS = /^[#$@[\\\]^`{|}~]$/;

export const scanConfigSchema = z.object({
  restrictedCirculation: z
    .array(restrictedCirculationLayoutSchema)
    .max(40)
    .refine(
      (layouts) => new Set(layouts.map((l) => l.prefix)).size === layouts.length,
      'each prefix only once',
    ),
  /**
   * Characters a scanner is programmed to send instead of the GS (0x1D)
   * separator, which keyboard-wedge mode cannot type.
   */
  gs1SeparatorAliases: z
    .array(z.string().regex(SEPARATOR_ALIAS, 'alias must be one of # $ @ [ \\ ] ^ ` { | } ~'))
    .max(4),
  /**
   * A GS1 string with no separator at all may have lost them. 'reject': accept
   * it only when exactly one reading exists. 'greedy': each variable-length
   * element runs to the end (correct only if the scanners always send GS).
   */
  gs1Ambiguity: z.enum(['reject', 'greedy']),
  /** An 8-digit scan without AIM prefix is EAN-8 or UPC-E; the digits alone cannot tell. */
  bareEightDigits: z.enum(['ean8', 'upce']),
});

export type ScanConfig = z.infer<typeof scanConfigSchema>;

function frenchScaleLayout(
  prefix: string,
  measure: RestrictedCirculationLayout['measure'],
): RestrictedCirculationLayout {
  // 2X AAAAA VVVVV C: value in cents (price) or grams (weight), no price check digit.
  return {
    prefix,
    articleDigits: 5,
    valueDigits: 5,
    valueDecimals: measure === 'price' ? 2 : 3,
    measure,
    priceCheckDigit: false,
  };
}

/**
 * A common French setup: 21-25 price-embedded, 26-28 weight-embedded, each
 * `2X AAAAA VVVVV C`. 20, 29 and 02 stay plain in-store article codes. There
 * is no national standard: check it against the store's scale programming.
 */
export const defaultScanConfig: ScanConfig = {
  restrictedCirculation: [
    ...['21', '22', '23', '24', '25'].map((prefix) => frenchScaleLayout(prefix, 'price')),
    ...['26', '27', '28'].map((prefix) => frenchScaleLayout(prefix, 'weight')),
  ],
  gs1SeparatorAliases: [],
  gs1Ambiguity: 'reject',
  bareEightDigits: 'ean8',
};
