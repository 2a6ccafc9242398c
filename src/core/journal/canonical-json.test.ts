import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, MAX_CANONICAL_DEPTH } from './canonical-json';

const text = (value: unknown): string => {
  const result = canonicalJson(value);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value;
};

// JSON values the encoding must accept: safe integers only, well-formed strings.
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.maxSafeInteger(),
    fc.string({ unit: 'grapheme' }),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('json'), { maxLength: 4 }),
  // "__proto__" is refused by design (tested below), so it is left out here.
  object: fc.dictionary(
    fc.string({ unit: 'grapheme' }).filter((k) => k !== '__proto__'),
    tie('json'),
    { maxKeys: 5 },
  ),
}));

/** The same value with every object's members inserted in reverse order. */
function reversedMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedMembers);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]: [string, unknown]) => [k, reversedMembers(v)]),
  );
}

/**
 * Member order as it appears in the text. Object.keys lists array-index-like
 * names ("9", "10") first whatever the text order, so only the others are compared.
 */
function keysAreSorted(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysAreSorted);
  if (typeof value !== 'object' || value === null) return true;
  const keys = Object.keys(value).filter((k) => !/^(0|[1-9]\d*)$/.test(k));
  return (
    keys.every((k, i) => i === 0 || (keys[i - 1] ?? '') < k) && Object.values(value).every(keysAreSorted)
  );
}

describe('canonicalJson', () => {
  it('does not depend on member insertion order, and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(json, (value) => {
        const encoded = text(value);
        expect(text(reversedMembers(value))).toBe(encoded);
        const parsed: unknown = JSON.parse(encoded);
        expect(parsed).toEqual(value);
        expect(keysAreSorted(parsed)).toBe(true);
        // Canonical of canonical is itself: nothing left to normalise.
        expect(text(parsed)).toBe(encoded);
      }),
    );
  });

  it('writes no whitespace between tokens', () => {
    expect(text({ b: [1, { d: true, c: null }], a: 'x y' })).toBe('{"a":"x y","b":[1,{"c":null,"d":true}]}');
  });

  it('sorts members by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // The emoji (surrogates D83D DE00) sorts before U+FB33 although its code point is higher.
    expect(text(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts array-index-like member names as strings, not as numbers', () => {
    expect(text({ 9: 'a', 10: 'b', x: 'c', '01': 'd' })).toBe('{"01":"d","10":"b","9":"a","x":"c"}');
  });

  it('escapes strings as JSON.stringify does and leaves other characters as they are', () => {
    expect(text('\u0000\b\t\n\f\r"\\/\u001f\u007f')).toBe('"\\u0000\\b\\t\\n\\f\\r\\"\\\\/\\u001f\u007f"');
    expect(text({ clé: 'Crème brûlée 🍮 — 5 €' })).toBe('{"clé":"Crème brûlée 🍮 — 5 €"}');
  });

  it('encodes nested arrays in order and sorts the objects inside them', () => {
    expect(text([[1, [2, []]], { b: [{ d: 1, c: 2 }], a: [] }, []])).toBe(
      '[[1,[2,[]]],{"a":[],"b":[{"c":2,"d":1}]},[]]',
    );
  });

  it('accepts null-prototype objects and shared (non-circular) references', () => {
    const shared = { x: 1 };
    const bare = Object.assign(Object.create(null), { b: 2, a: 1 });
    expect(text({ p: shared, q: shared, r: bare })).toBe('{"p":{"x":1},"q":{"x":1},"r":{"a":1,"b":2}}');
  });

  it('accepts the safe integer limits', () => {
    expect(text([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0])).toBe(
      '[9007199254740991,-9007199254740991,0]',
    );
  });

  const circular: Record<string, unknown> = { a: 1 };
  circular.self = circular;
  class Tender {
    readonly code = 'cash';
  }

  it.each([
    ['a float', { amount: { minor: 12.5 } }, 'non-integer-number', '$.amount.minor'],
    ['NaN', [1, Number.NaN], 'non-finite-number', '$[1]'],
    ['Infinity', { x: Number.POSITIVE_INFINITY }, 'non-finite-number', '$.x'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'non-finite-number', '$'],
    ['-0', { x: [0, -0] }, 'negative-zero', '$.x[1]'],
    ['an unsafe integer', { n: 2 ** 53 }, 'unsafe-integer', '$.n'],
    ['an undefined member', { a: 1, note: undefined }, 'undefined-value', '$.note'],
    ['undefined in an array', [undefined], 'undefined-value', '$[0]'],
    ['an array hole', new Array<number>(2), 'undefined-value', '$[0]'],
    ['a lone high surrogate', { s: 'a\ud800b' }, 'lone-surrogate', '$.s'],
    ['a lone low surrogate in a key', { 'x\udc00': 1 }, 'lone-surrogate', '$["x\\udc00"]'],
    ['a bigint', { n: 10n }, 'unsupported-type', '$.n'],
    ['a function', { f: () => 1 }, 'unsupported-type', '$.f'],
    ['a symbol', [Symbol('s')], 'unsupported-type', '$[0]'],
    ['a Date', { at: new Date(0) }, 'unsupported-type', '$.at'],
    ['a Map', { m: new Map() }, 'unsupported-type', '$.m'],
    ['a class instance', { t: new Tender() }, 'unsupported-type', '$.t'],
    ['a "__proto__" member', JSON.parse('{"a":{"__proto__":{}}}'), 'reserved-member-name', '$.a.__proto__'],
    ['a circular reference', { root: circular }, 'circular-reference', '$.root.self'],
    [
      'a member name that is not an identifier',
      { 'line items': [{ qty: 0.5 }] },
      'non-integer-number',
      '$["line items"][0].qty',
    ],
  ])('refuses %s with a typed error at its path', (_, value, reason, path) => {
    expect(canonicalJson(value)).toEqual({
      ok: false,
      error: { code: 'canonical-json-refused', reason, path },
    });
  });

  it('reports where any non-integer number sits, however deep', () => {
    fc.assert(
      fc.property(
        fc.double({ noInteger: true }),
        fc.array(
          fc.string({ unit: 'grapheme-ascii', minLength: 1 }).filter((k) => /^[a-z]+$/.test(k)),
          {
            maxLength: 5,
          },
        ),
        (number, keys) => {
          const value = keys.reduceRight<unknown>((inner, key) => ({ [key]: [inner] }), number);
          const path = keys.reduce((p, key) => `${p}.${key}[0]`, '$');
          const result = canonicalJson(value);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.path).toBe(path);
        },
      ),
    );
  });

  it('refuses nesting deeper than MAX_CANONICAL_DEPTH instead of overflowing the stack', () => {
    const nest = (depth: number) => {
      let value: unknown = 1;
      for (let i = 0; i < depth; i++) value = { a: [value] };
      return value;
    };
    // 10,000 levels (a hostile client's assumedMasterState) is a typed refusal, not a RangeError.
    const deep = canonicalJson(nest(10_000));
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.error.reason).toBe('too-deep');
    // Each nest level is two containers (an object and an array).
    expect(canonicalJson(nest(MAX_CANONICAL_DEPTH / 2)).ok).toBe(true);
    expect(canonicalJson(nest(MAX_CANONICAL_DEPTH / 2 + 1)).ok).toBe(false);
  });
});
