import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { newId } from '../../db/ids.js';

/**
 * Counts one more note for each tag (creating missing hashtags) and returns their ids by lower-cased
 * name. ON CONFLICT makes concurrent first uses of a tag safe on both databases; tags are written in
 * name order so two transactions never wait on each other's rows in opposite orders.
 */
export async function upsertHashtags(db: Executor, names: string[], now: number): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const sorted = [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  for (const name of sorted) {
    const row = await db
      .insertInto('hashtags')
      .values({ id: newId(), name, name_lower: name.toLowerCase(), note_count: 1, view_count: 0, comment_count: 0, created_at: now })
      .onConflict((oc) => oc.column('name_lower').doUpdateSet((eb) => ({ note_count: eb('hashtags.note_count', '+', 1) })))
      .returning(['id', 'name_lower'])
      .executeTakeFirstOrThrow();
    ids.set(row.name_lower, row.id);
  }
  return ids;
}

/** One note fewer for each of these hashtags (a note lost the tag or was deleted). */
export async function releaseHashtags(db: Executor, hashtagIds: string[], commentDelta = 0): Promise<void> {
  if (hashtagIds.length === 0) return;
  await db
    .updateTable('hashtags')
    .set((eb) => ({ note_count: eb('note_count', '-', 1), comment_count: eb('comment_count', '-', commentDelta) }))
    .where('id', 'in', [...hashtagIds].sort())
    .execute();
}

export async function hashtagIdsOfNote(db: Executor, noteId: string): Promise<Array<{ id: string; name_lower: string }>> {
  return db
    .selectFrom('note_hashtags')
    .innerJoin('hashtags', 'hashtags.id', 'note_hashtags.hashtag_id')
    .select(['hashtags.id', 'hashtags.name_lower'])
    .where('note_hashtags.note_id', '=', noteId)
    .execute();
}

export async function findHashtag(db: Executor, nameLower: string) {
  return db.selectFrom('hashtags').selectAll().where('name_lower', '=', nameLower).executeTakeFirst();
}

/**
 * Adds delta to the comment count of every topic the note carries. The comments module calls this
 * in the transaction that creates (+1) or deletes (−n) comments, so topic pages stay exact.
 */
export async function bumpTopicComments(db: Executor, noteId: string, delta: number): Promise<void> {
  if (!Number.isSafeInteger(delta) || delta === 0) return;
  await db
    .updateTable('hashtags')
    .set((eb) => ({ comment_count: eb('comment_count', '+', delta) }))
    .where('id', 'in', db.selectFrom('note_hashtags').select('hashtag_id').where('note_id', '=', noteId))
    .execute();
}

/** Adds buffered view counts to many rows of one table in a single UPDATE per chunk. */
export async function addViewCounts(db: Executor, table: 'notes' | 'hashtags', counts: Map<string, number>): Promise<void> {
  const entries = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const CHUNK = 400;
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    // Counts are our own integers, inlined as literals so PostgreSQL needs no type hints for CASE.
    const whens = sql.join(
      chunk.map(([id, n]) => sql`when ${id} then ${sql.lit(Math.trunc(n))}`),
      sql` `,
    );
    await db
      .updateTable(table)
      .set({ view_count: sql`view_count + case id ${whens} else 0 end` })
      .where(
        'id',
        'in',
        chunk.map(([id]) => id),
      )
      .execute();
  }
}
