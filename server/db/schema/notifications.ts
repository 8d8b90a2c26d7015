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
  /** When it happened; for a group, when its latest person acted (the list's order). */
  created_at: number;
  /** The people it speaks for (likes, collects and comment likes are grouped while unread); actor_id is the latest. */
  actor_count: number;
  read_at: number | null;
}
