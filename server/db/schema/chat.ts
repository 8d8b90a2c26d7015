/** Chat and English Corner tables (migration 0014). */
export type ConversationKind = 'direct' | 'group' | 'room';
export type MemberRole = 'owner' | 'host' | 'member';
/** 'request': a 1:1 from someone who is neither a partner nor a mutual follow, not yet accepted. */
export type MemberState = 'active' | 'request' | 'left' | 'removed';
export type MessageKind = 'text' | 'image' | 'sticker';
export type WhoMayMessage = 'everyone' | 'following' | 'nobody';
export type PartnerRequestStatus = 'pending' | 'accepted' | 'declined' | 'ignored';

export interface ConversationsTable {
  id: string;
  kind: ConversationKind;
  title: string;
  topic: string;
  direct_key: string | null;
  created_by: string;
  /** The seq of the newest message: messages are numbered 1, 2, 3 … per conversation. */
  last_seq: number;
  last_message_at: number | null;
  member_count: number;
  pinned_message_id: string | null;
  created_at: number;
}

export interface ConversationMembersTable {
  conversation_id: string;
  user_id: string;
  role: MemberRole;
  state: MemberState;
  /** The member's own mute: no notifications, still delivered. */
  muted: number;
  /** A host silenced this member in a room until then. */
  silenced_until: number | null;
  last_read_seq: number;
  joined_at: number;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  sender_id: string;
  kind: MessageKind;
  body: string;
  media_id: string | null;
  sticker_code: string | null;
  /** The sender's own id for the message, so a retried send is recognised. */
  client_id: string | null;
  created_at: number;
}

export interface MessageCorrectionsTable {
  id: string;
  message_id: string;
  conversation_id: string;
  author_id: string;
  corrected: string;
  note: string;
  created_at: number;
}

export interface PhrasebookEntriesTable {
  id: string;
  user_id: string;
  text: string;
  translation: string;
  note: string;
  source_message_id: string | null;
  created_at: number;
}

export interface ChatSettingsTable {
  user_id: string;
  who_may_message: WhoMayMessage;
}

export interface PartnerProfilesTable {
  user_id: string;
  open: number;
  time_zone: string;
  availability: string;
  updated_at: number;
}

export interface PartnerRequestsTable {
  id: string;
  sender_id: string;
  recipient_id: string;
  status: PartnerRequestStatus;
  message: string;
  created_at: number;
  responded_at: number | null;
}
