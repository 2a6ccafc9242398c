import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ElementStringOptions,
  GROUP_SEPARATOR as GS,
  parseGs1ElementString,
} from './gs1-element-string';

const GTIN = '0103017620422003'; // AI 01 + GTIN-14 of EAN-13 3017620422003
const reject: ElementStringOptions = { ambiguity: 'reject', offset: 0 };
const greedy: ElementStringOptions = { ambiguity: 'greedy', offset: 0 };

function pairs(data: string, options = reject) {
  const parsed = parseGs1ElementString(data, options);
  return parsed.ok ? parsed.value.map(({ ai, value }) => [ai, value]) : parsed.error;
}

describe('GS1 element strings with separators', () => {
  it.each([
    [
      `${GTIN}10ABC${GS}21XYZ`,
      [
        ['01', '03017620422003'],
        ['10', 'ABC'],
        ['21', 'XYZ'],
      ],
    ],
    [
      `10ABC${GS}${GTIN}21XYZ`,
      [
        ['10', 'ABC'],
        ['01', '03017620422003'],
        ['21', 'XYZ'],
      ],
    ],
    [
      `21XYZ${GS}10ABC${GS}${GTIN}17251231`,
      [
        ['21', 'XYZ'],
        ['10', 'ABC'],
        ['01', '03017620422003'],
        ['17', '251231'],
      ],
    ],
    [
      `${GTIN}3103001234${GS}39220450${GS}10L1`,
      [
        ['01', '03017620422003'],
        ['3103', '001234'],
        ['3922', '0450'],
        ['10', 'L1'],
      ],
    ],
  ])('ends variable-length elements at GS, in any AI order: %j', (data, expected) => {
    expect(pairs(data)).toEqual(expected);
  });

  it('tolerates a leading GS (FNC1 sent as GS), a GS after a fixed element, a doubled GS and a trailing GS', () => {
    expect(pairs(`${GS}${GTIN}${GS}10ABC${GS}${GS}21XYZ${GS}`)).toEqual([
      ['01', '03017620422003'],
      ['10', 'ABC'],
      ['21', 'XYZ'],
    ]);
  });

  it('reads a variable-length element up to the GS even when it holds AI-like digits', () => {
    expect(pairs(`${GTIN}10AB1725123121${GS}17251231`)).toEqual([
      ['01', '03017620422003'],
      ['10', 'AB1725123121'],
      ['17', '251231'],
    ]);
  });

  it('reports positions shifted by the offset', () => {
    const parsed = parseGs1ElementString(`${GTIN}99ABC`, { ambiguity: 'reject', offset: 3 });
    expect(parsed).toMatchObject({ ok: false, error: { code: 'unknown-ai', position: 19 } });
  });
});

describe('GS1 element strings without separators (keyboard wedge)', () => {
  it('reads fixed-length elements anywhere and one variable-length element last', () => {
    expect(pairs(`${GTIN}17251231310300123410LOT42`)).toEqual([
      ['01', '03017620422003'],
      ['17', '251231'],
      ['3103', '001234'],
      ['10', 'LOT42'],
    ]);
  });

  it('rejects a variable-length element followed by more elements: it could hold them', () => {
    expect(pairs(`${GTIN}10ABC17251231`)).toMatchObject({ code: 'ambiguous-element-string', position: 16 });
    expect(pairs(`${GTIN}21XYZ10ABC`)).toMatchObject({ code: 'ambiguous-element-string', position: 16 });
  });

  it('accepts when only one split is valid: a batch cannot exceed 20 characters', () => {
    const batch = 'ABCDEFGHIJKLMNOPQRST';
    expect(pairs(`${GTIN}10${batch}17251231`)).toEqual([
      ['01', '03017620422003'],
      ['10', batch],
      ['17', '251231'],
    ]);
  });

  it('accepts when only one split is valid: "17251299" is not a date', () => {
    expect(pairs(`${GTIN}10ABC17251299`)).toEqual([
      ['01', '03017620422003'],
      ['10', 'ABC17251299'],
    ]);
  });

  it('accepts when only one split is valid: an AI cannot appear twice', () => {
    expect(pairs(`${GTIN}10L2310A`)).toEqual([
      ['01', '03017620422003'],
      ['10', 'L2310A'],
    ]);
  });

  it('with the greedy policy, lets the variable-length element run to the end', () => {
    expect(pairs(`${GTIN}10ABC17251231`, greedy)).toEqual([
      ['01', '03017620422003'],
      ['10', 'ABC17251231'],
    ]);
  });

  it('with the greedy policy, reports a too-long variable element instead of guessing a split', () => {
    expect(pairs(`${GTIN}10ABCDEFGHIJKLMNOPQRST17251231`, greedy)).toMatchObject({
      code: 'element-too-long',
      ai: '10',
      position: 16,
    });
  });

  it('calls a string ambiguous when its readings cannot be counted within the search bound', () => {
    const tight: ElementStringOptions = { ambiguity: 'reject', offset: 0, maxSearchSteps: 3 };
    expect(pairs(`${GTIN}10ABC17251299`, tight)).toMatchObject({
      code: 'ambiguous-element-string',
      message: expect.stringMatching(/too many/),
    });
    expect(pairs(`${GTIN}10ABC17251299`)).toEqual([
      ['01', '03017620422003'],
      ['10', 'ABC17251299'],
    ]);
  });

  it('answers, with a value or a typed error, for the most branching inputs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('10', '21', '22', '30', '37', '3920', '1', '2', 'A'), { maxLength: 200 }),
        (parts) => {
          const parsed = parseGs1ElementString(parts.join(''), reject);
          expect(typeof parsed.ok).toBe('boolean');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('GS1 element string errors', () => {
  it('reports an element cut short by the end of the data', () => {
    expect(pairs('01030176204220')).toMatchObject({ code: 'truncated-element', ai: '01', position: 0 });
  });

  it('reports an element cut short by a separator', () => {
    expect(pairs(`0103017620${GS}10ABC`)).toMatchObject({ code: 'truncated-element', ai: '01' });
  });

  it('reports an empty variable-length element', () => {
    expect(pairs(`${GTIN}10${GS}21X`)).toMatchObject({ code: 'truncated-element', ai: '10', position: 16 });
  });

  it('reports an unknown AI at its position', () => {
    expect(pairs(`${GTIN}99123`)).toMatchObject({ code: 'unknown-ai', position: 16 });
    expect(pairs('3106123456')).toMatchObject({ code: 'unknown-ai', position: 0 });
  });

  it('reports a wrong GTIN check digit at the check digit', () => {
    expect(pairs('0103017620422004')).toMatchObject({ code: 'bad-check-digit', position: 15 });
  });

  it('reports invalid data: impossible date, non-digit weight, character outside set 82', () => {
    expect(pairs(`${GTIN}17251332`)).toMatchObject({ code: 'invalid-element-value', ai: '17' });
    expect(pairs(`${GTIN}17250229`)).toMatchObject({ code: 'invalid-element-value', ai: '17' });
    expect(pairs(`${GTIN}31030012A4`)).toMatchObject({ code: 'invalid-element-value', ai: '3103' });
    expect(pairs(`${GTIN}10AB#C`)).toMatchObject({ code: 'invalid-element-value', ai: '10' });
  });

  it('reports an AI given twice, including the same weight with other decimals', () => {
    expect(pairs(`${GTIN}${GTIN}`)).toMatchObject({ code: 'duplicate-ai', ai: '01', position: 16 });
    expect(pairs(`${GTIN}31030012343102000123`)).toMatchObject({ code: 'duplicate-ai', ai: '3102' });
  });

  it('reports a data string with no element', () => {
    expect(pairs(GS)).toMatchObject({ code: 'unknown-ai' });
  });
});
