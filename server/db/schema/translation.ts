export type LangSource = 'detected' | 'author';

/**
 * Columns migration 0007 adds to notes and comments. They are declared here, optional, so the
 * modules that insert whole rows need not know about languages (detection fills them in later).
 */
declare module './notes.js' {
  interface NotesTable {
    lang?: string | null;
    lang_mixed?: number;
    lang_source?: LangSource | null;
  }
}

declare module './comments.js' {
  interface CommentsTable {
    lang?: string | null;
    lang_mixed?: number;
    lang_source?: LangSource | null;
  }
}

/** One translated text; the key is (sha256 of the text, source, target, provider). */
export interface TranslationCacheTable {
  text_hash: string;
  /** The source language the provider was told, or 'auto'. */
  source: string;
  target: string;
  provider: string;
  translated: string;
  created_at: number;
}

export interface UserTranslationSettingsTable {
  user_id: string;
  auto_translate: number;
  /** JSON string[] of BCP 47 tags. */
  read_languages: string;
  updated_at: number;
}
