import type { Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { badRequest } from './errors';

/**
 * A Fastify preParsing hook for a route that takes compressed bodies
 * (`content-encoding: gzip` or `deflate`; `identity` or none: as sent). The
 * route's bodyLimit then bounds the body once decompressed: Fastify counts
 * what comes out of the stream returned here and stops at the limit (413),
 * so a small compressed body cannot inflate without bound.
 */
export async function decompressRequestBody(request: FastifyRequest, _reply: unknown, payload: Readable) {
  const encoding = String(request.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding === 'identity') return payload;
  if (encoding !== 'gzip' && encoding !== 'deflate')
    throw badRequest(`content-encoding ${encoding} is not accepted: gzip, deflate or identity`);
  const inflate = encoding === 'gzip' ? createGunzip() : createInflate();
  // Fastify compares this with content-length, and bounds it by the body limit too.
  const decoded = inflate as typeof inflate & { receivedEncodedLength: number };
  decoded.receivedEncodedLength = 0;
  payload.on('data', (chunk: Buffer) => {
    decoded.receivedEncodedLength += chunk.length;
  });
  payload.on('error', (error) => inflate.destroy(error));
  payload.pipe(inflate);
  return inflate;
}
