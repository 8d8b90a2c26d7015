import type { Executor } from '../../db/database.js';
import type { NoteMediaTable, NotesTable } from '../../db/schema/index.js';
import { RECOMMENDABLE_STATES } from '../moderation/recommendable.js';

export async function insertNote(db: Executor, row: NotesTable): Promise<void> {
  await db.insertInto('notes').values(row).execute();
}

export async function updateNote(
  db: Executor,
  id: string,
  patch: Partial<Pick<NotesTable, 'title' | 'body' | 'text_fingerprint' | 'facets' | 'visibility' | 'location_label' | 'cover_media_id' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('notes').set(patch).where('id', '=', id).execute();
}

/** Of the given media ids, those owned by ownerId. */
export async function ownedMediaIds(db: Executor, ownerId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('media').select('id').where('owner_id', '=', ownerId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Of the given media ids, those already attached to a note other than exceptNoteId. */
export async function mediaAttachedElsewhere(db: Executor, ids: string[], exceptNoteId: string | null): Promise<string[]> {
  if (ids.length === 0) return [];
  let q = db.selectFrom('note_media').select('media_id').where('media_id', 'in', ids);
  if (exceptNoteId) q = q.where('note_id', '!=', exceptNoteId);
  return (await q.execute()).map((r) => r.media_id);
}

export async function noteMediaIds(db: Executor, noteId: string): Promise<string[]> {
  const rows = await db.selectFrom('note_media').select('media_id').where('note_id', '=', noteId).orderBy('position').execute();
  return rows.map((r) => r.media_id);
}

export async function replaceNoteMedia(db: Executor, noteId: string, rows: NoteMediaTable[]): Promise<void> {
  await db.deleteFrom('note_media').where('note_id', '=', noteId).execute();
  if (rows.length) await db.insertInto('note_media').values(rows).execute();
}

/**
 * Tags a note. The rows copy the note's hot_score and whether it may be recommended as they stand now
 * (read inside the caller's transaction, after it has written or locked the note row), so topic pages
 * rank like Discover and leave out what moderation holds back (migration 0029).
 */
export async function linkHashtags(db: Executor, noteId: string, hashtagIds: string[], createdAt: number): Promise<void> {
  if (hashtagIds.length === 0) return;
  const note = db.selectFrom('notes').where('notes.id', '=', noteId);
  const score = note.select('notes.hot_score');
  const recommendable = note.select((eb) =>
    eb.case().when('notes.moderation_state', 'in', RECOMMENDABLE_STATES).then(1).else(0).end().as('r'),
  );
  await db
    .insertInto('note_hashtags')
    .values(hashtagIds.map((hashtag_id) => ({ note_id: noteId, hashtag_id, created_at: createdAt, hot_score: score, recommendable })))
    .execute();
}

export async function unlinkHashtags(db: Executor, noteId: string, hashtagIds: string[]): Promise<void> {
  if (hashtagIds.length === 0) return;
  await db.deleteFrom('note_hashtags').where('note_id', '=', noteId).where('hashtag_id', 'in', hashtagIds).execute();
}

export async function mentionedUserIds(db: Executor, noteId: string): Promise<string[]> {
  return (await db.selectFrom('note_mentions').select('user_id').where('note_id', '=', noteId).execute()).map((r) => r.user_id);
}

export async function replaceMentions(db: Executor, noteId: string, userIds: string[]): Promise<void> {
  await db.deleteFrom('note_mentions').where('note_id', '=', noteId).execute();
  if (userIds.length) await db.insertInto('note_mentions').values(userIds.map((user_id) => ({ note_id: noteId, user_id }))).execute();
}

export async function bumpAuthorCounts(db: Executor, userId: string, notes: number, likesReceived = 0): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      note_count: eb('note_count', '+', notes),
      likes_received_count: eb('likes_received_count', '+', likesReceived),
    }))
    .where('id', '=', userId)
    .execute();
}

/**
 * Deletes the note and returns its counters as they were at the moment of deletion: the DELETE takes
 * the row lock, so a like committing concurrently is either counted here or never lands.
 */
export async function deleteNoteReturning(db: Executor, noteId: string, authorId: string) {
  return db
    .deleteFrom('notes')
    .where('id', '=', noteId)
    .where('author_id', '=', authorId)
    .returning(['like_count', 'comment_count', 'moderation_state'])
    .executeTakeFirst();
}

/** Boards lose the collects that vanish with a note (collects cascade; the board counter must follow). */
export async function releaseBoardCollects(db: Executor, noteId: string): Promise<void> {
  await db
    .updateTable('boards')
    .set((eb) => ({ collect_count: eb('collect_count', '-', 1) }))
    .where('id', 'in', db.selectFrom('collects').select('board_id').where('note_id', '=', noteId).where('board_id', 'is not', null).$narrowType<{ board_id: string }>())
    .execute();
}
