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

/**
 * Every amount anywhere in `record` that is not in `currency`. The server
 * runs it on every sale of every upload: one walk with one path stack, copied
 * only for an issue (copying the path and the members at each level was a
 * tenth of a 1,000-sale upload's validation).
 */
export function foreignCurrencyIssues(record: unknown, currency: string, path: Path = []): RecordIssue[] {
  const issues: RecordIssue[] = [];
  collectForeign(record, currency, [...path], issues);
  return issues;
}

function collectForeign(value: unknown, currency: string, at: Path, issues: RecordIssue[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (isMoneyLike(value)) {
    if (value.currency !== currency) issues.push({ path: [...at], message: `amount not in ${currency}` });
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      collectForeign(value[i], currency, at, issues);
      at.pop();
    }
    return;
  }
  for (const [key, member] of Object.entries(value)) {
    at.push(key);
    collectForeign(member, currency, at, issues);
    at.pop();
  }
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
