import { hasValidGtinCheckDigit } from './gtin';

// The GS1 application identifiers this till understands: those found on
// retail goods and fresh-food labels. Any other AI is an `unknown-ai` error,
// because without its definition the length of its data, and so where the
// next element starts, is unknown.

/** How an element's data is checked; drives both validation and error codes. */
export type AiValueKind =
  | 'gtin' // 14 digits with a GS1 check digit
  | 'sscc' // 18 digits with a GS1 check digit
  | 'date' // YYMMDD, DD may be 00
  | 'digits'
  | 'currency-amount' // ISO 4217 numeric code then digits
  | 'cset82'; // GS1 character set 82 (printable ASCII subset)

export interface AiDefinition {
  /** The AI as it appears in the data, e.g. "01" or "3103". */
  readonly ai: string;
  readonly title: string;
  /** Fixed-length elements need no separator after them, so they may sit anywhere. */
  readonly length: { readonly fixed: number } | { readonly min: number; readonly max: number };
  readonly value: AiValueKind;
  /** For n-suffixed AIs (310n, 392n): the implied decimal places. */
  readonly decimals?: number;
}

type Definition = Omit<AiDefinition, 'ai' | 'decimals'>;

const TWO_DIGIT_AIS: ReadonlyMap<string, Definition> = new Map([
  ['00', { title: 'SSCC', length: { fixed: 18 }, value: 'sscc' }],
  ['01', { title: 'GTIN', length: { fixed: 14 }, value: 'gtin' }],
  ['02', { title: 'GTIN of contained trade items', length: { fixed: 14 }, value: 'gtin' }],
  ['10', { title: 'Batch or lot number', length: { min: 1, max: 20 }, value: 'cset82' }],
  ['11', { title: 'Production date', length: { fixed: 6 }, value: 'date' }],
  ['12', { title: 'Due date', length: { fixed: 6 }, value: 'date' }],
  ['13', { title: 'Packaging date', length: { fixed: 6 }, value: 'date' }],
  ['15', { title: 'Best before date', length: { fixed: 6 }, value: 'date' }],
  ['16', { title: 'Sell by date', length: { fixed: 6 }, value: 'date' }],
  ['17', { title: 'Expiration date', length: { fixed: 6 }, value: 'date' }],
  ['20', { title: 'Internal product variant', length: { fixed: 2 }, value: 'digits' }],
  ['21', { title: 'Serial number', length: { min: 1, max: 20 }, value: 'cset82' }],
  ['22', { title: 'Consumer product variant', length: { min: 1, max: 20 }, value: 'cset82' }],
  ['30', { title: 'Variable count of items', length: { min: 1, max: 8 }, value: 'digits' }],
  ['37', { title: 'Count of trade items', length: { min: 1, max: 8 }, value: 'digits' }],
] satisfies [string, Definition][]);

/** Four-digit AIs "xxxn" whose last digit n is the number of implied decimals. */
const DECIMAL_AIS: ReadonlyMap<string, { readonly definition: Definition; readonly maxDecimals: number }> =
  new Map([
    [
      '310',
      { definition: { title: 'Net weight (kg)', length: { fixed: 6 }, value: 'digits' }, maxDecimals: 5 },
    ],
    [
      '392',
      {
        definition: {
          title: 'Amount payable, single currency',
          length: { min: 1, max: 15 },
          value: 'digits',
        },
        maxDecimals: 9,
      },
    ],
    [
      '393',
      {
        definition: {
          title: 'Amount payable with ISO currency',
          length: { min: 4, max: 18 },
          value: 'currency-amount',
        },
        maxDecimals: 9,
      },
    ],
  ] satisfies [string, { definition: Definition; maxDecimals: number }][]);

/** The definition of the AI starting at `at`, or null when no known AI starts there. */
export function matchApplicationIdentifier(data: string, at: number): AiDefinition | null {
  const two = data.slice(at, at + 2);
  const fixed = TWO_DIGIT_AIS.get(two);
  if (fixed) return { ai: two, ...fixed };
  const family = DECIMAL_AIS.get(data.slice(at, at + 3));
  const n = data.charAt(at + 3);
  if (!family || !/^\d$/.test(n) || Number(n) > family.maxDecimals) return null;
  return { ai: data.slice(at, at + 4), ...family.definition, decimals: Number(n) };
}

/** GS1 General Specifications figure 7.11-1, character set 82. */
const CSET82 = /^[!"%-?A-Z_a-z]*$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export type AiValueProblem = 'bad-check-digit' | 'invalid-element-value';

/** Why `value` is not valid data for `definition`, or null when it is. Length is checked by the caller. */
export function checkAiValue(definition: AiDefinition, value: string): AiValueProblem | null {
  switch (definition.value) {
    case 'gtin':
    case 'sscc':
      if (!/^\d+$/.test(value)) return 'invalid-element-value';
      return hasValidGtinCheckDigit(value) ? null : 'bad-check-digit';
    case 'date':
      return gs1DateToIso(value) === null ? 'invalid-element-value' : null;
    case 'digits':
    case 'currency-amount':
      return /^\d+$/.test(value) ? null : 'invalid-element-value';
    case 'cset82':
      return CSET82.test(value) ? null : 'invalid-element-value';
  }
}

/**
 * A GS1 YYMMDD date as YYYY-MM-DD. Day 00 means the last day of the month
 * (GS1 7.12). The year is read as 20YY: GS1's sliding century window needs
 * today's date, which core code does not read, and it only starts mapping a
 * YY to another century once dates on goods reach about 2050.
 */
export function gs1DateToIso(yymmdd: string): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const year = 2000 + Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const lastDay = month === 2 ? (leap ? 29 : 28) : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day > lastDay) return null;
  const dd = day === 0 ? lastDay : day;
  return `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${String(dd).padStart(2, '0')}`;
}
