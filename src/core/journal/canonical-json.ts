import { err, ok, type Result } from '../result';

// The journal hash is computed over this text, and the server and third-party
// auditors recompute it in other languages, so the encoding must leave no
// choice open. It follows RFC 8785 (JCS): object members sorted by UTF-16 code
// units, no whitespace, strings escaped as ECMAScript JSON.stringify does.
// It is stricter than JCS on numbers: money is integer minor units, and a float
// in the journal is a bug, while float formatting is where JCS implementations
// most often disagree. So only safe integers are accepted (and never -0).
// Whatever JSON.stringify would silently drop or coerce (undefined, functions,
// Dates, Maps, class instances) is refused, so the hashed text never differs
// from what the caller believes it stored. One member name is refused too:
// "__proto__" is valid JSON, but object spread, zod records and plain
// assignment silently drop it in JavaScript, so an entry carrying it could not
// be stored and re-verified reliably.

export type CanonicalJsonRefusal =
  | 'non-integer-number'
  | 'non-finite-number'
  | 'negative-zero'
  | 'unsafe-integer'
  | 'undefined-value'
  | 'lone-surrogate'
  | 'unsupported-type'
  | 'circular-reference'
  | 'reserved-member-name';

export type CanonicalJsonError = {
  readonly code: 'canonical-json-refused';
  readonly reason: CanonicalJsonRefusal;
  /** Where the refused value sits, e.g. `$.payload.lines[2].qty`. */
  readonly path: string;
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

class Refused {
  constructor(
    readonly reason: CanonicalJsonRefusal,
    readonly path: string,
  ) {}
}

export function canonicalJson(value: unknown): Result<string, CanonicalJsonError> {
  try {
    return ok(encode(value, '$', new Set()));
  } catch (thrown) {
    // Only our own refusal is turned into a value; anything else (a throwing
    // getter, stack overflow) is a programming error and keeps propagating.
    if (thrown instanceof Refused) {
      return err({ code: 'canonical-json-refused', reason: thrown.reason, path: thrown.path });
    }
    throw thrown;
  }
}

function encode(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return encodeString(value, path);
    case 'number':
      return encodeNumber(value, path);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      throw new Refused('undefined-value', path);
    case 'object':
      if (value === null) return 'null';
      return encodeContainer(value, path, ancestors);
    default:
      throw new Refused('unsupported-type', path);
  }
}

function encodeString(value: string, path: string): string {
  // RFC 8785 requires well-formed Unicode; a lone surrogate cannot be UTF-8 encoded
  // and other implementations would reject or replace it, giving another hash.
  if (LONE_SURROGATE.test(value)) throw new Refused('lone-surrogate', path);
  return JSON.stringify(value);
}

function encodeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) throw new Refused('non-finite-number', path);
  if (!Number.isInteger(value)) throw new Refused('non-integer-number', path);
  if (Object.is(value, -0)) throw new Refused('negative-zero', path);
  if (!Number.isSafeInteger(value)) throw new Refused('unsafe-integer', path);
  return String(value);
}

function encodeContainer(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new Refused('circular-reference', path);
  ancestors.add(value);
  const text = Array.isArray(value)
    ? encodeArray(value, path, ancestors)
    : encodeObject(value, path, ancestors);
  ancestors.delete(value);
  return text;
}

function encodeArray(items: readonly unknown[], path: string, ancestors: Set<object>): string {
  const parts: string[] = [];
  // Index loop rather than map(): map() skips holes, and a hole must be refused.
  for (let i = 0; i < items.length; i++) parts.push(encode(items[i], `${path}[${i}]`, ancestors));
  return `[${parts.join(',')}]`;
}

function encodeObject(value: object, path: string, ancestors: Set<object>): string {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new Refused('unsupported-type', path);
  // String `<` compares UTF-16 code units, which is exactly the JCS member order.
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
  const members = entries.map(([key, member]: [string, unknown]) => {
    const memberPath = memberPathOf(path, key);
    if (key === '__proto__') throw new Refused('reserved-member-name', memberPath);
    return `${encodeString(key, memberPath)}:${encode(member, memberPath, ancestors)}`;
  });
  return `{${members.join(',')}}`;
}

function memberPathOf(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
