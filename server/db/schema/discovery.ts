export type DiscoverMode = 'for_you' | 'chronological';

export interface FeedPreferencesTable {
  user_id: string;
  /** Percent (0–100) of a Discover page that may be in languages the reader does not speak. */
  other_language_share: number;
  mode: DiscoverMode;
  updated_at: number;
}

export interface NotInterestedTable {
  user_id: string;
  kind: 'note' | 'topic';
  /** A note id or a hashtag id. */
  target_id: string;
  created_at: number;
}
