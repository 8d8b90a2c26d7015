import type { Generated } from 'kysely';

export type SearchKind = 'note' | 'user' | 'topic';

/**
 * One searchable thing. title / names / body hold index terms our text pipeline produced, separated
 * by spaces (see modules/search/search.text.ts); `names` is pinyin for people and topics.
 */
export interface SearchDocumentsTable {
  doc_id: Generated<number>;
  kind: SearchKind;
  ref_id: string;
  title: string;
  names: string;
  body: string;
  /** PostgreSQL only: the tsvector built from the three fields. */
  tsv?: string;
  updated_at: number;
}
