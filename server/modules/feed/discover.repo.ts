import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DiscoverMode } from '../../db/schema/index.js';
import { LIMITS } from '../../../contract/limits.js';

/**
 * Queries of the Discover pipeline. Each candidate source is a short index range scan (notes_hot,
 * notes_recent, notes_author_covering, note_hashtags_hot) bounded by a LIMIT, so a page costs a
 * fixed number of small reads however large the community grows.
 */

/** What the pipeline knows about a candidate note after hydration. */
export interface CandidateRow {
  id: string;
  author_id: string;
  created_at: number;
  hot_score: number;
  like_count: number;
  collect_count: number;
  comment_count: number;
  lang: string | null;
  visibility: string;
  /** The moderation log's projection (ADR 0008): only 'normal' and 'labelled' notes are recommended. */
  moderation_state: string;
}

const CANDIDATE_COLUMNS = [
  'notes.id',
  'notes.author_id',
  'notes.created_at',
  'notes.hot_score',
  'notes.like_count',
  'notes.collect_count',
  'notes.comment_count',
  'notes.lang',
  'notes.visibility',
  'notes.moderation_state',
] as const;

function numeric(rows: CandidateRow[]): CandidateRow[] {
  for (const r of rows) {
    r.created_at = Number(r.created_at);
    r.hot_score = Number(r.hot_score);
    r.like_count = Number(r.like_count);
    r.collect_count = Number(r.collect_count);
    r.comment_count = Number(r.comment_count);
  }
  return rows;
}

/** The hottest public notes (shared by every reader; cached per instance). */
export async function hotPool(db: Executor, limit: number): Promise<CandidateRow[]> {
  const rows = await db
    .selectFrom('notes')
    .select(CANDIDATE_COLUMNS)
    .where('notes.visibility', '=', 'public')
    .orderBy('notes.hot_score', 'desc')
    .orderBy('notes.id', 'desc')
    .limit(limit)
    .execute();
  return numeric(rows as CandidateRow[]);
}

/**
 * The most engaged-with public notes created since `since`: what hot order alone misses, because its
 * newness term outweighs a few days of engagement. Walks notes_recent over the window and sorts by
 * engagement; shared by every reader and cached, so the scan runs once per pool lifetime.
 */
export async function popularPool(db: Executor, since: number, limit: number): Promise<CandidateRow[]> {
  const rows = await db
    .selectFrom('notes')
    .select(CANDIDATE_COLUMNS)
    .where('notes.visibility', '=', 'public')
    .where('notes.created_at', '>=', since)
    .orderBy((eb) => eb(eb('notes.like_count', '+', eb('notes.collect_count', '*', 2)), '+', eb('notes.comment_count', '*', 3)), 'desc')
    .orderBy('notes.id', 'desc')
    .limit(limit)
    .execute();
  return numeric(rows as CandidateRow[]);
}

/**
 * Recent public notes by people who joined within `sinceJoined` — a fair start for newcomers,
 * whose notes have had no time to collect engagement. Walks at most `scan` newest notes.
 */
export async function newcomerPool(db: Executor, sinceJoined: number, scan: number, limit: number): Promise<CandidateRow[]> {
  const recent = db
    .selectFrom('notes')
    .select(CANDIDATE_COLUMNS)
    .where('notes.visibility', '=', 'public')
    .orderBy('notes.created_at', 'desc')
    .orderBy('notes.id', 'desc')
    .limit(scan)
    .as('recent');
  const rows = await db
    .selectFrom(recent)
    .innerJoin('users', 'users.id', 'recent.author_id')
    .selectAll('recent')
    .where('users.created_at', '>=', sinceJoined)
    .orderBy('recent.created_at', 'desc')
    .limit(limit)
    .execute();
  return numeric(rows as CandidateRow[]);
}

/**
 * Public notes since `since` by the given authors, newest first: one seek per author on
 * notes_author_covering. Visibility is filtered here rather than in SQL, because a visibility
 * condition lets both planners prefer notes_recent and walk every note of the window instead.
 */
export async function recentByAuthors(db: Executor, authorIds: string[], since: number, limit: number): Promise<CandidateRow[]> {
  if (authorIds.length === 0) return [];
  const rows = await db
    .selectFrom('notes')
    .select(CANDIDATE_COLUMNS)
    .where('notes.author_id', 'in', authorIds)
    .where('notes.created_at', '>=', since)
    .orderBy('notes.created_at', 'desc')
    .limit(limit)
    .execute();
  return numeric((rows as CandidateRow[]).filter((r) => r.visibility === 'public'));
}

/** The hottest notes carrying one hashtag (note_hashtags_hot), visibility checked on the note. */
export async function hotInTopic(db: Executor, hashtagId: string, limit: number): Promise<CandidateRow[]> {
  const rows = await db
    .selectFrom('note_hashtags')
    .innerJoin('notes', 'notes.id', 'note_hashtags.note_id')
    .select(CANDIDATE_COLUMNS)
    .where('note_hashtags.hashtag_id', '=', hashtagId)
    // Only rows of notes that may be recommended, as the partial index holds (migration 0029).
    .where('note_hashtags.recommendable', '=', sql.lit(1))
    .where('notes.visibility', '=', 'public')
    .orderBy('note_hashtags.hot_score', 'desc')
    .orderBy('note_hashtags.note_id', 'desc')
    .limit(limit)
    .execute();
  return numeric(rows as CandidateRow[]);
}

/** Hashtags of the given notes: note id → [hashtag id, name][]. */
export async function hashtagsOfNotes(db: Executor, noteIds: string[]): Promise<Map<string, Array<[string, string]>>> {
  const out = new Map<string, Array<[string, string]>>();
  if (noteIds.length === 0) return out;
  const rows = await db
    .selectFrom('note_hashtags')
    .innerJoin('hashtags', 'hashtags.id', 'note_hashtags.hashtag_id')
    .select(['note_hashtags.note_id', 'hashtags.id', 'hashtags.name'])
    .where('note_hashtags.note_id', 'in', noteIds)
    .execute();
  for (const r of rows) {
    const list = out.get(r.note_id) ?? [];
    list.push([r.id, r.name]);
    out.set(r.note_id, list);
  }
  return out;
}

/** The author of each of the given notes that exists: note id → author id (by primary key). */
export async function authorsOfNotes(db: Executor, noteIds: string[]): Promise<Map<string, string>> {
  if (noteIds.length === 0) return new Map();
  const rows = await db.selectFrom('notes').select(['id', 'author_id']).where('id', 'in', noteIds).execute();
  return new Map(rows.map((r) => [r.id, r.author_id]));
}

/** Handles and join dates of the given authors. */
export async function authorsOf(db: Executor, ids: string[]): Promise<Map<string, { handle: string; createdAt: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'handle', 'created_at']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { handle: r.handle, createdAt: Number(r.created_at) }]));
}

/** Public notes newest first after a [created_at, id] cursor, blocked authors left out (chronological mode). */
export async function latestRows(db: Executor, blocked: string[], after: [number, string] | null, limit: number) {
  let q = db.selectFrom('notes').select(['notes.id', 'notes.created_at']).where('notes.visibility', '=', 'public');
  if (blocked.length) q = q.where('notes.author_id', 'not in', blocked);
  if (after) {
    const [at, id] = after;
    q = q.where((eb) => eb(eb.refTuple('notes.created_at', 'notes.id'), '<', eb.tuple(at, id)));
  }
  const rows = await q.orderBy('notes.created_at', 'desc').orderBy('notes.id', 'desc').limit(limit + 1).execute();
  return rows.map((r) => ({ id: r.id, created_at: Number(r.created_at) }));
}

/** Public notes by hot score after a [hot_score, id] cursor: what Discover serves once its ranked list runs out. */
export async function hotTailRows(db: Executor, blocked: string[], after: [number, string], limit: number) {
  const [score, id] = after;
  let q = db
    .selectFrom('notes')
    .select(['notes.id', 'notes.hot_score'])
    .where('notes.visibility', '=', 'public')
    .where((eb) => eb(eb.refTuple('notes.hot_score', 'notes.id'), '<', eb.tuple(score, id)));
  if (blocked.length) q = q.where('notes.author_id', 'not in', blocked);
  const rows = await q.orderBy('notes.hot_score', 'desc').orderBy('notes.id', 'desc').limit(limit + 1).execute();
  return rows.map((r) => ({ id: r.id, hot_score: Number(r.hot_score) }));
}

// ---- the reader's controls ----

export interface StoredPreferences {
  otherLanguageShare: number;
  mode: DiscoverMode;
}

export async function getPreferences(db: Executor, userId: string): Promise<StoredPreferences | null> {
  const row = await db
    .selectFrom('feed_preferences')
    .select(['other_language_share', 'mode'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? { otherLanguageShare: Number(row.other_language_share), mode: row.mode } : null;
}

export async function upsertPreferences(db: Executor, userId: string, prefs: StoredPreferences, now: number): Promise<void> {
  const values = { other_language_share: prefs.otherLanguageShare, mode: prefs.mode, updated_at: now };
  await db
    .insertInto('feed_preferences')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

export async function addNotInterested(db: Executor, userId: string, kind: 'note' | 'topic', targetId: string, now: number) {
  await db
    .insertInto('not_interested')
    .values({ user_id: userId, kind, target_id: targetId, created_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'target_id']).doUpdateSet({ created_at: now }))
    .execute();
  // Bounded per person: the oldest marks make way (a subquery keeps this one statement on both databases).
  const keep = db
    .selectFrom('not_interested')
    .select('target_id')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(LIMITS.discover.notInterested);
  await db.deleteFrom('not_interested').where('user_id', '=', userId).where('target_id', 'not in', keep).execute();
}

export async function removeNotInterested(db: Executor, userId: string, kind: 'note' | 'topic', targetId: string): Promise<boolean> {
  const res = await db
    .deleteFrom('not_interested')
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('target_id', '=', targetId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function listNotInterested(db: Executor, userId: string) {
  return db
    .selectFrom('not_interested')
    .leftJoin('hashtags', (j) => j.onRef('hashtags.id', '=', 'not_interested.target_id').on('not_interested.kind', '=', 'topic'))
    .select(['not_interested.kind', 'not_interested.target_id', 'not_interested.created_at', 'hashtags.name'])
    .where('not_interested.user_id', '=', userId)
    .orderBy('not_interested.created_at', 'desc')
    .execute();
}
