import { Type } from 'typebox';
import { IdParams, Ok } from '../../../contract/common.js';
import { LIMITS } from '../../../contract/limits.js';
import { CaptionBody, CaptionParams, CaptionTranslateQuery, ChooseFrameBody, Video } from '../../../contract/video.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { requireViewer } from '../../plugins/auth.js';
import { localeOf } from '../../plugins/locale.js';
import type { KuaanApp } from '../../plugins/types.js';
import { unattachedVideos, captionsOf } from './video.repo.js';
import { CaptionsService } from './video.captions.js';
import { registerVideoJobs, scheduleUploadSweep, videoPipeline, videoService } from './video.jobs.js';
import { videoUploadRoutes } from './video.tus.js';
import { videoDto, videoView } from './video.views.js';

/** Video notes: the tus upload endpoint, the author's view of processing, posters and captions. */
export function videoRoutes(app: KuaanApp, ctx: AppContext): void {
  const pipeline = videoPipeline(ctx);
  const service = videoService(ctx, pipeline);
  const captions = new CaptionsService(ctx);
  const db = ctx.database.db;
  registerVideoJobs(ctx, pipeline);
  app.addHook('onReady', async () => {
    await scheduleUploadSweep(ctx);
  });
  videoUploadRoutes(app, ctx, service);
  const writeLimit = { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } };

  app.get(
    '/api/videos',
    { schema: { tags: ['videos'], summary: 'My videos not yet posted in a note (uploads in progress, processing, ready).', response: { 200: Type.Object({ items: Type.Array(Video) }) } } },
    async (request) => {
      const viewer = requireViewer(request);
      const rows = await unattachedVideos(db, viewer.userId, LIMITS.page.max);
      const caps = await captionsOf(
        db,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => videoDto(r, caps.filter((c) => c.video_id === r.id), localeOf(request))) };
    },
  );

  app.get('/api/videos/:id', { schema: { tags: ['videos'], params: IdParams, response: { 200: Video } } }, async (request) => {
    await captions.visibleVideo(request.viewer?.userId ?? null, request.params.id);
    const video = await videoView(db, request.params.id, localeOf(request));
    if (!video) throw notFound('video');
    return video;
  });

  app.delete('/api/videos/:id', { schema: { tags: ['videos'], params: IdParams, response: { 200: Ok } }, config: writeLimit }, async (request) => {
    await service.deleteOwn(requireViewer(request).userId, request.params.id);
    return { ok: true as const };
  });

  app.post(
    '/api/videos/:id/poster',
    { schema: { tags: ['videos'], summary: 'Make the frame at atMs the cover.', params: IdParams, body: ChooseFrameBody, response: { 200: Video } }, config: writeLimit },
    async (request) => {
      await service.chooseFrame(requireViewer(request).userId, request.params.id, request.body.atMs);
      return (await videoView(db, request.params.id, localeOf(request)))!;
    },
  );

  // Caption bodies are WebVTT text, not JSON; the parser is scoped to these routes.
  app.register(async (scope) => {
    scope.addContentTypeParser(['text/vtt', 'text/plain'], { parseAs: 'string', bodyLimit: LIMITS.video.captionBytes + 1024 }, (_req, body, done) =>
      done(null, body),
    );
    scope.put(
      '/api/videos/:id/captions/:lang',
      {
        schema: { tags: ['videos'], summary: 'Add or replace the WebVTT captions in one language.', consumes: ['text/vtt'], params: CaptionParams, body: CaptionBody, response: { 200: Video } },
        config: writeLimit,
      },
      async (request) => {
        // This scope is a plain Fastify instance (no TypeBox provider); the schema has validated these.
        const { id, lang } = request.params as CaptionParams;
        await captions.put(requireViewer(request).userId, id, lang, request.body as string);
        return (await videoView(db, id, localeOf(request)))!;
      },
    );
  });

  app.delete(
    '/api/videos/:id/captions/:lang',
    { schema: { tags: ['videos'], params: CaptionParams, response: { 200: Video } }, config: writeLimit },
    async (request) => {
      await captions.remove(requireViewer(request).userId, request.params.id, request.params.lang);
      return (await videoView(db, request.params.id, localeOf(request)))!;
    },
  );

  app.get(
    '/api/videos/:id/captions/:lang/translation',
    {
      schema: { tags: ['videos'], summary: 'A caption track translated into another language (WebVTT).', params: CaptionParams, querystring: CaptionTranslateQuery },
      config: { rateLimit: { max: ctx.config.translation.perUserPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const vtt = await captions.translate(request.viewer?.userId ?? null, request.params.id, request.params.lang, request.query.to);
      return reply.header('content-type', 'text/vtt; charset=utf-8').header('cache-control', 'private, max-age=300').send(vtt);
    },
  );
}
