export type NoteType = 'photo' | 'text' | 'video';
export type Visibility = 'public' | 'mutuals' | 'private';

export interface NotesTable {
  id: string;
  author_id: string;
  type: NoteType;
  title: string;
  body: string;
  /** JSON Facet[] with UTF-16 offsets into body. */
  facets: string;
  visibility: Visibility;
  location_label: string | null;
  cover_media_id: string | null;
  like_count: number;
  collect_count: number;
  comment_count: number;
  view_count: number;
  /** Engagement decayed with age, as one monotone number so it can be indexed (see ADR 0004). */
  hot_score: number;
  /** SimHash of `title\nbody` for the spam check (noteFingerprint); null on rows older than migration 0027. */
  text_fingerprint: string | null;
  created_at: number;
  updated_at: number;
}

export interface NoteMediaTable {
  note_id: string;
  media_id: string;
  position: number;
  alt_text: string;
}

export interface HashtagsTable {
  id: string;
  name: string;
  name_lower: string;
  note_count: number;
  view_count: number;
  comment_count: number;
  created_at: number;
}

export interface NoteHashtagsTable {
  note_id: string;
  hashtag_id: string;
  created_at: number;
  /**
   * The note's notes.hot_score as a job last copied it (indexes topic pages): equal to it unless the
   * note is in topic_scores_due, which the job empties within about a second (ADR 0015).
   */
  hot_score: number;
  /**
   * 1 while the note may be recommended (moderation state normal or labelled), else 0; only such rows
   * are in the indexes topic pages walk (migration 0029). Kept by the moderation projection.
   */
  recommendable: number;
}

/** Notes whose topic rows' copy of the hot score is behind (migration 0026). */
export interface TopicScoresDueTable {
  note_id: string;
}

export interface NoteMentionsTable {
  note_id: string;
  user_id: string;
}
