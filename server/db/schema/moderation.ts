import type { Generated } from 'kysely';

/** Where a note stands with moderation, as its author sees it (derived from moderation_events). */
export type NoteModerationState = 'normal' | 'labelled' | 'limited' | 'held' | 'removed';
export type CommentModerationState = 'normal' | 'labelled' | 'held' | 'removed';
export type MessageModerationState = CommentModerationState;
/** An account's standing: suspended until a time, or banned. Warnings leave it 'ok'. */
export type AccountModerationState = 'ok' | 'suspended' | 'banned';

/** What can be reported and moderated: (kind, id); 'message' is a chat message (migration 0016). */
export type SubjectKind = 'note' | 'comment' | 'account' | 'message';

export type ModerationAction =
  | 'dismiss'
  | 'label'
  | 'limit'
  | 'hold'
  | 'remove'
  | 'warn'
  | 'suspend'
  | 'ban'
  /** Undoes an earlier action (an appeal upheld, or a moderator's own correction). */
  | 'reverse';

/** One published version of the whole rule set (default file + operator overrides). */
export interface RuleVersionsTable {
  version: number;
  /** SHA-256 of the canonical rules JSON: a restart with unchanged files adds no version. */
  hash: string;
  /** JSON Rule[] as published. */
  rules: string;
  /** JSON { added, changed, retired } rule ids, plus the operator's note per language. */
  changes: string;
  published_at: number;
  /** 'file': the operator's files at start; 'admin': published from the admin page (migration 0019). */
  source: Generated<'file' | 'admin'>;
  /** The admin who published it; null for the files. */
  published_by: string | null;
}

/** The rule set the default and operator files last produced (one row, id 'files'; ADR 0011). */
export interface RuleFileAppliedTable {
  id: string;
  /** SHA-256 of the files' canonical rules: unchanged files are not applied again. */
  hash: string;
  /** JSON Rule[]: the baseline the next change of the files is diffed against. */
  rules: string;
  applied_at: number;
}

/**
 * The append-only moderation log (after atproto ozone's moderation_event): every decision, human or
 * automated, with its rule and evidence. Rows are never updated; status is derived from them.
 */
export interface ModerationEventsTable {
  id: string;
  subject_kind: SubjectKind;
  subject_id: string;
  /** The person the decision affects (the author, or the account itself). */
  subject_user_id: string;
  action: ModerationAction;
  rule_id: string;
  rule_version: number;
  /** The moderator's note; for automated decisions, the check's name. */
  note: string;
  /** JSON Evidence[]: passages with offsets, or images with scores. */
  evidence: string;
  /** 0–1 for automated findings; null for human decisions. */
  confidence: number | null;
  automated: number;
  /** The moderator; null for automated decisions. */
  actor_id: string | null;
  /** For 'suspend': when it ends. */
  until_at: number | null;
  /** For 'reverse': the event it undoes. */
  reverses_id: string | null;
  /** Time from the subject entering review (first report or flag) to this decision, in ms. */
  decision_ms: number | null;
  created_at: number;
}

/** The derived, current status of every subject moderation has touched; also the review queue. */
export interface ModerationSubjectsTable {
  subject_kind: SubjectKind;
  subject_id: string;
  subject_user_id: string;
  /** The effect now in force: note/comment state or account state; 'normal' when none. */
  state: string;
  /** The event that set the state (null: never actioned). */
  state_event_id: string | null;
  review: 'open' | 'closed';
  /** Highest severity of the rules reported or flagged while open (1 low … 5 critical). */
  severity: number;
  /** Detected language of the subject's text, so bilingual moderators can pick their queue. */
  lang: string | null;
  report_count: number;
  opened_at: number | null;
  updated_at: number;
}

export interface ModerationReportsTable {
  id: string;
  reporter_id: string;
  subject_kind: SubjectKind;
  subject_id: string;
  rule_id: string;
  comment: string;
  created_at: number;
  /** The decision that closed it (null while open). */
  resolved_event_id: string | null;
}

export interface ModerationAppealsTable {
  id: string;
  /** One appeal per decision: unique. */
  event_id: string;
  appellant_id: string;
  statement: string;
  state: 'open' | 'upheld' | 'reversed';
  /** The original decider (who may not decide the appeal). */
  original_actor_id: string | null;
  decided_by: string | null;
  decision_note: string | null;
  decided_at: number | null;
  created_at: number;
}

export interface UserMutesTable {
  muter_id: string;
  muted_id: string;
  created_at: number;
}

export interface UserKeywordFiltersTable {
  user_id: string;
  /** Lower-cased word or phrase. */
  word: string;
  created_at: number;
}

export type CommentPolicy = 'everyone' | 'following' | 'nobody';

export interface UserSafetySettingsTable {
  user_id: string;
  comment_policy: CommentPolicy;
  updated_at: number;
}

/*
 * Columns migration 0013 adds to notes, comments and users: the projection of the moderation log
 * that reads filter on, so a feed stays one indexed query. Optional here, as in translation.ts, so
 * modules that insert whole rows need not know about moderation (the defaults are 'normal'/'ok').
 */
declare module './notes.js' {
  interface NotesTable {
    moderation_state?: NoteModerationState;
    /** A rule that restricts this note only in the rule's regions (the note stays visible elsewhere). */
    region_rule_id?: string | null;
    /** JSON array of the regions where region_rule_id restricts it. */
    restricted_regions?: string | null;
  }
}

declare module './comments.js' {
  interface CommentsTable {
    moderation_state?: CommentModerationState;
  }
}

/** Migration 0016: the same projection on chat messages (optional for the same reason). */
declare module './chat.js' {
  interface MessagesTable {
    moderation_state?: MessageModerationState;
  }
}

declare module './accounts.js' {
  interface UsersTable {
    moderation_state?: AccountModerationState;
    suspended_until?: number | null;
  }
}
