import { type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { NotificationKind, NotificationsTable } from '../../db/schema/index.js';

/** A notification that speaks for one person: every kind but the grouped ones. */
export async function insertNotification(db: Executor, row: Omit<NotificationsTable, 'actor_count'>): Promise<void> {
  await db
    .insertInto('notifications')
    .values({ ...row, actor_count: 1 })
    .execute();
}

/** Kinds that gather into one unread notification per note (like, collect) or comment (comment_like). */
export type GroupedKind = 'like' | 'collect' | 'comment_like';
export const isGroupedKind = (kind: NotificationKind): kind is GroupedKind => kind === 'like' || kind === 'collect' || kind === 'comment_like';

// The conflict targets name migration 0025's partial unique indexes, predicates written as literals
// so that both engines can match them (a bound parameter would not prove the index's WHERE).
const OPEN_NOTE_GROUP = sql<SqlBool>`read_at IS NULL AND kind IN ('like', 'collect')`;
const OPEN_COMMENT_GROUP = sql<SqlBool>`read_at IS NULL AND kind = 'comment_like'`;

/**
 * Adds one person's like, collect or comment like to the recipient's unread notification about that
 * note or comment, or opens one. One statement: the unique index decides, so concurrent writers (and
 * other server processes) cannot open two. The latest person becomes the face of the group; the same
 * person again (like, unlike, like) does not count twice in a row.
 */
export async function addToGroup(
  db: Executor,
  n: { id: string; recipientId: string; actorId: string; kind: GroupedKind; noteId: string; commentId: string | null; at: number },
): Promise<void> {
  const newer = sql<SqlBool>`excluded.created_at >= notifications.created_at`;
  await db
    .insertInto('notifications')
    .values({
      id: n.id,
      recipient_id: n.recipientId,
      actor_id: n.actorId,
      kind: n.kind,
      note_id: n.noteId,
      comment_id: n.kind === 'comment_like' ? n.commentId : null,
      created_at: n.at,
      actor_count: 1,
      read_at: null,
    })
    .onConflict((oc) =>
      (n.kind === 'comment_like' ? oc.columns(['recipient_id', 'comment_id']).where(OPEN_COMMENT_GROUP) : oc.columns(['recipient_id', 'kind', 'note_id']).where(OPEN_NOTE_GROUP)).doUpdateSet({
        actor_id: sql`CASE WHEN ${newer} THEN excluded.actor_id ELSE notifications.actor_id END`,
        created_at: sql`CASE WHEN ${newer} THEN excluded.created_at ELSE notifications.created_at END`,
        actor_count: sql`notifications.actor_count + CASE WHEN notifications.actor_id = excluded.actor_id THEN 0 ELSE 1 END`,
      }),
    )
    .execute();
}

/** True when the actor already told the recipient they follow them since `since` (follow/unfollow spam). Index: notifications_follow_dedupe. */
export async function recentlyNotifiedOfFollow(db: Executor, recipientId: string, actorId: string, since: number): Promise<boolean> {
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('actor_id', '=', actorId)
    .where('recipient_id', '=', recipientId)
    .where(sql<SqlBool>`kind = 'follow'`)
    .where('created_at', '>=', since)
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

/**
 * The recipient's notifications, latest activity first, after the cursor (created_at, id).
 * Index: notifications_recipient.
 */
export async function notificationRows(db: Executor, recipientId: string, after: [number, string] | null, limit: number) {
  let q = db
    .selectFrom('notifications')
    .selectAll()
    .where('recipient_id', '=', recipientId)
    .where('actor_id', 'not in', blockedActors(db, recipientId));
  if (after) {
    const [at, id] = after;
    q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(at, id)));
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
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
