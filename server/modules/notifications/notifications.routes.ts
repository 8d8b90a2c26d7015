import { Page, PageQuery } from '../../../contract/common.js';
import { MarkReadBody, Notification, UnreadCount } from '../../../contract/notifications.js';
import type { AppContext } from '../../context.js';
import { pageLimit } from '../../db/pagination.js';
import { requireViewer } from '../../plugins/auth.js';
import type { KuaanApp } from '../../plugins/types.js';
import { bodyDefaultsToEmpty } from '../social/optional-body.js';
import { markRead, unreadCount } from './notifications.repo.js';
import { notificationsView } from './notifications.views.js';

export function notificationsRoutes(app: KuaanApp, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get(
    '/api/notifications',
    { schema: { tags: ['notifications'], querystring: PageQuery, response: { 200: Page(Notification) } } },
    async (request) => notificationsView(db, requireViewer(request).userId, request.query.cursor, pageLimit(request.query.limit)),
  );

  app.get(
    '/api/notifications/unread-count',
    { schema: { tags: ['notifications'], response: { 200: UnreadCount } } },
    async (request) => ({ unread: await unreadCount(db, requireViewer(request).userId) }),
  );

  // Marking read is the viewer's own bookkeeping on their own rows: a single UPDATE scoped to them.
  app.post(
    '/api/notifications/read',
    {
      schema: { tags: ['notifications'], body: MarkReadBody, response: { 200: UnreadCount } },
      preValidation: bodyDefaultsToEmpty,
      config: { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } },
    },
    async (request) => {
      const viewerId = requireViewer(request).userId;
      await markRead(db, viewerId, request.body.ids, ctx.clock.now());
      return { unread: await unreadCount(db, viewerId) };
    },
  );
}
