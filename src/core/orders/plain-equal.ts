// Structural equality of JSON-like data (objects, arrays, strings, numbers,
// booleans, null), ignoring object key order: two copies of an order that
// went through different JSON encoders are still the same order. A key whose
// value is undefined counts as absent, as it would after a JSON round trip.

export function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => plainEqual(item, b[i]));
  }
  const aEntries = Object.entries(a).filter(([, v]) => v !== undefined);
  const bEntries = new Map(Object.entries(b).filter(([, v]) => v !== undefined));
  return (
    aEntries.length === bEntries.size &&
    aEntries.every(([k, v]) => bEntries.has(k) && plainEqual(v, bEntries.get(k)))
  );
}

/** Compares two lists of records keyed by `key`, ignoring their order. */
export function sameRecordsByKey<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): boolean {
  if (a.length !== b.length) return false;
  const byKey = new Map(b.map((item) => [key(item), item]));
  if (byKey.size !== b.length || new Set(a.map(key)).size !== a.length) return false;
  return a.every((item) => plainEqual(item, byKey.get(key(item))));
}

/** Code-unit order, the order UUIDv7 strings sort by time in; unlike localeCompare it never depends on the host. */
export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
