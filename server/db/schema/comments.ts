export interface CommentsTable {
  id: string;
  note_id: string;
  author_id: string;
  /** The top-level comment this one replies to; null for a top-level comment (two levels only). */
  parent_id: string | null;
  reply_to_user_id: string | null;
  body: string;
  facets: string;
  like_count: number;
  reply_count: number;
  /** SimHash of body for the spam check (commentFingerprint); null on rows older than migration 0027. */
  text_fingerprint: string | null;
  created_at: number;
}

export interface CommentLikesTable {
  comment_id: string;
  user_id: string;
  created_at: number;
}
