import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCAN_ERROR_CODES } from '../error-codes';
import { MAX_SCAN_LENGTH, parseScan } from './parse-scan';
import { defaultScanConfig, type ScanConfig } from './scan-config';

const greedy: ScanConfig = { ...defaultScanConfig, gs1Ambiguity: 'greedy', gs1SeparatorAliases: ['~'] };

function errorCode(raw: string, config = defaultScanConfig) {
  const scan = parseScan(raw, config);
  return scan.ok ? `parsed as ${scan.value.kind}` : scan.error.code;
}

describe('parseScan on hostile input', () => {
  it.each(['', '\r\n', '\t\t', '\n'])('calls %j empty', (raw) => {
    expect(errorCode(raw)).toBe('empty');
  });

  it('refuses more than 512 characters before looking at them', () => {
    const scan = parseScan('3'.repeat(MAX_SCAN_LENGTH + 1), defaultScanConfig);
    expect(scan).toMatchObject({ ok: false, error: { code: 'too-long', length: 513, maxLength: 512 } });
    // Even terminators count: the cap applies to what the scanner sent.
    expect(errorCode(`${'\n'.repeat(MAX_SCAN_LENGTH)}1`)).toBe('too-long');
    expect(errorCode('\u0000'.repeat(100_000))).toBe('too-long');
  });

  it.each([
    ['30176204\u000022003', 8, 0],
    ['3017620422003\u001b', 13, 0x1b],
    ['\u007f', 0, 0x7f],
    ['30176204é2003', 8, 0xe9],
    ['🍎3017620422003', 0, 0x1f34e],
    ['3017620\r422003', 7, 0x0d],
  ])('refuses control and non-ASCII characters: %j at %i', (raw, position, codePoint) => {
    expect(parseScan(raw, defaultScanConfig)).toMatchObject({
      ok: false,
      error: { code: 'invalid-characters', position, codePoint },
    });
  });

  it('hints at a keyboard layout mismatch for AZERTY digit-row characters', () => {
    const scan = parseScan('&é"\'(-è_çà', defaultScanConfig);
    expect(scan.ok ? '' : scan.error.message).toMatch(/AZERTY/);
  });

  it.each([
    [']', 'unsupported-symbology'],
    [']E', 'unsupported-symbology'],
    [']Z03017620422003', 'unsupported-symbology'],
    [']I13017620422003', 'unsupported-symbology'],
    [']C1', 'empty'],
    [']C0', 'empty'],
  ])('handles a bad or bare symbology identifier %j', (raw, code) => {
    expect(errorCode(raw)).toBe(code);
  });

  it.each([
    ['3017620422004', 'bad-check-digit'],
    ['hello', 'unknown-format'],
    ['-1', 'unknown-format'],
    ['1e10', 'unknown-format'],
    ['   ', 'unknown-format'],
    ['0103017620422003\u001d99X', 'unknown-ai'],
    ['0103017620422003\u001d10', 'truncated-element'],
    [']C101030176204', 'truncated-element'],
    [']C10103017620422003\u001d10ABCDEFGHIJKLMNOPQRSTU', 'element-too-long'],
    [']C1010301762042200317991399', 'invalid-element-value'],
    [']C101030176204220030103017620422003', 'duplicate-ai'],
    [']C1010301762042200310AB17251231', 'ambiguous-element-string'],
    ['POS1:Q:1', 'invalid-project-code'],
  ])('gives %j a typed error: %s', (raw, code) => {
    expect(errorCode(raw)).toBe(code);
  });

  it('never throws, and every failure is a known code with a message', () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 600, unit: 'binary' }),
      fc.string({
        maxLength: 80,
        unit: fc.constantFrom('0', '1', '2', '3', '7', '9', ']', 'C', 'E', 'd', '\u001d', '~', '\r'),
      }),
      fc.string({ maxLength: 40, unit: 'grapheme' }),
      fc
        .constantFrom(']C1', ']E0', ']d2', ']Q1', 'POS1:', '01', '')
        .chain((prefix) => fc.string({ maxLength: 60 }).map((rest) => prefix + rest)),
    );
    fc.assert(
      fc.property(anyText, fc.constantFrom(defaultScanConfig, greedy), (raw, config) => {
        const scan = parseScan(raw, config);
        if (!scan.ok) {
          expect(SCAN_ERROR_CODES).toContain(scan.error.code);
          expect(scan.error.message.length).toBeGreaterThan(0);
          if ('position' in scan.error) {
            // A position equal to the length means "something is missing at the end".
            const trimmed = raw.replace(/^[\r\n\t]+|[\r\n\t]+$/g, '');
            expect(scan.error.position).toBeGreaterThanOrEqual(0);
            expect(scan.error.position).toBeLessThanOrEqual(trimmed.length);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts only what it can explain: any success carries the trimmed input as raw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: fc.constantFrom(...'0123456789\u001d') }), (raw) => {
        const scan = parseScan(raw, defaultScanConfig);
        if (scan.ok) expect(scan.value.raw).toBe(raw);
      }),
    );
  });
});
