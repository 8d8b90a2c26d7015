export type NotificationKind = 'like' | 'collect' | 'comment' | 'reply' | 'mention' | 'follow' | 'comment_like';

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
