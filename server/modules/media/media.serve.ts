import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import type { KuaanApp } from '../../plugins/types.js';
import { parseRange } from './media.range.js';

/** Keys the server makes: a few plain segments and one extension; no `..`, no empty segments. */
const KEY = /^(?:[A-Za-z0-9_-]{1,64}\/){0,4}[A-Za-z0-9_-]{1,64}(?:\.[A-Za-z0-9]{1,8})?$/;

/** True for a key the media route may look up; anything else cannot name a stored blob. */
export function isServableKey(key: string): boolean {
  return key.length <= 256 && KEY.test(key);
}

function setFileHeaders(reply: FastifyReply, contentType: string, etag: string): void {
  // A key's bytes never change (a new upload gets a new key), so caches may keep them forever.
  reply.header('cache-control', 'public, max-age=31536000, immutable');
  reply.header('etag', etag);
  reply.header('accept-ranges', 'bytes');
  reply.header('x-content-type-options', 'nosniff');
  // Opened directly, a stored file can run nothing and load nothing.
  reply.header('content-security-policy', "default-src 'none'; sandbox");
  reply.header('content-type', contentType);
}

/** GET /media/<key>: stored files from whichever blob store is configured, with Range support. */
export function mediaFileRoutes(app: KuaanApp, ctx: AppContext): void {
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = (request.params as { '*': string })['*'];
    if (!isServableKey(key)) throw notFound('media');
    const info = await ctx.blobs.head(key);
    if (!info) throw notFound('media');

    // Keys are immutable, so key and size identify the bytes: no hashing of content needed.
    const etag = `"${createHash('sha256').update(`${key}\0${info.size}`).digest('base64url').slice(0, 27)}"`;
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')) {
      setFileHeaders(reply, info.contentType, etag);
      return reply.status(304).send();
    }

    const ifRange = request.headers['if-range'];
    const range = ifRange && ifRange !== etag ? { kind: 'whole' as const } : parseRange(request.headers.range, info.size);
    if (range.kind === 'unsatisfiable') {
      reply.header('content-range', `bytes */${info.size}`);
      throw new AppError(416, 'range_not_satisfiable', { size: info.size });
    }

    const partial = range.kind === 'partial' ? { start: range.start, end: range.end } : undefined;
    // HEAD shares this handler; opening the file only to discard it would leak a stream.
    const blob = request.method === 'HEAD' ? null : await ctx.blobs.get(key, partial);
    // Deleted between head and get.
    if (request.method !== 'HEAD' && !blob) throw notFound('media');

    setFileHeaders(reply, info.contentType, etag);
    if (partial) {
      reply.status(206);
      reply.header('content-range', `bytes ${partial.start}-${partial.end}/${info.size}`);
    }
    reply.header('content-length', partial ? partial.end - partial.start + 1 : info.size);
    return reply.send(blob?.body);
  };
  // HEAD is declared here rather than derived by Fastify, whose derived HEAD would report length 0.
  app.route({ method: ['GET', 'HEAD'], url: '/media/*', schema: { hide: true }, handler: serve });
}
