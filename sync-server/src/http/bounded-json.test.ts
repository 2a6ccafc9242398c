import { describe, expect, it } from 'vitest';
import { bodyProblem, MAX_BODY_DEPTH } from './bounded-json';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

describe('bodyProblem', () => {
  it('accepts an ordinary push body', () => {
    expect(
      bodyProblem([{ assumedMasterState: null, newDocumentState: { id: 'x', lines: [{ a: 'é' }] } }]),
    ).toBe(null);
  });

  it('refuses nesting past MAX_BODY_DEPTH, and checks 100,000 levels without overflowing', () => {
    expect(bodyProblem(nested(MAX_BODY_DEPTH))).toBe(null);
    expect(bodyProblem(nested(MAX_BODY_DEPTH + 1))).toMatch(/nested deeper than 64/);
    expect(bodyProblem(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toMatch(/nested/);
  });

  it('refuses U+0000 in a string or a member name, at any depth', () => {
    expect(bodyProblem({ a: [{ b: 'x\u0000' }] })).toMatch(/U\+0000/);
    expect(bodyProblem([{ 'k\u0000': 1 }])).toMatch(/member name/);
    expect(bodyProblem('\u0000')).toMatch(/U\+0000/);
  });
});
