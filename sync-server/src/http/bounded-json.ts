import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors';

/**
 * Deepest nesting of objects and arrays a request body may have. A push row
 * is about 8 deep (array, row, document, payload, lines, line, discount,
 * amount); the core's canonical JSON refuses past 64 (MAX_CANONICAL_DEPTH).
 */
export const MAX_BODY_DEPTH = 64;

/**
 * The first thing in a parsed body that no handler may see: nesting past
 * MAX_BODY_DEPTH (recursive code would overflow the stack on it), or U+0000
 * in a string or member name (PostgreSQL stores it in neither text nor
 * jsonb, so a retried push could never succeed). Iterative, so a hostile
 * body cannot overflow this check either.
 */
export function bodyProblem(body: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { value, depth } = top;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return 'a string holds U+0000, which cannot be stored';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) return `the body is nested deeper than ${MAX_BODY_DEPTH} levels`;
    const members = Array.isArray(value) ? value : Object.entries(value);
    for (const member of members) {
      if (Array.isArray(value)) {
        stack.push({ value: member, depth: depth + 1 });
        continue;
      }
      const [key, inner] = member as [string, unknown];
      if (key.includes('\u0000')) return 'a member name holds U+0000, which cannot be stored';
      stack.push({ value: inner, depth: depth + 1 });
    }
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
