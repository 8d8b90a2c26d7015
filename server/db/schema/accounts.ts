export type Role = 'member' | 'moderator' | 'admin';
export type UiLocale = 'en' | 'zh-Hans' | 'zh-Hant';

export interface UsersTable {
  id: string;
  handle: string;
  /** Lower-cased handle: uniqueness is case-insensitive on both databases. */
  handle_lower: string;
  display_name: string;
  bio: string;
  avatar_media_id: string | null;
  email: string | null;
  phone: string | null;
  password_hash: string;
  region: string | null;
  ui_locale: UiLocale;
  role: Role;
  follower_count: number;
  following_count: number;
  note_count: number;
  likes_received_count: number;
  /** When the email or phone was confirmed with a code. */
  contact_verified_at: number | null;
  onboarded_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface UserLanguagesTable {
  user_id: string;
  lang: string;
  kind: 'native' | 'learning';
  /** 1–5 for learning languages; null for native ones. */
  level: number | null;
}

/** Interests as free tags (food, travel, 二胡 …), in the order the person gave them. */
export interface UserInterestsTable {
  user_id: string;
  tag: string;
  position: number;
}

export interface SessionsTable {
  id: string;
  /** SHA-256 of the cookie token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  user_agent: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface VerificationCodesTable {
  id: string;
  user_id: string;
  channel: 'email' | 'phone';
  target: string;
  code_hash: string;
  attempts: number;
  expires_at: number;
  consumed_at: number | null;
  created_at: number;
}
