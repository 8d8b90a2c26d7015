export type NotificationKind =
  | 'like'
  | 'collect'
  | 'comment'
  | 'reply'
  | 'mention'
  | 'follow'
  | 'comment_like'
  // moderation (issue 7): a decision about the recipient's content or account; the actor is the recipient.
  | 'moderation';

export interface NotificationsTable {
  id: string;
  recipient_id: string;
  actor_id: string;
  kind: NotificationKind;
  note_id: string | null;
  comment_id: string | null;
  /** When the first of the people it speaks for acted. */
  created_at: number;
  /** When the latest did: the list's order. Equals created_at for kinds that are not grouped. */
  latest_at: number;
  /** The people it speaks for (likes, collects and comment likes are grouped while unread); actor_id is the latest. */
  actor_count: number;
  read_at: number | null;
}
