import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScanConfig, parseScan } from '../barcodes';
import { cartLineSchema } from '../cart/cart-line';
import { canonicalJson } from '../journal/canonical-json';
import { isAcceptableText, type TextKind, textSchema } from './text';

const accepts = (kind: TextKind, text: string) => textSchema(kind, { max: 50 }).safeParse(text).success;

describe('textSchema', () => {
  it.each<TextKind>(['one-line', 'multi-line', 'verbatim'])(
    '%s: refuses lone surrogates, keeps pairs',
    (kind) => {
      for (const bad of ['\uD800', 'Caf\uD83D', '\uDC00x', 'a\uDE00\uD83Db'])
        expect(accepts(kind, bad)).toBe(false);
      for (const good of ['Café crème', 'Œufs × 12', '😀 Emoji', 'שלום', ''])
        expect(accepts(kind, good)).toBe(true);
    },
  );

  it('one-line: no control character, line or paragraph separator', () => {
    for (const bad of [
      'a\nb',
      'a\rb',
      'a\tb',
      'a\u0000b',
      'a\u001bb',
      'a\u007fb',
      'a\u0085b',
      'a\u2028b',
      'a\u2029b',
    ]) {
      expect(accepts('one-line', bad)).toBe(false);
    }
  });

  it('multi-line: line breaks and tabs, but no other control character', () => {
    for (const good of ['Acheté en double\npar erreur', 'a\r\n\tb', 'a\u2028b'])
      expect(accepts('multi-line', good)).toBe(true);
    for (const bad of ['a\u0000b', 'a\u001bb', 'a\u000bb', 'a\u007fb', 'a\u0085b'])
      expect(accepts('multi-line', bad)).toBe(false);
  });

  it('verbatim: keeps control characters such as the GS1 separator', () => {
    expect(accepts('verbatim', '0103012345678900\u001d10LOT7')).toBe(true);
  });

  it.each<TextKind>(['one-line', 'multi-line', 'verbatim'])(
    '%s: refuses U+0000, which PostgreSQL cannot store in text or jsonb',
    (kind) => {
      for (const bad of ['\u0000', '3017620422003\u0000', '\u0000abc'])
        expect(accepts(kind, bad)).toBe(false);
    },
  );

  it('a scan carrying U+0000 never enters a sale: the scan parser and the cart line both refuse it', () => {
    const scan = '3017620422003\u0000';
    expect(parseScan(scan, defaultScanConfig)).toMatchObject({ ok: false, error: { codePoint: 0 } });
    expect(cartLineSchema.shape.scannedCode.safeParse(scan).success).toBe(false);
  });

  it('keeps the bounds it is given and never transforms its input', () => {
    const schema = textSchema('one-line', { min: 2, max: 3 });
    expect(schema.safeParse('a').success).toBe(false);
    expect(schema.safeParse('abcd').success).toBe(false);
    expect(schema.parse(' ab')).toBe(' ab');
  });

  it('accepts only text the journal can hash', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        if (isAcceptableText(text, 'verbatim')) expect(canonicalJson({ text }).ok).toBe(true);
      }),
    );
  });
});
