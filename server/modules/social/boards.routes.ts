import { IdParams, Ok, Page, PageQuery } from '../../../contract/common.js';
import { NoteCard } from '../../../contract/notes.js';
import { Board, CreateBoardBody, HandleParams, UpdateBoardBody } from '../../../contract/social.js';
import type { AppContext } from '../../context.js';
import { pageLimit } from '../../db/pagination.js';
import { requireViewer } from '../../plugins/auth.js';
import type { KuaanApp } from '../../plugins/types.js';
import { regionGate } from '../moderation/region-gate.js';
import { BoardsService } from './boards.service.js';
import { loadListOwner, loadOwnBoard, loadVisibleBoard } from './social.policy.js';
import { boardsPageView, boardView, collectsPageView } from './social.views.js';

/** Named boards that collected notes go into. */
export function boardsRoutes(app: KuaanApp, ctx: AppContext): void {
  const service = new BoardsService(ctx);
  const db = ctx.database.db;
  const writeLimit = { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } };

  app.get(
    '/api/users/:handle/boards',
    { schema: { tags: ['boards'], params: HandleParams, querystring: PageQuery, response: { 200: Page(Board) } } },
    async (request) => {
      const viewerId = request.viewer?.userId ?? null;
      const owner = await loadListOwner(db, viewerId, request.params.handle);
      return boardsPageView(db, owner.id, viewerId, request.query.cursor, pageLimit(request.query.limit));
    },
  );

  app.post(
    '/api/boards',
    { schema: { tags: ['boards'], body: CreateBoardBody, response: { 201: Board } }, config: writeLimit },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await service.create(viewer.userId, request.body);
      return reply.status(201).send(await boardView(db, await loadOwnBoard(db, id, viewer.userId), viewer.userId));
    },
  );

  app.get('/api/boards/:id', { schema: { tags: ['boards'], params: IdParams, response: { 200: Board } } }, async (request) => {
    const viewerId = request.viewer?.userId ?? null;
    return boardView(db, await loadVisibleBoard(db, request.params.id, viewerId), viewerId);
  });

  app.patch(
    '/api/boards/:id',
    { schema: { tags: ['boards'], params: IdParams, body: UpdateBoardBody, response: { 200: Board } }, config: writeLimit },
    async (request) => {
      const viewer = requireViewer(request);
      await service.update(viewer.userId, request.params.id, request.body);
      return boardView(db, await loadOwnBoard(db, request.params.id, viewer.userId), viewer.userId);
    },
  );

  app.delete(
    '/api/boards/:id',
    { schema: { tags: ['boards'], params: IdParams, response: { 200: Ok } }, config: writeLimit },
    async (request) => {
      await service.remove(requireViewer(request).userId, request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/boards/:id/notes',
    { schema: { tags: ['boards'], params: IdParams, querystring: PageQuery, response: { 200: Page(NoteCard) } } },
    async (request) => {
      const viewerId = request.viewer?.userId ?? null;
      const board = await loadVisibleBoard(db, request.params.id, viewerId);
      const gate = await regionGate(ctx, request, 'placeholder');
      return collectsPageView(db, { boardId: board.id }, viewerId, request.query.cursor, pageLimit(request.query.limit), gate);
    },
  );
}
