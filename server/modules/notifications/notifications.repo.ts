import type { Executor } from '../../db/database.js';
import type { NotificationKind, NotificationsTable } from '../../db/schema/index.js';

export async function insertNotification(db: Executor, row: NotificationsTable): Promise<void> {
  await db.insertInto('notifications').values(row).execute();
}

/** True when the same actor already told the recipient the same thing about the same object since `since`. */
export async function recentlyNotified(
  db: Executor,
  n: { recipientId: string; actorId: string; kind: NotificationKind; noteId: string | null; commentId: string | null },
  since: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('actor_id', '=', n.actorId)
    .where('recipient_id', '=', n.recipientId)
    .where('kind', '=', n.kind)
    .where('created_at', '>=', since)
    .where((eb) => (n.noteId === null ? eb('note_id', 'is', null) : eb('note_id', '=', n.noteId)))
    .where((eb) => (n.commentId === null ? eb('comment_id', 'is', null) : eb('comment_id', '=', n.commentId)))
    .executeTakeFirst();
  return row !== undefined;
}

/** Actors on the other side of a block from the recipient: their notifications are not shown. */
function blockedActors(db: Executor, recipientId: string) {
  return db
    .selectFrom('blocks')
    .select('blocked_id as id')
    .where('blocker_id', '=', recipientId)
    .union(db.selectFrom('blocks').select('blocker_id as id').where('blocked_id', '=', recipientId));
}

/** The recipient's notifications, newest first, after the cursor id. Index: notifications_recipient. */
export async function notificationRows(db: Executor, recipientId: string, after: string | null, limit: number) {
  let q = db
    .selectFrom('notifications')
    .selectAll()
    .where('recipient_id', '=', recipientId)
    .where('actor_id', 'not in', blockedActors(db, recipientId));
  if (after) q = q.where('id', '<', after);
  return q.orderBy('id', 'desc').limit(limit + 1).execute();
}

/** Index: notifications_unread (unread ones only: the `read_at is null` here lets both engines use it). */
export async function unreadCount(db: Executor, recipientId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null)
    .where('actor_id', 'not in', blockedActors(db, recipientId))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the recipient's unread notifications read: the given ones, or all. Others' ids are ignored. */
export async function markRead(db: Executor, recipientId: string, ids: string[] | undefined, now: number): Promise<void> {
  let q = db.updateTable('notifications').set({ read_at: now }).where('recipient_id', '=', recipientId).where('read_at', 'is', null);
  if (ids) q = q.where('id', 'in', ids);
  await q.execute();
}

/** Notes with their first image, for notification thumbnails, in one query. */
export async function notesWithCovers(db: Executor, noteIds: string[]) {
  if (noteIds.length === 0) return [];
  return db
    .selectFrom('notes')
    .leftJoin('note_media', (j) => j.onRef('note_media.note_id', '=', 'notes.id').on('note_media.position', '=', 0))
    .leftJoin('media', 'media.id', 'note_media.media_id')
    .select([
      'notes.id',
      'notes.title',
      'notes.author_id',
      'notes.visibility',
      'note_media.alt_text',
      'media.id as media_id',
      'media.width',
      'media.height',
      'media.blurhash',
      'media.color',
      'media.variants',
    ])
    .where('notes.id', 'in', noteIds)
    .execute();
}

export async function commentBodies(db: Executor, commentIds: string[]) {
  if (commentIds.length === 0) return [];
  return (
    db
      .selectFrom('comments')
      .select(['id', 'body'])
      .where('id', 'in', commentIds)
      // moderation (issue 7): a held or removed comment's words are not repeated in anyone's notifications.
      .where('moderation_state', 'in', ['normal', 'labelled'])
      .execute()
  );
}
