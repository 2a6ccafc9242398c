// The fast pass of canonicalJson (canonical-json.ts). It writes the same text
// as the careful encoder there for every value that encoder accepts, and gives
// up (undefined) on anything else without saying why: the careful encoder is
// then run to produce the refusal with its reason and path
// (canonical-json-fast.property.test.ts compares the two on any value). So it keeps no
// path and no set of ancestors, builds the text by concatenation, sorts the
// few members of small objects by insertion and remembers the text of member
// names, which entries repeat.
//
// Why each shortcut gives the same text as the careful encoder:
// - Member order: `<`/`>` on strings and Array.prototype.sort with no
//   comparator both order by UTF-16 code units, as the careful encoder's `<`
//   comparator does, and member names are unique, so any correct sort gives
//   the same order. Object.keys lists the same own enumerable string-keyed
//   members as Object.entries.
// - Strings: JSON.stringify escapes only `"`, `\`, U+0000-U+001F and lone
//   surrogates, so a string with none of those nor any surrogate is the string
//   itself between quotes. Others go through the careful checks and JSON.stringify.
// - Cycles: a cycle is endless nesting, so it always ends at the depth bound,
//   where the pass gives up and the careful encoder names the cycle.
// Anything thrown on the way (including a throwing getter) also means giving
// up: the careful encoder re-reads the value and throws or refuses itself.
// Values are read more than once then, and members in name order rather than
// Object.entries order: the same for data, which is all the journal holds,
// but a getter with side effects could tell the difference.

// Any code unit but those JSON.stringify writes as they are outside surrogate
// pairs: U+0020-U+D7FF and U+E000-U+FFFF except `"` (U+0022) and `\` (U+005C).
const NEEDS_CARE = /[^\u0020\u0021\u0023-\u005B\u005D-\uD7FF\uE000-\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Thrown to abandon the pass; never escapes this file. */
const GIVE_UP: unique symbol = Symbol('give up');

/**
 * The canonical JSON of `value`, or undefined when the value may be refused
 * (or a read of it threw). `maxDepth` is the most nested containers allowed.
 */
export function fastCanonicalText(value: unknown, maxDepth: number): string | undefined {
  try {
    return encode(value, maxDepth);
  } catch {
    return undefined;
  }
}

/** `room`: how many more containers may nest here. */
function encode(value: unknown, room: number): string {
  switch (typeof value) {
    case 'string':
      return encodeString(value);
    case 'number':
      // Safe integers only, and never -0 (which String() would write as "0").
      if (Number.isSafeInteger(value) && (value !== 0 || 1 / value > 0)) return String(value);
      throw GIVE_UP;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (room <= 0) throw GIVE_UP;
      return Array.isArray(value) ? encodeArray(value, room - 1) : encodeObject(value, room - 1);
    default:
      throw GIVE_UP;
  }
}

function encodeString(value: string): string {
  if (!NEEDS_CARE.test(value)) return `"${value}"`;
  if (LONE_SURROGATE.test(value)) throw GIVE_UP;
  return JSON.stringify(value);
}

function encodeArray(items: readonly unknown[], room: number): string {
  let text = '[';
  // Index loop: a hole reads as undefined and gives up, as it must.
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += ',';
    text += encode(items[i], room);
  }
  return `${text}]`;
}

function encodeObject(value: object, room: number): string {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw GIVE_UP;
  const members = value as Record<string, unknown>;
  const keys = sortedKeys(members);
  let text = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (i > 0) text += ',';
    text += encodeKey(key) + encode(members[key], room);
  }
  return `${text}}`;
}

/** Most members an object may have to be sorted by insertion (quadratic, but quicker on small ones). */
const INSERTION_SORT_MAX = 32;

function sortedKeys(members: object): string[] {
  const keys = Object.keys(members);
  if (keys.length > INSERTION_SORT_MAX) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    for (; j >= 0 && (keys[j] as string) > key; j--) keys[j + 1] = keys[j] as string;
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * `"name":` for each member name seen, since entries repeat the same few dozen
 * names. Bounded, so that documents full of distinct names cannot grow it.
 */
const keyTexts = new Map<string, string>();
const KEY_TEXTS_MAX = 1000;

function encodeKey(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    // Never remembered, so always checked here.
    if (key === '__proto__') throw GIVE_UP;
    text = `${encodeString(key)}:`;
    if (keyTexts.size >= KEY_TEXTS_MAX) keyTexts.clear();
    keyTexts.set(key, text);
  }
  return text;
}
