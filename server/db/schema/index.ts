import type { SessionsTable, UserInterestsTable, UserLanguagesTable, UsersTable, VerificationCodesTable } from './accounts.js';
import type { CommentLikesTable, CommentsTable } from './comments.js';
import type { MediaTable } from './media.js';
import type { HashtagsTable, NoteHashtagsTable, NoteMediaTable, NoteMentionsTable, NotesTable } from './notes.js';
import type { NotificationsTable } from './notifications.js';
import type { BlocksTable, BoardsTable, CollectsTable, FollowsTable, NoteLikesTable } from './social.js';
import type { TranslationCacheTable, UserTranslationSettingsTable } from './translation.js';
import type { SearchDocumentsTable } from './search.js';
import type { JobsTable } from './jobs.js';
import type { FeedPreferencesTable, NotInterestedTable } from './discovery.js';

/** The whole database as Kysely sees it. Timestamps are epoch milliseconds. */
export interface DB {
  users: UsersTable;
  user_languages: UserLanguagesTable;
  user_interests: UserInterestsTable;
  sessions: SessionsTable;
  verification_codes: VerificationCodesTable;
  media: MediaTable;
  notes: NotesTable;
  note_media: NoteMediaTable;
  hashtags: HashtagsTable;
  note_hashtags: NoteHashtagsTable;
  note_mentions: NoteMentionsTable;
  follows: FollowsTable;
  blocks: BlocksTable;
  note_likes: NoteLikesTable;
  boards: BoardsTable;
  collects: CollectsTable;
  comments: CommentsTable;
  comment_likes: CommentLikesTable;
  notifications: NotificationsTable;
  translation_cache: TranslationCacheTable;
  user_translation_settings: UserTranslationSettingsTable;
  search_documents: SearchDocumentsTable;
  jobs: JobsTable;
  feed_preferences: FeedPreferencesTable;
  not_interested: NotInterestedTable;
}

export type * from './accounts.js';
export type * from './comments.js';
export type * from './media.js';
export type * from './notes.js';
export type * from './notifications.js';
export type * from './social.js';
export type * from './translation.js';
export type * from './search.js';
export type * from './jobs.js';
export type * from './discovery.js';
