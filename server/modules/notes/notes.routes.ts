import { IdParams, Ok } from '../../../contract/common.js';
import { CreateNoteBody, Note, UpdateNoteBody } from '../../../contract/notes.js';
import type { AppContext } from '../../context.js';
import { requireViewer } from '../../plugins/auth.js';
import { regionOf } from '../../plugins/region.js';
import type { KuaanApp } from '../../plugins/types.js';
import { NotesService } from './notes.service.js';
import { noteView } from './notes.views.js';
import { registerTopicScoreJobs, scheduleTopicScores } from './topic-scores.jobs.js';
import { createViewCounter, type ViewCounter } from './view-counter.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Buffered note and topic view counts (flushed on a timer and on close). */
    viewCounter: ViewCounter;
  }
}

export function notesRoutes(app: KuaanApp, ctx: AppContext): void {
  const service = new NotesService(ctx);
  const db = ctx.database.db;
  const views = createViewCounter(ctx);
  app.decorate('viewCounter', views);
  views.start(ctx.config.viewFlushMs);
  app.addHook('onClose', async () => {
    views.stop();
    await views.flush();
  });
  registerTopicScoreJobs(ctx);
  app.addHook('onReady', () => scheduleTopicScores(ctx));
  const writeLimit = { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } };

  app.post(
    '/api/notes',
    { schema: { tags: ['notes'], body: CreateNoteBody, response: { 201: Note } }, config: writeLimit },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await service.create(viewer.userId, request.body);
      return reply.status(201).send(await noteView(db, id, viewer.userId));
    },
  );

  app.get('/api/notes/:id', { schema: { tags: ['notes'], params: IdParams, response: { 200: Note } } }, async (request) => {
    const viewerId = request.viewer?.userId ?? null;
    // moderation (issue 7): the viewer's region, from the header the operator's proxy sets (if any).
    const region = regionOf(request, ctx.config.moderation.regionHeader);
    const note = await noteView(db, request.params.id, viewerId, region);
    views.noteViewed(note.id, note.author.id, viewerId);
    return note;
  });

  app.patch(
    '/api/notes/:id',
    { schema: { tags: ['notes'], params: IdParams, body: UpdateNoteBody, response: { 200: Note } }, config: writeLimit },
    async (request) => {
      const viewer = requireViewer(request);
      await service.update(viewer.userId, request.params.id, request.body);
      return noteView(db, request.params.id, viewer.userId);
    },
  );

  app.delete(
    '/api/notes/:id',
    { schema: { tags: ['notes'], params: IdParams, response: { 200: Ok } }, config: writeLimit },
    async (request) => {
      const viewer = requireViewer(request);
      await service.delete(viewer.userId, request.params.id);
      return { ok: true as const };
    },
  );
}
