import { IdParams } from '../../../contract/common.js';
import {
  DiscoverPage,
  DiscoverQuery,
  FeedPreferences,
  NotInterestedBody,
  NotInterestedItem,
  NotInterestedList,
  UpdateFeedPreferencesBody,
} from '../../../contract/discover.js';
import { TopicParams } from '../../../contract/feed.js';
import type { AppContext } from '../../context.js';
import { requireViewer } from '../../plugins/auth.js';
import { localeOf } from '../../plugins/locale.js';
import type { KuaanApp } from '../../plugins/types.js';
import { regionGate } from '../moderation/region-gate.js';
import { NOTE_FACTS_CHANNEL } from './discover.facts.js';
/** The bus channel on which a node says a reader changed something their Discover depends on. */
export const READER_CHANNEL = 'feed.reader';
import { DiscoverPipeline } from './discover.pipeline.js';
import { DiscoverService } from './discover.service.js';
import { type DiscoverRanker, DiscoverThreads } from './discover.threads.js';

/** Discover (the ranked waterfall or the chronological one) and the reader's controls over it. */
export function discoverRoutes(app: KuaanApp, ctx: AppContext): void {
  // Per app instance (never module-level): shared candidate pools for 5 s, arranged lists per reader,
  // on the event loop or on threads of their own (DISCOVER_THREADS).
  let pipeline: DiscoverRanker;
  if (ctx.config.discoverThreads > 0) {
    const threads = new DiscoverThreads(ctx.config, ctx.config.discoverThreads, (details, message) => ctx.log.warn(details, message));
    app.addHook('onReady', async () => threads.start());
    app.addHook('onClose', () => threads.close());
    pipeline = threads;
  } else {
    pipeline = new DiscoverPipeline(ctx.database.db, ctx.translator, () => ctx.clock.now());
  }
  ctx.events.on('note.created', (e) => pipeline.noteAdded(e.noteId));
  ctx.events.on('note.deleted', () => pipeline.noteRemoved());
  // A reader changed what their Discover depends on (followed someone, a control, "not interested"):
  // every node ranks their next first page afresh instead of reusing a list for up to 30 s.
  ctx.bus.subscribe(READER_CHANNEL, (m) => pipeline.forget((m as { userId: string }).userId));
  const changed = async (userId: string) => {
    pipeline.forget(userId);
    await ctx.bus.publish(READER_CHANNEL, { userId });
  };
  ctx.events.on('user.followed', (e) => changed(e.followerId));
  // A note's topics can change on edit: every node forgets what it knew of the note (NoteFacts).
  ctx.bus.subscribe(NOTE_FACTS_CHANNEL, (m) => pipeline.forgetNote((m as { noteId: string }).noteId));
  for (const event of ['note.updated', 'note.deleted'] as const) {
    ctx.events.on(event, async (e) => {
      pipeline.forgetNote(e.noteId);
      await ctx.bus.publish(NOTE_FACTS_CHANNEL, { noteId: e.noteId });
    });
  }
  const service = new DiscoverService(ctx);
  const writeLimit = { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } };

  app.get('/api/feed/discover', { schema: { tags: ['feed'], querystring: DiscoverQuery, response: { 200: DiscoverPage } } }, async (request) =>
    pipeline.page({ viewerId: request.viewer?.userId ?? null, locale: localeOf(request), ...request.query, region: await regionGate(ctx, request, 'omit') }),
  );

  app.get('/api/me/feed-preferences', { schema: { tags: ['feed'], response: { 200: FeedPreferences } } }, async (request) =>
    service.preferences(requireViewer(request).userId),
  );
  app.patch(
    '/api/me/feed-preferences',
    { schema: { tags: ['feed'], body: UpdateFeedPreferencesBody, response: { 200: FeedPreferences } }, config: writeLimit },
    async (request) => {
      const { userId } = requireViewer(request);
      const prefs = await service.updatePreferences(userId, request.body);
      await changed(userId);
      return prefs;
    },
  );

  app.get('/api/feed/not-interested', { schema: { tags: ['feed'], response: { 200: NotInterestedList } } }, async (request) =>
    service.listNotInterested(requireViewer(request).userId),
  );
  app.post(
    '/api/feed/not-interested',
    { schema: { tags: ['feed'], body: NotInterestedBody, response: { 200: NotInterestedItem } }, config: writeLimit },
    async (request) => {
      const { userId } = requireViewer(request);
      const mark = await service.markNotInterested(userId, request.body);
      await changed(userId);
      return mark;
    },
  );
  app.delete(
    '/api/feed/not-interested/notes/:id',
    { schema: { tags: ['feed'], params: IdParams }, config: writeLimit },
    async (request, reply) => {
      const { userId } = requireViewer(request);
      await service.undoNotInterested(userId, 'note', request.params.id);
      await changed(userId);
      return reply.code(204).send();
    },
  );
  app.delete(
    '/api/feed/not-interested/topics/:name',
    { schema: { tags: ['feed'], params: TopicParams }, config: writeLimit },
    async (request, reply) => {
      const { userId } = requireViewer(request);
      await service.undoNotInterested(userId, 'topic', request.params.name);
      await changed(userId);
      return reply.code(204).send();
    },
  );
}
