import { Page, PageQuery } from '../../../contract/common.js';
import { HandleParams, TopicNotesQuery, TopicParams } from '../../../contract/feed.js';
import { NoteCard, Topic } from '../../../contract/notes.js';
import type { AppContext } from '../../context.js';
import { requireViewer } from '../../plugins/auth.js';
import type { KuaanApp } from '../../plugins/types.js';
import { regionGate } from '../moderation/region-gate.js';
import { discoverRoutes } from './discover.routes.js';
import { followingPage, profileNotesPage, topicNotesPage, topicView } from './feed.views.js';

const CardPage = Page(NoteCard);

export function feedRoutes(app: KuaanApp, ctx: AppContext): void {
  const db = ctx.database.db;
  discoverRoutes(app, ctx);

  app.get('/api/feed/following', { schema: { tags: ['feed'], querystring: PageQuery, response: { 200: CardPage } } }, async (request) =>
    followingPage(db, requireViewer(request).userId, { ...request.query, gate: await regionGate(ctx, request, 'placeholder') }),
  );

  app.get(
    '/api/users/:handle/notes',
    { schema: { tags: ['feed'], params: HandleParams, querystring: PageQuery, response: { 200: CardPage } } },
    async (request) =>
      profileNotesPage(db, request.params.handle, request.viewer?.userId ?? null, { ...request.query, gate: await regionGate(ctx, request, 'placeholder') }),
  );

  app.get('/api/topics/:name', { schema: { tags: ['topics'], params: TopicParams, response: { 200: Topic } } }, async (request) => {
    const { hashtagId, topic } = await topicView(db, request.params.name);
    // Registered by notesRoutes; looked up per request so module order does not matter.
    app.viewCounter.topicViewed(hashtagId);
    return topic;
  });

  app.get(
    '/api/topics/:name/notes',
    { schema: { tags: ['topics'], params: TopicParams, querystring: TopicNotesQuery, response: { 200: CardPage } } },
    async (request) =>
      topicNotesPage(db, request.params.name, request.viewer?.userId ?? null, { ...request.query, gate: await regionGate(ctx, request, 'placeholder') }),
  );
}
