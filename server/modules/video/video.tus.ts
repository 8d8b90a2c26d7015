import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Id } from '../../../contract/common.js';
import { VIDEO_ID_HEADER, VIDEO_UPLOAD_PATH } from '../../../contract/video.js';
import type { AppContext } from '../../context.js';
import { newId } from '../../db/ids.js';
import { AppError } from '../../errors.js';
import { requireViewer } from '../../plugins/auth.js';
import type { KuaanApp } from '../../plugins/types.js';
import { UPLOAD_EXPIRY_MS } from './video.jobs.js';
import type { VideoService } from './video.service.js';

const ID = new RegExp((Id as unknown as { pattern: string }).pattern);
const TUS_BODY = 'application/offset+octet-stream';

/**
 * The resumable upload endpoint (tus 1.0 via @tus/server): POST creates an upload, HEAD tells how far
 * it got, PATCH appends from there, DELETE abandons it. Fastify stays in front, so the session
 * cookie, the Origin check and the rate limits apply as to any other write; only an upload's owner
 * reaches it. Bytes land in the data folder (node-local: a cluster routes an upload's requests to
 * one node, see ADR 0009); the finished file moves into the blob store and a processing job is queued.
 */
export function videoUploadRoutes(app: KuaanApp, ctx: AppContext, service: VideoService): void {
  const directory = path.join(ctx.config.dataDir, 'uploads', 'video');
  const owners = new WeakMap<Request, string>();
  const tus = new Server({
    path: VIDEO_UPLOAD_PATH,
    datastore: new FileStore({ directory, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS }),
    maxSize: ctx.config.video.maxBytes,
    relativeLocation: true,
    // Same origin only: no CORS headers at all.
    allowedOrigins: [],
    namingFunction: () => newId(),
    async onUploadCreate(req, upload) {
      const owner = owners.get(req as unknown as Request);
      if (!owner) throw { status_code: 401, body: 'Unauthorized\n' };
      await service.uploadCreated(owner, upload.id, upload.size ?? 0);
      // Client metadata (file names above all) is not kept: it can carry personal details.
      return { metadata: {} };
    },
    async onUploadFinish(_req, upload) {
      await service.uploadFinished(upload.id, path.join(directory, upload.id));
      await fsp.rm(path.join(directory, `${upload.id}.json`), { force: true });
      return { headers: { [VIDEO_ID_HEADER]: upload.id } };
    },
  });

  const toTus = async (request: FastifyRequest, ownerId: string): Promise<Response> => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    }
    const streamed = request.headers['content-type'] === TUS_BODY && (request.method === 'PATCH' || request.method === 'POST');
    const webRequest = new Request(new URL(request.url, 'http://upload.invalid'), {
      method: request.method,
      headers,
      ...(streamed ? { body: Readable.toWeb(request.raw) as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit);
    owners.set(webRequest, ownerId);
    return tus.handleWeb(webRequest);
  };
  const send = async (reply: FastifyReply, response: Response) => {
    reply.status(response.status);
    response.headers.forEach((value, name) => {
      if (name !== 'content-length') reply.header(name, value);
    });
    return reply.send(await response.text());
  };

  // Partial files are node-local, so every node clears its own expired ones (the rows go in a job).
  const expire = setInterval(() => {
    tus.cleanUpExpiredUploads().catch((err) => ctx.log.warn({ err }, 'expiring video uploads failed'));
  }, 60 * 60 * 1000);
  expire.unref();
  app.addHook('onClose', async () => clearInterval(expire));

  const writeLimit = { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } };
  app.register(async (scope) => {
    // tus bodies are raw bytes for tus to stream to disk: leave them unread here.
    scope.addContentTypeParser(TUS_BODY, (_request, _payload, done) => done(null));

    scope.post(VIDEO_UPLOAD_PATH, { schema: { hide: true }, config: writeLimit }, async (request, reply) => {
      const viewer = requireViewer(request);
      const length = Number(request.headers['upload-length']);
      if (Number.isFinite(length) && length > ctx.config.video.maxBytes) {
        throw new AppError(413, 'video_too_large', { limit: Math.round(ctx.config.video.maxBytes / 1024 / 1024) });
      }
      return send(reply, await toTus(request, viewer.userId));
    });

    scope.route({
      method: ['HEAD', 'PATCH', 'DELETE'],
      url: `${VIDEO_UPLOAD_PATH}/:id`,
      schema: { hide: true },
      config: writeLimit,
      handler: async (request, reply) => {
        const viewer = requireViewer(request);
        const id = (request.params as { id: string }).id;
        // Someone else's upload, a finished one, or a made-up id: all the same 404.
        if (!ID.test(id) || (await service.uploadOwner(id)) !== viewer.userId) throw new AppError(404, 'upload_not_found');
        const response = await toTus(request, viewer.userId);
        // Every byte is in but finishing failed last time (say, the store was down): finish now, since
        // a client that finds its upload complete will not send another PATCH.
        const length = response.headers.get('upload-length');
        if (request.method === 'HEAD' && length !== null && response.headers.get('upload-offset') === length) {
          await service.uploadFinished(id, path.join(directory, id));
          await fsp.rm(path.join(directory, `${id}.json`), { force: true });
        }
        // An abandoned upload leaves no video behind (before the answer, so the client sees it gone).
        if (request.method === 'DELETE' && response.status < 300) await service.deleteOwn(viewer.userId, id);
        return send(reply, response);
      },
    });
  });
}
