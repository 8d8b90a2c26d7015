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
  created_at: number;
  read_at: number | null;
}
