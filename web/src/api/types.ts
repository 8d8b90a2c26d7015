// Response shapes the web reads, all from contract/ (shared with the server).
import type { LanguageEntry, Me, Profile } from '../../../contract/accounts.js';
import type { Comment, CommentThread } from '../../../contract/comments.js';
import type { Image, UserSummary } from '../../../contract/common.js';
import type { Facet } from '../../../contract/facets.js';
import type { Note, NoteCard, Topic, Visibility } from '../../../contract/notes.js';
import type { Notification as AppNotification, NotificationKind } from '../../../contract/notifications.js';
import type { Board, CollectState, LikeState, RelationState } from '../../../contract/social.js';
import type { Sticker, StickerPack } from '../../../contract/stickers.js';

export type {
  AppNotification,
  Board,
  CollectState,
  Comment,
  CommentThread,
  Facet,
  Image,
  LanguageEntry,
  LikeState,
  Me,
  Note,
  NoteCard,
  NotificationKind,
  Profile,
  RelationState,
  Sticker,
  StickerPack,
  Topic,
  UserSummary,
  Visibility,
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SessionInfo {
  id: string;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}
