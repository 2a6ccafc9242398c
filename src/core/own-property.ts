// Lookups into constant tables with a key that came from outside (a country
// typed at the kiosk, a status read from a replicated order, an event from the
// UI). `table[key]` would answer "toString", "constructor" or "__proto__" with
// a member of Object.prototype; this answers only the table's own entries.

/** `table[key]` when `key` is one of the table's own members, else undefined. */
export function ownProperty<V>(table: { readonly [key: string]: V }, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
