import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB, SearchKind } from '../../db/schema/index.js';
import type { SearchIndex, SearchQuery } from '../../infra/search/search-index.js';
import { RECOMMENDABLE_STATES } from '../moderation/recommendable.js';

/** Keyset position: the sort value and the id of the last row served. */
export type After = [number, string] | null;

export type NoteSortColumn = 'score' | 'like_count' | 'created_at' | 'comment_count' | 'collect_count';

export interface NoteFilter {
  viewerId: string | null;
  type?: 'photo' | 'text' | 'video';
  /** Only notes created at or after this time. */
  since?: number;
  sort: NoteSortColumn;
  after: After;
  limit: number;
}

type Eb = ExpressionBuilder<DB & { m: { ref_id: string; score: number } }, 'notes' | 'm'>;

/** People on the other side of a block from the viewer, either direction. */
function blockedFor(db: Executor, viewerId: string) {
  return db
    .selectFrom('blocks')
    .select('blocked_id as id')
    .where('blocker_id', '=', viewerId)
    .union(db.selectFrom('blocks').select('blocker_id as id').where('blocked_id', '=', viewerId));
}

/** notes.policy canViewNote as SQL: public; mutuals-only between mutuals; own notes; never across a block. */
function visibleTo(db: Executor, eb: Eb, viewerId: string | null) {
  if (!viewerId) return eb('notes.visibility', '=', 'public');
  const mutuals = db
    .selectFrom('follows as a')
    .innerJoin('follows as b', (j) => j.onRef('b.follower_id', '=', 'a.followee_id').onRef('b.followee_id', '=', 'a.follower_id'))
    .select('a.followee_id')
    .where('a.follower_id', '=', viewerId);
  return eb.and([
    eb('notes.author_id', 'not in', blockedFor(db, viewerId)),
    eb.or([
      eb('notes.visibility', '=', 'public'),
      eb('notes.author_id', '=', viewerId),
      eb.and([eb('notes.visibility', '=', 'mutuals'), eb('notes.author_id', 'in', mutuals)]),
    ]),
  ]);
}

export interface NoteMatchRow {
  id: string;
  key: number;
}

/** Matching notes the viewer may see, sorted by the chosen column (desc) then id, after the cursor. */
export async function noteMatches(db: Executor, index: SearchIndex, query: SearchQuery, f: NoteFilter): Promise<NoteMatchRow[]> {
  const key = f.sort === 'score' ? sql<number>`m.score` : sql<number>`notes.${sql.ref(f.sort)}`;
  // By relevance every sort key comes from the window, so the database can order the window's rows
  // first and look up notes only until the page is full, instead of joining all of them (ADR 0006).
  const id = f.sort === 'score' ? sql<string>`m.ref_id` : sql<string>`notes.id`;
  let q = db
    .selectFrom(index.matches('note', query))
    .innerJoin('notes', 'notes.id', 'm.ref_id')
    .select(['notes.id as id', key.as('key')])
    // moderation (issue 7): limited, held and removed notes are not search candidates.
    .where('notes.moderation_state', 'in', RECOMMENDABLE_STATES)
    .where((eb) => visibleTo(db, eb, f.viewerId));
  if (f.type) q = q.where('notes.type', '=', f.type);
  if (f.since !== undefined) q = q.where('notes.created_at', '>=', f.since);
  if (f.after) {
    const [value, after] = f.after;
    q = q.where((eb) => eb(eb.refTuple(key, id), '<', eb.tuple(value, after)));
  }
  const rows = await q.orderBy(key, 'desc').orderBy(id, 'desc').limit(f.limit + 1).execute();
  return rows.map((r) => ({ id: r.id, key: Number(r.key) }));
}

export interface UserMatchRow {
  id: string;
  score: number;
  handle: string;
  display_name: string;
  bio: string;
  follower_count: number;
  note_count: number;
}

/** Matching people, blocked either way left out; by score, or by followers for the typeahead. */
export async function userMatches(
  db: Executor,
  index: SearchIndex,
  query: SearchQuery,
  viewerId: string | null,
  after: After,
  limit: number,
  popularFirst = false,
): Promise<UserMatchRow[]> {
  let q = db
    .selectFrom(index.matches('user', query))
    .innerJoin('users', 'users.id', 'm.ref_id')
    .select(['users.id', 'm.score', 'users.handle', 'users.display_name', 'users.bio', 'users.follower_count', 'users.note_count']);
  if (viewerId) q = q.where('users.id', 'not in', blockedFor(db, viewerId));
  if (after) {
    const [score, id] = after;
    q = q.where((eb) => eb(eb.refTuple('m.score', 'users.id'), '<', eb.tuple(score, id)));
  }
  if (popularFirst) q = q.orderBy('users.follower_count', 'desc');
  const rows = await q.orderBy('m.score', 'desc').orderBy('users.id', 'desc').limit(limit + 1).execute();
  return rows.map((r) => ({ ...r, score: Number(r.score), follower_count: Number(r.follower_count), note_count: Number(r.note_count) }));
}

export interface TopicRow {
  id: string;
  score: number;
  name: string;
  note_count: number;
  view_count: number;
  comment_count: number;
}

/** Matching topics that still have notes. */
export async function topicMatches(
  db: Executor,
  index: SearchIndex,
  query: SearchQuery,
  after: After,
  limit: number,
  popularFirst = false,
): Promise<TopicRow[]> {
  let q = db
    .selectFrom(index.matches('topic', query))
    .innerJoin('hashtags', 'hashtags.id', 'm.ref_id')
    .select(['hashtags.id', 'm.score', 'hashtags.name', 'hashtags.note_count', 'hashtags.view_count', 'hashtags.comment_count'])
    .where('hashtags.note_count', '>', 0);
  if (after) {
    const [score, id] = after;
    q = q.where((eb) => eb(eb.refTuple('m.score', 'hashtags.id'), '<', eb.tuple(score, id)));
  }
  if (popularFirst) q = q.orderBy('hashtags.note_count', 'desc');
  const rows = await q.orderBy('m.score', 'desc').orderBy('hashtags.id', 'desc').limit(limit + 1).execute();
  return rows.map(numericTopic);
}

function numericTopic<T extends { note_count: number; view_count: number; comment_count: number }>(r: T): T {
  return { ...r, note_count: Number(r.note_count), view_count: Number(r.view_count), comment_count: Number(r.comment_count) };
}

/** The stored terms of documents, to tell how each matched. */
export async function storedFields(db: Executor, kind: SearchKind, refIds: string[]) {
  if (refIds.length === 0) return new Map<string, { title: string; names: string; body: string }>();
  const rows = await db
    .selectFrom('search_documents')
    .select(['ref_id', 'title', 'names', 'body'])
    .where('kind', '=', kind)
    .where('ref_id', 'in', refIds)
    .execute();
  return new Map(rows.map((r) => [r.ref_id, r]));
}

/** Topics by public notes tagged since `since`, then views; topped up with the most viewed when quiet. */
export async function trendingTopics(db: Executor, since: number, limit: number) {
  const recent = await db
    .selectFrom('note_hashtags')
    // A CROSS JOIN keeps SQLite to this order: the window's tag rows (22,000 a week at size M) by their
    // created_at index, then each one's note by key. As an inner join it chose to walk all 960,000
    // public notes by visibility and look up their tags: 620 ms a call, against 13 (bench/route-sweep.md).
    // PostgreSQL plans a cross join with a join condition like any other join.
    .crossJoin('notes')
    .whereRef('notes.id', '=', 'note_hashtags.note_id')
    .select((eb) => ['note_hashtags.hashtag_id as id', eb.fn.countAll<number>().as('recent')])
    .where('note_hashtags.created_at', '>=', since)
    .where('notes.visibility', '=', 'public')
    .groupBy('note_hashtags.hashtag_id')
    .orderBy('recent', 'desc')
    .limit(limit)
    .execute();
  const recentById = new Map(recent.map((r) => [r.id, Number(r.recent)]));
  const tags = recent.length
    ? await db.selectFrom('hashtags').selectAll().where('id', 'in', [...recentById.keys()]).where('note_count', '>', 0).execute()
    : [];
  if (tags.length < limit) {
    let more = db.selectFrom('hashtags').selectAll().where('note_count', '>', 0);
    if (recentById.size) more = more.where('id', 'not in', [...recentById.keys()]);
    tags.push(...(await more.orderBy('view_count', 'desc').orderBy('note_count', 'desc').limit(limit - tags.length).execute()));
  }
  return tags
    .map((t) => ({ ...numericTopic(t), recent: recentById.get(t.id) ?? 0 }))
    .sort((a, b) => b.recent - a.recent || b.view_count - a.view_count || b.note_count - a.note_count);
}

// ——— what the indexer reads ———

export interface NoteSource {
  id: string;
  title: string;
  body: string;
  location_label: string | null;
  tags: string[];
  alts: string[];
}

/** Notes with their hashtags and image descriptions, for indexing. */
export async function noteSources(db: Executor, ids: string[]): Promise<NoteSource[]> {
  if (ids.length === 0) return [];
  const [notes, tags, alts] = await Promise.all([
    // In id order, so a batch gets its doc_ids (which decide the match window and the recent tier) in
    // creation order rather than in whatever order the database reads the rows.
    db.selectFrom('notes').select(['id', 'title', 'body', 'location_label']).where('id', 'in', ids).orderBy('id').execute(),
    db
      .selectFrom('note_hashtags')
      .innerJoin('hashtags', 'hashtags.id', 'note_hashtags.hashtag_id')
      .select(['note_hashtags.note_id', 'hashtags.name'])
      .where('note_hashtags.note_id', 'in', ids)
      .execute(),
    db.selectFrom('note_media').select(['note_id', 'alt_text']).where('note_id', 'in', ids).where('alt_text', '<>', '').execute(),
  ]);
  const group = <R extends { note_id: string }>(rows: R[], pick: (r: R) => string) => {
    const m = new Map<string, string[]>();
    for (const r of rows) m.set(r.note_id, [...(m.get(r.note_id) ?? []), pick(r)]);
    return m;
  };
  const tagsOf = group(tags, (r) => r.name);
  const altsOf = group(alts, (r) => r.alt_text);
  return notes.map((n) => ({ ...n, tags: tagsOf.get(n.id) ?? [], alts: altsOf.get(n.id) ?? [] }));
}

/** Topics of the notes that have no search document yet. */
export async function unindexedTopicIdsOfNotes(db: Executor, noteIds: string[]): Promise<string[]> {
  if (noteIds.length === 0) return [];
  const rows = await db
    .selectFrom('note_hashtags')
    .select('hashtag_id')
    .distinct()
    .where('note_id', 'in', noteIds)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('search_documents')
            .select('search_documents.ref_id')
            .where('search_documents.kind', '=', 'topic')
            .whereRef('search_documents.ref_id', '=', 'note_hashtags.hashtag_id'),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.hashtag_id);
}

export async function userSources(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'handle', 'display_name', 'bio']).where('id', 'in', ids).execute();
}

export async function topicSources(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('hashtags').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** Ids of a table in id order after `after`, a batch at a time (for the full reindex). */
export async function idBatch(db: Executor, table: 'notes' | 'users' | 'hashtags', after: string | null, limit: number): Promise<string[]> {
  let q = db.selectFrom(table).select('id');
  if (after) q = q.where('id', '>', after);
  return (await q.orderBy('id').limit(limit).execute()).map((r) => r.id);
}

export async function countOf(db: Executor, table: 'notes' | 'users' | 'hashtags'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** People changed at or after `since` (the user sweep), oldest change first. */
export async function usersChangedSince(db: Executor, since: number, limit: number) {
  return db.selectFrom('users').select(['id', 'updated_at']).where('updated_at', '>=', since).orderBy('updated_at').orderBy('id').limit(limit).execute();
}

/** People changed after a (updated_at, id) position, in that order: the sweep catching up batch by batch. */
export async function usersChangedAfter(db: Executor, after: { at: number; id: string }, limit: number) {
  return db
    .selectFrom('users')
    .select(['id', 'updated_at'])
    .where((eb) => eb(eb.refTuple('updated_at', 'id'), '>', eb.tuple(after.at, after.id)))
    .orderBy('updated_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}
