import { Comment, CommentThread, CreateCommentBody } from '../../../contract/comments.js';
import { IdParams, Ok, Page, PageQuery } from '../../../contract/common.js';
import { LikeState } from '../../../contract/social.js';
import type { AppContext } from '../../context.js';
import { pageLimit } from '../../db/pagination.js';
import { notFound } from '../../errors.js';
import { requireViewer } from '../../plugins/auth.js';
import type { KuaanApp } from '../../plugins/types.js';
import { loadVisibleNote } from '../notes/notes.policy.js';
import { loadVisibleComment } from './comments.policy.js';
import { findComment } from './comments.repo.js';
import { CommentsService } from './comments.service.js';
import { commentView, repliesView, threadsView } from './comments.views.js';

export function commentsRoutes(app: KuaanApp, ctx: AppContext): void {
  const service = new CommentsService(ctx, ctx.stickers);
  const db = ctx.database.db;
  const writeLimit = { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } };

  app.get(
    '/api/notes/:id/comments',
    { schema: { tags: ['comments'], params: IdParams, querystring: PageQuery, response: { 200: Page(CommentThread) } } },
    async (request) => {
      const viewerId = request.viewer?.userId ?? null;
      const note = await loadVisibleNote(db, request.params.id, viewerId);
      return threadsView(db, note, viewerId, request.query.cursor, pageLimit(request.query.limit));
    },
  );

  app.post(
    '/api/notes/:id/comments',
    { schema: { tags: ['comments'], params: IdParams, body: CreateCommentBody, response: { 201: Comment } }, config: writeLimit },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const { comment, noteAuthorId } = await service.post(viewer.userId, request.params.id, request.body);
      return reply.status(201).send(await commentView(db, comment, noteAuthorId, viewer.userId));
    },
  );

  app.get(
    '/api/comments/:id/replies',
    { schema: { tags: ['comments'], params: IdParams, querystring: PageQuery, response: { 200: Page(Comment) } } },
    async (request) => {
      const viewerId = request.viewer?.userId ?? null;
      const { comment, note } = await loadVisibleComment(db, request.params.id, viewerId);
      // Asking for the replies of a reply means its thread: there is no third level.
      const top = comment.parent_id ? await findComment(db, comment.parent_id) : comment;
      if (!top) throw notFound('comment');
      return repliesView(db, top, note.author_id, viewerId, request.query.cursor, pageLimit(request.query.limit));
    },
  );

  app.delete(
    '/api/comments/:id',
    { schema: { tags: ['comments'], params: IdParams, response: { 200: Ok } }, config: writeLimit },
    async (request) => {
      await service.remove(requireViewer(request).userId, request.params.id);
      return { ok: true as const };
    },
  );

  const like = { tags: ['comments'], params: IdParams, response: { 200: LikeState } };
  app.post('/api/comments/:id/like', { schema: like, config: writeLimit }, async (request) =>
    service.like(requireViewer(request).userId, request.params.id),
  );
  app.delete('/api/comments/:id/like', { schema: like, config: writeLimit }, async (request) =>
    service.unlike(requireViewer(request).userId, request.params.id),
  );
}
