import { type RawBuilder, sql } from 'kysely';
import type { Database, Executor } from '../../db/database.js';

/**
 * Discover ranking (ADR 0004): hot = log10(1 + likes + 2·collects + 3·comments) + created_at_s / 45000.
 * Age enters as a growing offset rather than a decay factor, so a note's score changes only when its
 * counters do and the discover feed is an indexed keyset scan over (hot_score, id).
 */
export const HOT_DECAY_MS = 45_000 * 1000;

export interface CounterDelta {
  likes?: number;
  collects?: number;
  comments?: number;
}

/** The score of a note from its counters and creation time (epoch ms), as inserted. */
export function hotScore(likes: number, collects: number, comments: number, createdAtMs: number): number {
  const engagement = Math.max(0, likes + 2 * collects + 3 * comments);
  return Math.log10(1 + engagement) + createdAtMs / HOT_DECAY_MS;
}

function lit(n: number | undefined): RawBuilder<number> {
  const v = n ?? 0;
  if (!Number.isSafeInteger(v)) throw new TypeError(`counter delta must be an integer, got ${v}`);
  return sql.lit(v);
}

/**
 * The new hot_score of the `notes` row being updated, for use in the SAME UPDATE that changes its
 * counters. SQL reads the old column values on the right-hand side, so pass the deltas you apply:
 *
 *   .set((eb) => ({ like_count: eb('like_count', '+', 1), hot_score: hotScoreSql({ likes: 1 }) }))
 */
export function hotScoreSql(delta: CounterDelta = {}): RawBuilder<number> {
  const engagement = sql`((like_count + ${lit(delta.likes)}) + 2 * (collect_count + ${lit(delta.collects)}) + 3 * (comment_count + ${lit(delta.comments)}))`;
  // The CASE keeps log10 defined even if a counter were ever driven below zero.
  return sql<number>`log10(cast(1 + case when ${engagement} > 0 then ${engagement} else 0 end as double precision)) + cast(created_at as double precision) / ${sql.lit(HOT_DECAY_MS)}`;
}

/**
 * Marks a note's topic rows (note_hashtags) as behind its hot score, in the transaction that moved it.
 * The topic-scores job copies the score (copyDueTopicScores); a mark already there covers this change.
 */
async function markTopicScoresDue(db: Executor, noteId: string): Promise<void> {
  await db
    .insertInto('topic_scores_due')
    .values({ note_id: noteId })
    .onConflict((oc) => oc.column('note_id').doNothing())
    .execute();
}

/**
 * Copies the hot score of up to `limit` marked notes onto their topic rows and removes their marks, in
 * one transaction; returns how many notes it took. The copy reads the score as it is when it runs, so
 * a change committed after the mark was taken is copied too, and one committed after this statement
 * marks the note again. Run by one job at a time (a single keyed recurring job).
 */
export async function copyDueTopicScores(database: Database, limit: number): Promise<number> {
  return database.transaction(async ({ db }) => {
    const due = await db
      .deleteFrom('topic_scores_due')
      .where('note_id', 'in', db.selectFrom('topic_scores_due').select('note_id').limit(limit))
      .returning('note_id')
      .execute();
    if (due.length === 0) return 0;
    await db
      .updateTable('note_hashtags')
      .set((eb) => ({
        hot_score: eb.fn.coalesce(eb.selectFrom('notes').select('notes.hot_score').whereRef('notes.id', '=', 'note_hashtags.note_id'), eb.ref('note_hashtags.hot_score')),
      }))
      .where(
        'note_id',
        'in',
        due.map((d) => d.note_id),
      )
      .execute();
    return due.length;
  });
}

/**
 * Moves a note's counters by the given deltas in one atomic UPDATE (col = col + delta, never a
 * read-modify-write) with its hot_score, returns the counters as this UPDATE left them, and marks the
 * topic rows' copy of the score as behind. Undefined when the note is gone.
 */
export async function bumpNoteCounters(db: Executor, noteId: string, delta: CounterDelta) {
  const row = await db
    .updateTable('notes')
    .set((eb) => ({
      ...(delta.likes ? { like_count: eb('like_count', '+', lit(delta.likes)) } : {}),
      ...(delta.collects ? { collect_count: eb('collect_count', '+', lit(delta.collects)) } : {}),
      ...(delta.comments ? { comment_count: eb('comment_count', '+', lit(delta.comments)) } : {}),
      hot_score: hotScoreSql(delta),
    }))
    .where('id', '=', noteId)
    .returning(['like_count', 'collect_count', 'comment_count', 'hot_score'])
    .executeTakeFirst();
  if (row && (delta.likes || delta.collects || delta.comments)) await markTopicScoresDue(db, noteId);
  return row;
}

/** Recomputes one note's hot_score from its stored counters (for repairs and batch jobs). */
export async function recomputeHotScore(db: Executor, noteId: string): Promise<void> {
  const row = await db.updateTable('notes').set({ hot_score: hotScoreSql() }).where('id', '=', noteId).returning('id').executeTakeFirst();
  if (row) await markTopicScoresDue(db, noteId);
}
