// Helpers for the consistency checks that the sale and return schemas run on
// top of their shapes.

export interface RecordIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

type Path = (string | number)[];

function isMoneyLike(value: object): value is { minor: unknown; currency: unknown } {
  return 'minor' in value && 'currency' in value;
}

/** Every amount anywhere in `record` that is not in `currency`. */
export function foreignCurrencyIssues(record: unknown, currency: string, path: Path = []): RecordIssue[] {
  if (typeof record !== 'object' || record === null) return [];
  if (isMoneyLike(record)) {
    return record.currency === currency ? [] : [{ path, message: `amount not in ${currency}` }];
  }
  const entries: [string | number, unknown][] = Array.isArray(record)
    ? record.map((v, i) => [i, v])
    : Object.entries(record);
  return entries.flatMap(([key, value]) => foreignCurrencyIssues(value, currency, [...path, key]));
}

export function duplicateIssues(values: readonly string[], path: Path, what: string): RecordIssue[] {
  const seen = new Set<string>();
  const issues: RecordIssue[] = [];
  values.forEach((value, i) => {
    if (seen.has(value)) issues.push({ path: [...path, i], message: `duplicate ${what} ${value}` });
    seen.add(value);
  });
  return issues;
}

/**
 * Runs arithmetic checks that may overflow on hostile input: the money
 * functions throw RangeError beyond safe integers, which becomes an issue.
 */
export function guarded(check: () => RecordIssue[]): RecordIssue[] {
  try {
    return check();
  } catch (thrown) {
    if (thrown instanceof RangeError)
      return [{ path: [], message: `amounts out of range: ${thrown.message}` }];
    throw thrown;
  }
}
