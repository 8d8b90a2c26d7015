import type { NoteHitPage, SearchSort, SearchTime, TopicHit, TopicHitPage, TrendingTopics, Typeahead, UserHit, UserHitPage } from '../../../contract/search.js';
import { LIMITS } from '../../../contract/limits.js';
import type { Executor } from '../../db/database.js';
import { decodeCursor, encodeCursor, pageLimit } from '../../db/pagination.js';
import { isRunnable, type SearchIndex, type SearchQuery } from '../../infra/search/search-index.js';
import { userSummaries } from '../accounts/accounts.views.js';
import type { RegionGate } from '../moderation/region-gate.js';
import { noteCards } from '../notes/notes.views.js';
import type { LearnerAids } from '../translation/learner-aids.js';
import { highlight, matchedVia, needlesOf } from './search.match.js';
import { buildQuery, type QueryCache, type QueryOptions } from './search.query.js';
import * as repo from './search.repo.js';
import type { SearchText } from './search.text.js';

export interface SearchDeps {
  db: Executor;
  index: SearchIndex;
  text: SearchText;
  aids: LearnerAids;
  now: () => number;
  /** Expanded queries kept between requests (the routes pass one per app). */
  queries?: QueryCache;
}

type Key = [number, string];

const SORT_COLUMN: Record<SearchSort, repo.NoteSortColumn> = {
  relevance: 'score',
  likes: 'like_count',
  newest: 'created_at',
  comments: 'comment_count',
  collects: 'collect_count',
};
const DAY = 24 * 60 * 60 * 1000;
const WINDOW: Record<SearchTime, number> = { day: DAY, week: 7 * DAY, half_year: 182 * DAY };

const empty = { items: [], nextCursor: null };

async function query(deps: SearchDeps, q: string | undefined, options: QueryOptions): Promise<SearchQuery | null> {
  if (!q) return null;
  const built = deps.queries ? await deps.queries.get(deps.text, deps.aids, q, options) : await buildQuery(deps.text, deps.aids, q, options);
  return built && isRunnable(built) ? built : null;
}

/** Folds Traditional characters one for one so highlight offsets stay those of the original text. */
async function simplifier(deps: SearchDeps): Promise<(s: string) => string> {
  const dict = await deps.aids.dictionary();
  return (s) => dict.simplifyChars(s);
}

export interface NoteSearchInput {
  q?: string;
  sort?: SearchSort;
  type?: 'photo' | 'text' | 'video';
  time?: SearchTime;
  cursor?: string;
  limit?: number;
  /** moderation (issue 7): regional rules for the viewer's region (placeholders), if any. */
  gate?: RegionGate | null;
}

/** Notes the viewer may see that match, with how each matched and what to highlight. */
export async function searchNotes(deps: SearchDeps, viewerId: string | null, input: NoteSearchInput): Promise<NoteHitPage> {
  const limit = pageLimit(input.limit);
  const after = decodeCursor<Key>(input.cursor, ['number', 'string']);
  const built = await query(deps, input.q, { prefix: 'last', translate: true });
  if (!built) return empty;
  const rows = await repo.noteMatches(deps.db, deps.index, built, {
    viewerId,
    ...(input.type ? { type: input.type } : {}),
    ...(input.time ? { since: deps.now() - WINDOW[input.time] } : {}),
    sort: SORT_COLUMN[input.sort ?? 'relevance'],
    after,
    limit,
  });
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const [cards, stored, simplify] = await Promise.all([
    noteCards(deps.db, ids, viewerId, input.gate),
    repo.storedFields(deps.db, 'note', ids),
    simplifier(deps),
  ]);
  const needles = needlesOf(built);
  const last = page.at(-1);
  return {
    items: cards.map((note) => {
      const doc = stored.get(note.id);
      return {
        note,
        matchedVia: doc ? matchedVia(built, doc) : 'text',
        highlights: { title: highlight(note.title, needles, simplify), excerpt: highlight(note.excerpt, needles, simplify) },
      };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor([last.key, last.id]) : null,
  };
}

async function userHits(deps: SearchDeps, built: SearchQuery, rows: repo.UserMatchRow[]): Promise<UserHit[]> {
  const ids = rows.map((r) => r.id);
  const [summaries, stored, simplify] = await Promise.all([userSummaries(deps.db, ids), repo.storedFields(deps.db, 'user', ids), simplifier(deps)]);
  const needles = needlesOf(built);
  const out: UserHit[] = [];
  for (const r of rows) {
    const user = summaries.get(r.id);
    if (!user) continue;
    const doc = stored.get(r.id);
    out.push({
      user,
      bio: r.bio,
      followerCount: r.follower_count,
      noteCount: r.note_count,
      matchedVia: doc ? matchedVia(built, doc) : 'text',
      highlights: {
        handle: highlight(r.handle, needles, simplify),
        displayName: highlight(r.display_name, needles, simplify),
        bio: highlight(r.bio, needles, simplify),
      },
    });
  }
  return out;
}

async function topicHits(deps: SearchDeps, built: SearchQuery, rows: repo.TopicRow[]): Promise<TopicHit[]> {
  const [stored, simplify] = await Promise.all([repo.storedFields(deps.db, 'topic', rows.map((r) => r.id)), simplifier(deps)]);
  const needles = needlesOf(built);
  return rows.map((r) => {
    const doc = stored.get(r.id);
    return {
      topic: { name: r.name, noteCount: r.note_count, viewCount: r.view_count, commentCount: r.comment_count },
      matchedVia: doc ? matchedVia(built, doc) : 'text',
      highlights: { name: highlight(r.name, needles, simplify) },
    };
  });
}

/** People whose handle, name (or its pinyin) or bio match; blocked either way left out. */
export async function searchUsers(deps: SearchDeps, viewerId: string | null, input: { q?: string; cursor?: string; limit?: number }): Promise<UserHitPage> {
  const limit = pageLimit(input.limit);
  const after = decodeCursor<Key>(input.cursor, ['number', 'string']);
  const built = await query(deps, input.q, { prefix: 'last', translate: true });
  if (!built) return empty;
  const rows = await repo.userMatches(deps.db, deps.index, built, viewerId, after, limit);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: await userHits(deps, built, page), nextCursor: rows.length > limit && last ? encodeCursor([last.score, last.id]) : null };
}

/** Topics whose name (or its pinyin) matches. */
export async function searchTopics(deps: SearchDeps, input: { q?: string; cursor?: string; limit?: number }): Promise<TopicHitPage> {
  const limit = pageLimit(input.limit);
  const after = decodeCursor<Key>(input.cursor, ['number', 'string']);
  const built = await query(deps, input.q, { prefix: 'last', translate: true });
  if (!built) return empty;
  const rows = await repo.topicMatches(deps.db, deps.index, built, after, limit);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: await topicHits(deps, built, page), nextCursor: rows.length > limit && last ? encodeCursor([last.score, last.id]) : null };
}

/**
 * Name matches a typeahead ranks: the most followed of the newest 500. A short prefix can match
 * thousands of names, of which any window is a sample; a full one (2,000) cost PostgreSQL a hash of
 * every person to join them and SQLite bm25 over all 2,000 (bench/search.md). Each letter typed
 * narrows the matches, and the people search page takes the full window.
 */
const TYPEAHEAD_WINDOW = 500;

/** People and topics by name as the query is typed: every word a prefix, the most followed and used first. */
export async function typeahead(deps: SearchDeps, viewerId: string | null, q: string | undefined): Promise<Typeahead> {
  const expanded = await query(deps, q, { prefix: 'all', translate: true });
  if (!expanded) return { users: [], topics: [] };
  // Completions come from names: "co" suggests Cora and @cozy_cat, not everyone whose bio says coffee.
  const built = { ...expanded, namesOnly: true, window: TYPEAHEAD_WINDOW };
  const n = LIMITS.search.typeahead;
  const [users, topics] = await Promise.all([
    repo.userMatches(deps.db, deps.index, built, viewerId, null, n - 1, true),
    repo.topicMatches(deps.db, deps.index, built, null, n - 1, true),
  ]);
  return { users: await userHits(deps, built, users.slice(0, n)), topics: await topicHits(deps, built, topics.slice(0, n)) };
}

/** Topics ranked by recent public notes, with their view counts. */
export async function trending(deps: SearchDeps): Promise<TrendingTopics> {
  const since = deps.now() - LIMITS.search.trendingDays * DAY;
  const rows = await repo.trendingTopics(deps.db, since, LIMITS.search.trending);
  return {
    items: rows.map((r) => ({
      name: r.name,
      noteCount: r.note_count,
      viewCount: r.view_count,
      commentCount: r.comment_count,
      recentNotes: r.recent,
    })),
  };
}

/**
 * How long a node serves the same trending topics (the web keeps them a minute too). They are the
 * same for every viewer, so the route computes them once per this TTL (13–16 ms at size M: the
 * week's tag rows and their notes) through a Refreshing, not once per visit to the search page.
 */
export const TRENDING_TTL_MS = 30_000;
