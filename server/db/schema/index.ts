import type { SessionsTable, UserInterestsTable, UserLanguagesTable, UsersTable, VerificationCodesTable } from './accounts.js';
import type { CommentLikesTable, CommentsTable } from './comments.js';
import type { MediaTable } from './media.js';
import type { HashtagsTable, NoteHashtagsTable, NoteMediaTable, NoteMentionsTable, NotesTable, TopicScoresDueTable } from './notes.js';
import type { NotificationsTable } from './notifications.js';
import type { BlocksTable, BoardsTable, CollectsTable, FollowsTable, NoteLikesTable } from './social.js';
import type { TranslationCacheTable, UserTranslationSettingsTable } from './translation.js';
import type { SearchDocumentsTable } from './search.js';
import type { JobsTable } from './jobs.js';
// moderation (issue 7)
import type {
  ModerationAppealsTable,
  ModerationEventsTable,
  ModerationReportsTable,
  ModerationSubjectsTable,
  RuleFileAppliedTable,
  RuleVersionsTable,
  UserKeywordFiltersTable,
  UserMutesTable,
  UserSafetySettingsTable,
} from './moderation.js';
import type { FeedPreferencesTable, NotInterestedTable } from './discovery.js';
// Chat and English Corner (issue 8)
import type {
  ChatSettingsTable,
  ConversationMembersTable,
  ConversationsTable,
  MessageCorrectionsTable,
  MessagesTable,
  PartnerProfilesTable,
  PartnerRequestsTable,
  PhrasebookEntriesTable,
} from './chat.js';

// video notes (issue 9)
import type { VideoCaptionsTable, VideosTable } from './video.js';

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
  topic_scores_due: TopicScoresDueTable;
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
  // moderation (issue 7)
  rule_versions: RuleVersionsTable;
  rule_file_applied: RuleFileAppliedTable;
  moderation_events: ModerationEventsTable;
  moderation_subjects: ModerationSubjectsTable;
  moderation_reports: ModerationReportsTable;
  moderation_appeals: ModerationAppealsTable;
  user_mutes: UserMutesTable;
  user_keyword_filters: UserKeywordFiltersTable;
  user_safety_settings: UserSafetySettingsTable;
  feed_preferences: FeedPreferencesTable;
  not_interested: NotInterestedTable;
  // Chat and English Corner (issue 8)
  conversations: ConversationsTable;
  conversation_members: ConversationMembersTable;
  messages: MessagesTable;
  message_corrections: MessageCorrectionsTable;
  phrasebook_entries: PhrasebookEntriesTable;
  chat_settings: ChatSettingsTable;
  partner_profiles: PartnerProfilesTable;
  partner_requests: PartnerRequestsTable;
  // video notes (issue 9)
  videos: VideosTable;
  video_captions: VideoCaptionsTable;
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
export type * from './moderation.js';
export type * from './discovery.js';
export type * from './chat.js';
export type * from './video.js';
