import { NoteHitPage, SearchNotesQuery, SearchQuery, TopicHitPage, TrendingTopics, Typeahead, TypeaheadQuery, UserHitPage } from '../../../contract/search.js';
import type { AppContext } from '../../context.js';
import { Refreshing } from '../../infra/refreshing.js';
import type { KuaanApp } from '../../plugins/types.js';
import { regionGate } from '../moderation/region-gate.js';
import { scheduleUserSweep } from './search.jobs.js';
import { QueryCache } from './search.query.js';
import { SearchText } from './search.text.js';
import { type SearchDeps, searchNotes, searchTopics, searchUsers, TRENDING_TTL_MS, trending, typeahead } from './search.views.js';

export function searchRoutes(app: KuaanApp, ctx: AppContext): void {
  const deps: SearchDeps = {
    db: ctx.database.db,
    index: ctx.search,
    text: new SearchText(ctx.translator.aids),
    aids: ctx.translator.aids,
    now: () => ctx.clock.now(),
    queries: new QueryCache(),
  };
  const viewer = (request: { viewer?: { userId: string } | null }) => request.viewer?.userId ?? null;

  app.get('/api/search/notes', { schema: { tags: ['search'], querystring: SearchNotesQuery, response: { 200: NoteHitPage } } }, async (request) =>
    searchNotes(deps, viewer(request), { ...request.query, gate: await regionGate(ctx, request, 'placeholder') }),
  );

  app.get('/api/search/users', { schema: { tags: ['search'], querystring: SearchQuery, response: { 200: UserHitPage } } }, async (request) =>
    searchUsers(deps, viewer(request), request.query),
  );

  app.get('/api/search/topics', { schema: { tags: ['search'], querystring: SearchQuery, response: { 200: TopicHitPage } } }, async (request) =>
    searchTopics(deps, request.query),
  );

  app.get('/api/search/typeahead', { schema: { tags: ['search'], querystring: TypeaheadQuery, response: { 200: Typeahead } } }, async (request) =>
    typeahead(deps, viewer(request), request.query.q),
  );

  // A static route: Fastify matches it before /api/topics/:name.
  const trendingTopics = new Refreshing(() => trending(deps));
  app.get('/api/topics/trending', { schema: { tags: ['topics'], response: { 200: TrendingTopics } } }, async () =>
    trendingTopics.get(deps.now(), TRENDING_TTL_MS),
  );

  // The job queue's workers live as long as the app: started when it is ready, stopped (letting the
  // jobs in hand finish) when it closes.
  app.addHook('onReady', async () => {
    await scheduleUserSweep(ctx, 0);
    ctx.queue.start();
  });
  app.addHook('onClose', async () => {
    await ctx.events.settle();
    await ctx.queue.stop();
  });
}
