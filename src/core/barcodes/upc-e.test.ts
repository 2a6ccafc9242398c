import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withGtinCheckDigit } from './gtin';
import { compressUpcA, expandUpcE } from './upc-e';

describe('UPC-E expansion', () => {
  // One vector per last-digit rule, number systems 0 and 1; UPC-A check digits worked by hand.
  it.each([
    ['01234505', '012000003455', 'last digit 0: X1 X2 0 0000 X3 X4 X5'],
    ['01234514', '012100003454', 'last digit 1: X1 X2 1 0000 X3 X4 X5'],
    ['01234523', '012200003453', 'last digit 2: X1 X2 2 0000 X3 X4 X5'],
    ['01234133', '012300000413', 'last digit 3: X1 X2 X3 00000 X4 X5'],
    ['01234543', '012340000053', 'last digit 4: X1 X2 X3 X4 00000 X5'],
    ['01234565', '012345000065', 'last digit 5-9: X1..X5 0000 X6'],
    ['04252614', '042100005264', 'the common 0425261 example'],
    ['12345670', '123456000070', 'number system 1'],
  ])('expands %s to %s (%s)', (upcE, upcA) => {
    expect(expandUpcE(upcE)).toEqual({ ok: true, value: upcA });
  });

  it('verifies the check digit on the expanded UPC-A', () => {
    expect(expandUpcE('04252615')).toMatchObject({ ok: false, error: { code: 'bad-check-digit' } });
  });

  it.each(['24252614', '92345670'])('rejects number system other than 0 or 1: %s', (upcE) => {
    expect(expandUpcE(upcE)).toMatchObject({ ok: false, error: { code: 'bad-number-system' } });
  });

  it.each(['', '0425261', '042526144', '0425261x'])('rejects %j, which is not 8 digits', (upcE) => {
    expect(expandUpcE(upcE)).toMatchObject({ ok: false, error: { code: 'not-upce' } });
  });

  it('keeps the number system and check digit, and restores at least four suppressed zeros', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '1'), fc.stringMatching(/^\d{6}$/), (ns, data) => {
        const upcA = expandUpcEWithAnyCheck(ns, data);
        expect(upcA).toMatch(/^\d{12}$/);
        expect(upcA.charAt(0)).toBe(ns);
        const zeros = (digits: string) => digits.replace(/[1-9]/g, '').length;
        expect(zeros(upcA.slice(1, 11))).toBeGreaterThanOrEqual(zeros(data) + 4);
      }),
    );
  });

  it('round-trips: compressing any UPC-E expansion and expanding again gives the same UPC-A', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '1'), fc.stringMatching(/^\d{6}$/), (ns, data) => {
        const upcA = expandUpcEWithAnyCheck(ns, data);
        const upcE = compressUpcA(upcA);
        expect(upcE).not.toBeNull();
        expect(expandUpcE(upcE ?? '')).toEqual({ ok: true, value: upcA });
      }),
    );
  });

  it('compresses only UPC-A with enough zeros, and then round-trips', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[01](\d|0{2,5}){4,10}$/), (digits) => {
        const data = digits.padEnd(11, '0').slice(0, 11);
        const upcA = withGtinCheckDigit(data);
        const upcE = compressUpcA(upcA);
        if (upcE !== null) expect(expandUpcE(upcE)).toEqual({ ok: true, value: upcA });
        else
          expect(
            /^[01]\d\d[012]0000\d{3}|^[01]\d{3}00000\d\d|^[01]\d{4}00000\d|^[01]\d{5}0000[5-9]/.test(data),
          ).toBe(false);
      }),
    );
  });

  it.each([['012345678905'], ['212000003452'], ['0123']])('does not compress %s', (upcA) => {
    expect(compressUpcA(upcA)).toBeNull();
  });
});

/** The UPC-A for a UPC-E whose check digit is made right by trying all ten. */
function expandUpcEWithAnyCheck(ns: string, data: string): string {
  for (let check = 0; check <= 9; check++) {
    const result = expandUpcE(`${ns}${data}${check}`);
    if (result.ok) return result.value;
  }
  throw new Error(`no check digit makes ${ns}${data} valid`);
}
