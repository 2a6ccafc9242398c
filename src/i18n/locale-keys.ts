// Flattens a resource tree to "a.b.c" → words, for the locale tests and tools.

export type ResourceTree = { readonly [key: string]: string | ResourceTree };

export function flattenResources(tree: ResourceTree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [k, v] of flattenResources(value, path)) flat.set(k, v);
  }
  return flat;
}

/** The {{placeholders}} of one sentence, sorted. */
export const placeholdersOf = (words: string): string[] =>
  [...words.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

/**
 * What is wrong between two languages' resources: a key present in one only,
 * an empty sentence, or placeholders that differ. Empty when they agree.
 */
export function compareLocales(languages: Readonly<Record<string, ResourceTree>>): string[] {
  const flat = Object.entries(languages).map(
    ([language, tree]) => [language, flattenResources(tree)] as const,
  );
  const allKeys = new Set(flat.flatMap(([, map]) => [...map.keys()]));
  const problems: string[] = [];
  for (const key of [...allKeys].sort()) {
    const present = flat.filter(([, map]) => map.has(key));
    for (const [language, map] of flat) {
      if (!map.has(key)) problems.push(`${language}: missing ${key}`);
      else if ((map.get(key) ?? '').trim() === '') problems.push(`${language}: empty ${key}`);
    }
    const shapes = new Set(present.map(([, map]) => placeholdersOf(map.get(key) ?? '').join(',')));
    if (shapes.size > 1) problems.push(`placeholders differ for ${key}`);
  }
  return problems;
}
