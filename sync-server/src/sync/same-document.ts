import { canonicalJson } from '../../../src/core/journal/canonical-json';

/**
 * Two documents are the same when their canonical encodings are: key order
 * (which jsonb does not keep) never makes an identical re-send a conflict.
 */
export function sameDocument(a: unknown, b: unknown): boolean {
  const left = canonicalJson(a);
  const right = canonicalJson(b);
  return left.ok && right.ok && left.value === right.value;
}

/** The document without RxDB's tombstone flag. */
export function withoutDeletedFlag(state: Record<string, unknown>): Record<string, unknown> {
  const { _deleted: _ignored, ...doc } = state;
  return doc;
}
