import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema/index.js';
import { RECOMMENDABLE_STATES } from '../moderation/recommendable.js';

/**
 * Skeleton queries for the feeds: they return only note ids and sort keys, filtered by visibility
 * and blocks inside the database; the views hydrate cards in batches. Every list has an index:
 * notes_author_covering (following, profile), note_hashtags_new / note_hashtags_hot (topic).
 */
export interface FeedRow {
  id: string;
  created_at: number;
  hot_score: number;
}

type NotesEb = ExpressionBuilder<DB, 'notes'>;

/** Authors the viewer follows who follow the viewer back. */
function mutualsOf(eb: NotesEb, viewerId: string) {
  return eb
    .selectFrom('follows as a')
    .innerJoin('follows as b', (j) => j.onRef('b.follower_id', '=', 'a.followee_id').onRef('b.followee_id', '=', 'a.follower_id'))
    .select('a.followee_id')
    .where('a.follower_id', '=', viewerId);
}

/** Everyone on the other side of a block from the viewer, either direction. */
function blockedFor(eb: NotesEb, viewerId: string) {
  return eb
    .selectFrom('blocks')
    .select('blocked_id as id')
    .where('blocker_id', '=', viewerId)
    .union(eb.selectFrom('blocks').select('blocker_id as id').where('blocked_id', '=', viewerId));
}

// moderation (issue 7): held and removed notes are their author's only; limited ones stay out of
// recommendation (Discover, topics, search) but keep their place on profiles, following and by link.
// The column is the projection of the moderation log (server/modules/moderation/effects.ts).
const SHOWN = ['normal', 'labelled', 'limited'] as const;

/** The visibility rule of notes.policy canViewNote, as SQL over the notes table. */
function visibleTo(eb: NotesEb, viewerId: string | null) {
  if (!viewerId) return eb.and([eb('notes.visibility', '=', 'public'), eb('notes.moderation_state', 'in', SHOWN)]);
  return eb.and([
    eb('notes.author_id', 'not in', blockedFor(eb, viewerId)),
    eb.or([eb('notes.author_id', '=', viewerId), eb('notes.moderation_state', 'in', SHOWN)]),
    eb.or([
      eb('notes.visibility', '=', 'public'),
      eb('notes.author_id', '=', viewerId),
      eb.and([eb('notes.visibility', '=', 'mutuals'), eb('notes.author_id', 'in', mutualsOf(eb, viewerId))]),
    ]),
  ]);
}

const COLUMNS = ['notes.id', 'notes.created_at', 'notes.hot_score'] as const;

/**
 * Notes after the cursor, as a row-value comparison: SQLite reads `(created_at, id) < (?, ?)` as a
 * range within each author's notes_author_covering entries. Spelled as `created_at < ? OR (… AND id <
 * ?)`, it turned the Following page's second page into a MULTI-INDEX OR over every older note of the
 * whole table by notes_recent: 200–310 ms at size M, against 0.2 (bench/route-sweep.md).
 */
function afterCreated(after: [number, string] | null) {
  return (eb: NotesEb) => {
    const [at, id] = after!;
    return eb(eb.refTuple('notes.created_at', 'notes.id'), '<', eb.tuple(at, id));
  };
}

/** Newest notes of the people the viewer follows that the viewer may see. */
export async function followingRows(db: Executor, viewerId: string, after: [number, string] | null, limit: number) {
  let q = db
    .selectFrom('notes')
    .select(COLUMNS)
    .where('notes.author_id', 'in', (eb) => eb.selectFrom('follows').select('followee_id').where('follower_id', '=', viewerId))
    .where((eb) => visibleTo(eb, viewerId));
  if (after) q = q.where(afterCreated(after));
  return q.orderBy('notes.created_at', 'desc').orderBy('notes.id', 'desc').limit(limit + 1).execute();
}

/** One author's notes, newest first: all of them for the author, the visible ones for others. */
export async function authorRows(
  db: Executor,
  authorId: string,
  viewerId: string | null,
  after: [number, string] | null,
  limit: number,
) {
  let q = db.selectFrom('notes').select(COLUMNS).where('notes.author_id', '=', authorId);
  if (viewerId !== authorId) q = q.where((eb) => visibleTo(eb, viewerId));
  if (after) q = q.where(afterCreated(after));
  return q.orderBy('notes.created_at', 'desc').orderBy('notes.id', 'desc').limit(limit + 1).execute();
}

/**
 * Notes carrying a hashtag. `new` walks note_hashtags_new (hashtag_id, created_at, note_id) where
 * created_at is the note's; `hot` walks note_hashtags_hot (hashtag_id, hot_score, note_id), where
 * hot_score is the note's score as the topic-scores job last copied it (ADR 0015, hot-score.ts). Both
 * are index range scans in page order over the rows of notes that may be recommended (migration 0029);
 * visibility, blocks and the moderation state itself are checked on the joined note per row.
 */
export async function topicRows(
  db: Executor,
  hashtagId: string,
  viewerId: string | null,
  sort: 'hot' | 'new',
  after: [number, string] | null,
  limit: number,
) {
  // The note is checked in a correlated EXISTS rather than joined, so neither planner can start from
  // notes (SQLite would otherwise OR-scan notes by visibility and sort the result).
  let q = db
    .selectFrom('note_hashtags')
    .select(['note_hashtags.note_id as id', 'note_hashtags.created_at', 'note_hashtags.hot_score'])
    .where('note_hashtags.hashtag_id', '=', hashtagId)
    // The partial indexes hold only these rows (migration 0029); a literal, so every plan can use them.
    .where('note_hashtags.recommendable', '=', sql.lit(1))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('notes')
          .select('notes.id')
          .whereRef('notes.id', '=', 'note_hashtags.note_id')
          .where('notes.moderation_state', 'in', RECOMMENDABLE_STATES)
          .where((n) => visibleTo(n as unknown as NotesEb, viewerId)),
      ),
    );
  if (sort === 'new') {
    if (after) {
      const [at, id] = after;
      q = q.where((eb) =>
        eb(eb.refTuple('note_hashtags.created_at', 'note_hashtags.note_id'), '<', eb.tuple(at, id)),
      );
    }
    return q.orderBy('note_hashtags.created_at', 'desc').orderBy('note_hashtags.note_id', 'desc').limit(limit + 1).execute();
  }
  if (after) {
    const [score, id] = after;
    q = q.where((eb) =>
      eb(eb.refTuple('note_hashtags.hot_score', 'note_hashtags.note_id'), '<', eb.tuple(score, id)),
    );
  }
  return q.orderBy('note_hashtags.hot_score', 'desc').orderBy('note_hashtags.note_id', 'desc').limit(limit + 1).execute();
}
