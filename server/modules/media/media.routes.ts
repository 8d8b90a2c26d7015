import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdParams, Ok } from '../../../contract/common.js';
import { LIMITS } from '../../../contract/limits.js';
import { UPLOAD_FIELD, UploadImageBody, UploadImageResponse } from '../../../contract/media.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { requireViewer } from '../../plugins/auth.js';
import type { KuaanApp } from '../../plugins/types.js';
import { mediaFileRoutes } from './media.serve.js';
import { MediaService } from './media.service.js';

const MAX_BYTES = LIMITS.upload.maxBytes;
/** Room for the multipart envelope (boundaries, part headers) around a file of the maximum size. */
const ENVELOPE_BYTES = 64 * 1024;

function tooLarge(reply: FastifyReply): AppError {
  // The client may still be sending the rest of a huge body: close the connection after the answer
  // instead of letting the server read and discard it.
  reply.header('connection', 'close');
  return new AppError(413, 'image_too_large', { limit: MAX_BYTES / 1024 / 1024 }, UPLOAD_FIELD);
}

const missingFile = () => new AppError(400, 'upload_missing_file', {}, UPLOAD_FIELD);

/** Reads a stream into memory, giving up (and destroying it) the moment it passes `max` bytes. */
async function readUpTo(stream: Readable, max: number, reply: FastifyReply): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > max) {
      stream.destroy();
      throw tooLarge(reply);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}

/** The uploaded file's bytes, or a 4xx naming what is wrong with the request. */
async function receiveFile(request: FastifyRequest, reply: FastifyReply): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BYTES + ENVELOPE_BYTES) throw tooLarge(reply);
  if (!request.isMultipart()) throw missingFile();
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file({
      // One byte over the limit is enough to know it is too large; busboy stops keeping data there.
      limits: { fileSize: MAX_BYTES + 1, files: 1, fields: 10, parts: 12, fieldSize: 1024, headerPairs: 20 },
      throwFileSizeLimit: false,
    });
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 413) throw tooLarge(reply);
    throw missingFile();
  }
  if (!part || part.fieldname !== UPLOAD_FIELD) throw missingFile();
  return readUpTo(part.file, MAX_BYTES, reply);
}

export function mediaRoutes(app: KuaanApp, ctx: AppContext): void {
  const service = new MediaService(ctx);

  // Multipart parsing lives in its own encapsulated scope so JSON routes never accept form bodies.
  app.register(async (scope) => {
    await scope.register(multipart, { throwFileSizeLimit: false });
    scope.post(
      '/api/media',
      {
        schema: {
          tags: ['media'],
          summary: 'Upload an image (multipart field "file"); metadata is stripped and WebP sizes are made.',
          consumes: ['multipart/form-data'],
          body: UploadImageBody,
          response: { 201: UploadImageResponse },
        },
        // The body schema is for the OpenAPI document: the handler reads the multipart stream itself
        // (so it can stop at the size limit), and there is nothing parsed to validate beforehand.
        validatorCompiler: () => () => true,
        config: { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const bytes = await receiveFile(request, reply);
        const image = await service.uploadImage(viewer.userId, bytes);
        return reply.status(201).send(image);
      },
    );
  });

  app.delete(
    '/api/media/:id',
    {
      schema: { tags: ['media'], params: IdParams, response: { 200: Ok } },
      config: { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await service.deleteOwn(viewer.userId, request.params.id);
      return { ok: true as const };
    },
  );

  mediaFileRoutes(app, ctx);
}
