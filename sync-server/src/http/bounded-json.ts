import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors';

/**
 * Deepest nesting of objects and arrays a request body may have. A push row
 * is about 8 deep (array, row, document, payload, lines, line, discount,
 * amount); the core's canonical JSON refuses past 64 (MAX_CANONICAL_DEPTH).
 */
export const MAX_BODY_DEPTH = 64;

const TOO_DEEP = `the body is nested deeper than ${MAX_BODY_DEPTH} levels`;
const NUL_IN_STRING = 'a string holds U+0000, which cannot be stored';
const NUL_IN_NAME = 'a member name holds U+0000, which cannot be stored';

/**
 * The first thing in a parsed body that no handler may see: nesting past
 * MAX_BODY_DEPTH (recursive code would overflow the stack on it), or U+0000
 * in a string or member name (PostgreSQL stores it in neither text nor
 * jsonb, so a retried push could never succeed). It recurses, but never
 * past MAX_BODY_DEPTH levels, so a hostile body cannot overflow it; it
 * allocates nothing per value (a stack of { value, depth } records and the
 * members listed as pairs cost 11 ms of every 1,000-sale journal upload,
 * and as much again in garbage collection).
 */
export function bodyProblem(body: unknown): string | null {
  return problemIn(body, 0);
}

function problemIn(value: unknown, depth: number): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? NUL_IN_STRING : null;
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_BODY_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = problemIn(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key.includes('\u0000')) return NUL_IN_NAME;
    const problem = problemIn(record[key], depth + 1);
    if (problem) return problem;
  }
  return null;
}

/**
 * Fastify's own JSON parser (with its __proto__ and constructor poisoning
 * checks), followed by bodyProblem: a refused body is a 400 before any route
 * runs.
 */
export function installBoundedJson(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
    parse(
      request,
      typeof text === 'string' ? text : text.toString('utf8'),
      (error: Error | null, body?: unknown) => {
        if (error) return done(error, undefined);
        const problem = bodyProblem(body);
        if (problem) return done(badRequest(problem), undefined);
        done(null, body);
      },
    );
  });
}
