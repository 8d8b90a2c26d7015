/**
 * The search port: documents of pre-made index terms in, a derived table of matching ids and scores
 * out. Our own text pipeline (modules/search/search.text.ts) decides every term on both sides, so the
 * engines only store and intersect them: SQLite FTS5 in the embedded deployment, PostgreSQL full-text
 * (tsvector + GIN) in the cluster one (ADR 0006). Visibility, filters and sorting stay in ordinary
 * SQL on top of the derived table, written once.
 */
import type { AliasedRawBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DialectKind } from '../../db/dialect.js';
import type { SearchKind } from '../../db/schema/index.js';

export type { SearchKind };

/** Index terms per field, in text order. Terms never contain spaces. */
export interface IndexFields {
  /** Note title and hashtags; a person's handle and name; a topic's name. Weighted highest. */
  title: string[];
  /** Pinyin readings of names (people, topics). */
  names: string[];
  /** Note body, image descriptions, location; a person's bio. */
  body: string[];
}

export interface SearchDocument {
  kind: SearchKind;
  refId: string;
  fields: IndexFields;
}

export type MatchVia = 'text' | 'translation';

/** One way to satisfy a group: all its terms (adjacent when `phrase`), the last one as a prefix when `prefix`. */
export interface QueryAlternative {
  terms: string[];
  phrase: boolean;
  prefix: boolean;
  via: MatchVia;
}

/** Every group must match; a group matches when any of its alternatives does. */
export interface SearchQuery {
  groups: Array<{ alternatives: QueryAlternative[] }>;
  /** Only the name fields (title and names) may match: the typeahead completes names, not bios. */
  namesOnly?: boolean;
  /** Matches considered, when fewer than the index's window will do (the typeahead's). */
  window?: number;
}

export interface MatchRow {
  ref_id: string;
  score: number;
}

export interface UpsertOptions {
  /** False while `kuaan reindex` writes every note: the recent tier is rebuilt once at the end instead. */
  recent?: boolean;
}

export interface SearchIndex {
  readonly dialect: DialectKind;
  /** Inserts or replaces documents (idempotent); new notes also enter the recent tier, which is trimmed. */
  upsert(db: Executor, docs: SearchDocument[], now: number, options?: UpsertOptions): Promise<void>;
  remove(db: Executor, kind: SearchKind, refIds: string[]): Promise<void>;
  /** Removes every document (of one kind, or all). */
  clear(db: Executor, kind?: SearchKind): Promise<void>;
  /**
   * The documents of a kind matching the query as a derived table `m(ref_id, score)`, higher score
   * better. The query must have at least one group with at least one term. Callers sorting by
   * relevance order by `m.score desc, m.ref_id desc` (not the joined table's id), so an engine that
   * hands the window out in that order lets the database join only until the page is full.
   */
  matches(kind: SearchKind, query: SearchQuery): AliasedRawBuilder<MatchRow, 'm'>;
  /** Refills the recent tier with the newest note documents of the full index (after a reindex). */
  rebuildRecent(db: Executor): Promise<void>;
  /** After a full reindex: the planner's statistics of the index tables read afresh (PostgreSQL). */
  refreshStatistics(db: Executor): Promise<void>;
  /** The ref_ids in the recent tier, oldest first (tests; checking a database by hand). */
  recentRefs(db: Executor): Promise<string[]>;
}

/**
 * Note documents kept in the recent tier, a second small index beside the full one (ADR 0006). A
 * query's window is the newest MATCH_WINDOW matches, so for any word used in more than 2% of notes it
 * lies among the newest 100,000: both engines then find and rank it in an index a tenth of the size
 * (FTS5's bm25 walks each term's whole doclist for its IDF; PostgreSQL visits every match's heap row)
 * and go to the full index only for rarer queries. Larger costs each tier query more; smaller sends
 * more queries to the full index (bench/search.md).
 */
export const RECENT_TIER_SIZE = 100_000;

/**
 * A tier holding at least this many matches answers by itself, with all of them (up to MATCH_WINDOW):
 * the window is then the newest N matches for some N between this and MATCH_WINDOW, still a newest
 * slice of the full index (the tier is every note from its lowest doc_id up). Without it, a word in
 * 0.5–2% of notes found 500–2,000 matches in the tier, went on to the full index for the rest, and paid
 * for every match there (bench/search.md, fourth pass). Lower sends fewer queries to the full index and
 * ranks smaller windows; 0 would let a tier with a single match hide every older one.
 */
export const RECENT_TIER_ENOUGH = 500;

/** At most this many documents leave the tier per write, so one indexing batch stays cheap. */
export const RECENT_TRIM_BATCH = 1000;

export interface SearchIndexOptions {
  /** Documents in the recent tier; 0 turns it off (queries use the full index alone). */
  recentTier?: number;
  /** Tier matches that make a window by themselves (RECENT_TIER_ENOUGH; at most `window`). */
  recentEnough?: number;
  /** Matches per query (tests make it small). */
  window?: number;
}

/**
 * Matches considered per query: the newest this many documents of the kind that match (by document
 * id, which follows indexing order and so, after a reindex, creation order). Ranking, sorting and
 * paging happen within them, so a query for common words costs the same at a million notes as at a
 * thousand instead of scoring every match (ADR 0006).
 */
export const MATCH_WINDOW = 2000;

/** The options with their defaults; `recentEnough` never exceeds the window. */
export function indexSettings(options: SearchIndexOptions) {
  const window = options.window ?? MATCH_WINDOW;
  return { recentSize: options.recentTier ?? RECENT_TIER_SIZE, window, recentEnough: Math.max(1, Math.min(window, options.recentEnough ?? RECENT_TIER_ENOUGH)) };
}

/** The matches a query considers: its own window, never more than the index's. */
export function windowOf(query: SearchQuery, indexWindow: number): number {
  return Math.min(query.window ?? indexWindow, indexWindow);
}

/** True when the query can match something (every group has an alternative with terms). */
export function isRunnable(query: SearchQuery): boolean {
  return query.groups.length > 0 && query.groups.every((g) => g.alternatives.some((a) => a.terms.length > 0));
}
