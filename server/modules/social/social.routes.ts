import { IdParams, Page, PageQuery } from '../../../contract/common.js';
import { NoteCard } from '../../../contract/notes.js';
import { CollectBody, CollectState, HandleParams, LikeState, RelationState, UserListItem } from '../../../contract/social.js';
import type { AppContext } from '../../context.js';
import { pageLimit } from '../../db/pagination.js';
import { requireViewer } from '../../plugins/auth.js';
import type { KuaanApp } from '../../plugins/types.js';
import { regionGate } from '../moderation/region-gate.js';
import { boardsRoutes } from './boards.routes.js';
import { EngagementService } from './engagement.service.js';
import { GraphService } from './graph.service.js';
import { bodyDefaultsToEmpty } from './optional-body.js';
import { loadListOwner } from './social.policy.js';
import { collectsPageView, followListView, likesPageView } from './social.views.js';

/** Follows, blocks, likes and collects of notes, and the lists they make. */
export function socialRoutes(app: KuaanApp, ctx: AppContext): void {
  const graph = new GraphService(ctx);
  const engagement = new EngagementService(ctx);
  const db = ctx.database.db;
  const writeLimit = { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } };
  const relation = { tags: ['social'], params: HandleParams, response: { 200: RelationState } };

  app.post('/api/users/:handle/follow', { schema: relation, config: writeLimit }, async (request) =>
    graph.follow(requireViewer(request).userId, request.params.handle),
  );
  app.delete('/api/users/:handle/follow', { schema: relation, config: writeLimit }, async (request) =>
    graph.unfollow(requireViewer(request).userId, request.params.handle),
  );
  app.post('/api/users/:handle/block', { schema: relation, config: writeLimit }, async (request) =>
    graph.block(requireViewer(request).userId, request.params.handle),
  );
  app.delete('/api/users/:handle/block', { schema: relation, config: writeLimit }, async (request) =>
    graph.unblock(requireViewer(request).userId, request.params.handle),
  );

  for (const direction of ['followers', 'following'] as const) {
    app.get(
      `/api/users/:handle/${direction}`,
      { schema: { tags: ['social'], params: HandleParams, querystring: PageQuery, response: { 200: Page(UserListItem) } } },
      async (request) => {
        const viewerId = request.viewer?.userId ?? null;
        const owner = await loadListOwner(db, viewerId, request.params.handle);
        return followListView(db, direction, owner.id, viewerId, request.query.cursor, pageLimit(request.query.limit));
      },
    );
  }

  const cards = { tags: ['social'], params: HandleParams, querystring: PageQuery, response: { 200: Page(NoteCard) } };
  app.get('/api/users/:handle/collects', { schema: cards }, async (request) => {
    const viewerId = request.viewer?.userId ?? null;
    const owner = await loadListOwner(db, viewerId, request.params.handle);
    const gate = await regionGate(ctx, request, 'placeholder');
    return collectsPageView(db, { userId: owner.id }, viewerId, request.query.cursor, pageLimit(request.query.limit), gate);
  });
  app.get('/api/users/:handle/likes', { schema: cards }, async (request) => {
    const viewerId = request.viewer?.userId ?? null;
    const owner = await loadListOwner(db, viewerId, request.params.handle);
    const gate = await regionGate(ctx, request, 'placeholder');
    return likesPageView(db, owner.id, viewerId, request.query.cursor, pageLimit(request.query.limit), gate);
  });

  const like = { tags: ['social'], params: IdParams, response: { 200: LikeState } };
  app.post('/api/notes/:id/like', { schema: like, config: writeLimit }, async (request) =>
    engagement.likeNote(requireViewer(request).userId, request.params.id),
  );
  app.delete('/api/notes/:id/like', { schema: like, config: writeLimit }, async (request) =>
    engagement.unlikeNote(requireViewer(request).userId, request.params.id),
  );

  app.post(
    '/api/notes/:id/collect',
    {
      schema: { tags: ['social'], params: IdParams, body: CollectBody, response: { 200: CollectState } },
      config: writeLimit,
      preValidation: bodyDefaultsToEmpty,
    },
    async (request) => engagement.collect(requireViewer(request).userId, request.params.id, request.body.boardId),
  );
  app.delete(
    '/api/notes/:id/collect',
    { schema: { tags: ['social'], params: IdParams, response: { 200: CollectState } }, config: writeLimit },
    async (request) => engagement.uncollect(requireViewer(request).userId, request.params.id),
  );

  boardsRoutes(app, ctx);
}
