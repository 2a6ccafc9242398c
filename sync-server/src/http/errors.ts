import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ErrorBody } from '../../../src/core/sync/wire';

export type ErrorCode = ErrorBody['error'];

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly error: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function sendError(reply: FastifyReply, problem: HttpProblem) {
  const body: ErrorBody = { error: problem.error, message: problem.message };
  if (problem.details !== undefined) body.details = problem.details;
  return reply.code(problem.status).send(body);
}

/** zod issues as `{ path, message }`, the path optionally prefixed (row index of a push). */
export function issueDetails(issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[] = []) {
  return issues.slice(0, 20).map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
  }));
}

export const badRequest = (message: string, details?: unknown) =>
  new HttpProblem(400, 'bad-request', message, details);
export const unauthenticated = (message: string) => new HttpProblem(401, 'unauthenticated', message);
export const forbidden = (message: string, details?: unknown) =>
  new HttpProblem(403, 'forbidden', message, details);

/** Fastify's own errors (body parsing, size) in the protocol's error format. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) return sendError(reply, error);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return sendError(
        reply,
        new HttpProblem(413, 'payload-too-large', 'request body is over the size limit'),
      );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
      return sendError(reply, badRequest('content-type must be application/json'));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, badRequest(error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, new HttpProblem(500, 'internal', 'internal error'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      new HttpProblem(404, 'not-found', `no route ${request.method} ${request.url.split('?')[0]}`),
    ),
  );
}
