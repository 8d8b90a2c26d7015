import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import {
  type IndexFields,
  type MatchRow,
  indexSettings,
  RECENT_TRIM_BATCH,
  type SearchDocument,
  type SearchIndex,
  type SearchIndexOptions,
  type SearchKind,
  type SearchQuery,
  type UpsertOptions,
  windowOf,
} from './search-index.js';

/** The recent tier's table (migration 0021): only what a match needs, with a GIN index of its own. */
export async function createRecentTierPostgres(db: Executor): Promise<void> {
  await sql`CREATE TABLE search_recent (doc_id bigint PRIMARY KEY, ref_id text NOT NULL, tsv tsvector NOT NULL)`.execute(db);
  await sql`CREATE INDEX search_recent_tsv ON search_recent USING gin (tsv)`.execute(db);
}

/** A document's name lexemes: the expression the name indexes are built on, written the same in queries. */
const NAME_LEXEMES = sql`ts_filter(tsv, '{a,b}')`;

/**
 * People's and topics' names (migration 0022): a GIN index per kind over the title and names lexemes
 * alone (weights A and B, `ts_filter`), for names-only queries. The kind's own GIN index cannot test
 * weights, so `'co':*AB` read its 11,351 candidates to keep 97 (bench/search.md).
 */
export async function createNameIndexesPostgres(db: Executor): Promise<void> {
  for (const k of ['user', 'topic'] as const) {
    await sql`CREATE INDEX ${sql.id(`search_documents_${k}_names`)} ON search_documents
      USING gin (${NAME_LEXEMES}) WHERE kind = ${sql.lit(k)}`.execute(db);
  }
}

/** A tsvector/tsquery lexeme literal: taken verbatim by the input functions, never parsed again. */
const lexeme = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 255;

/**
 * The tsvector of a document, written as a literal with positions and weights (title A, names B,
 * body C). Building it ourselves rather than with to_tsvector('simple', …) keeps PostgreSQL's
 * parser (and the server's locale, which decides whether 火锅 is a "word") out of the way: the
 * lexemes are exactly the terms SQLite indexes.
 */
export function tsvectorLiteral(fields: IndexFields): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  const add = (terms: string[], weight: 'A' | 'B' | 'C') => {
    for (const term of terms) {
      pos = Math.min(pos + 1, MAX_POSITION);
      const list = positions.get(term) ?? [];
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${pos}${weight}`);
      positions.set(term, list);
    }
    pos = Math.min(pos + 1, MAX_POSITION); // no phrase spans two fields
  };
  add(fields.title, 'A');
  add(fields.names, 'B');
  add(fields.body, 'C');
  return [...positions].map(([term, list]) => `${lexeme(term)}:${list.join(',')}`).join(' ');
}

/**
 * The tsquery for the query: AND of groups, OR of alternatives, <-> inside phrases, :* for prefixes,
 * and weights A and B (title and names) on every lexeme when only names may match.
 */
export function tsqueryLiteral(query: SearchQuery): string {
  const weights = query.namesOnly ? 'AB' : '';
  return query.groups
    .map((g) => {
      const alts = g.alternatives
        .filter((a) => a.terms.length > 0)
        .map((a) => {
          const parts = a.terms.map((t, i) => {
            const label = (a.prefix && i === a.terms.length - 1 ? '*' : '') + weights;
            return lexeme(t) + (label ? `:${label}` : '');
          });
          return parts.length === 1 ? parts[0] : `(${parts.join(a.phrase ? ' <-> ' : ' & ')})`;
        });
      return `(${alts.join(' | ')})`;
    })
    .join(' & ');
}

/**
 * PostgreSQL: a tsvector column on search_documents with one partial GIN index per kind.
 *
 * The recent tier (RECENT_TIER_SIZE) is `search_recent(doc_id, ref_id, tsv)` with a GIN index of its
 * own: its rows are narrow and few enough to stay in shared buffers, where the full table's matches
 * were read one heap block each. It always holds every note document from its lowest doc_id up (new
 * documents enter it, trimming removes the lowest), so the matches it holds (when there are enough of
 * them, RECENT_TIER_ENOUGH) are the newest matches of the whole index.
 */
export class PostgresFtsIndex implements SearchIndex {
  readonly dialect = 'postgres' as const;
  private readonly recentSize: number;
  private readonly window: number;
  private readonly recentEnough: number;

  constructor(options: SearchIndexOptions = {}) {
    ({ recentSize: this.recentSize, window: this.window, recentEnough: this.recentEnough } = indexSettings(options));
  }

  async upsert(db: Executor, docs: SearchDocument[], now: number, options: UpsertOptions = {}): Promise<void> {
    if (docs.length === 0) return;
    const written = await db
      .insertInto('search_documents')
      .values(
        docs.map((doc) => ({
          kind: doc.kind,
          ref_id: doc.refId,
          title: doc.fields.title.join(' '),
          names: doc.fields.names.join(' '),
          body: doc.fields.body.join(' '),
          tsv: sql<string>`${tsvectorLiteral(doc.fields)}::tsvector`,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['kind', 'ref_id']).doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          names: eb.ref('excluded.names'),
          body: eb.ref('excluded.body'),
          tsv: eb.ref('excluded.tsv'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      // xmax is 0 on a row this statement inserted, and set on one it updated.
      .returning(['doc_id', 'kind', sql<boolean>`(xmax = 0)`.as('fresh')])
      .execute();
    const notes = written.filter((w) => w.kind === 'note').map((w) => ({ docId: Number(w.doc_id), fresh: w.fresh }));
    if (notes.length > 0 && options.recent !== false) await (this.recentSize > 0 ? this.writeRecent(db, notes) : this.emptyRecent(db));
  }

  /**
   * A new note enters the tier; a replaced one is rewritten there when it is in the tier's range (at
   * or above its lowest doc_id), and an older one stays out, so the tier keeps its shape.
   */
  private async writeRecent(db: Executor, notes: Array<{ docId: number; fresh: boolean }>): Promise<void> {
    const lowest = await this.recentEnd(db, 'ASC');
    const entering = notes.filter((n) => n.fresh || (lowest !== undefined && n.docId >= lowest)).map((n) => n.docId);
    if (entering.length > 0) {
      await sql`INSERT INTO search_recent (doc_id, ref_id, tsv)
        SELECT doc_id, ref_id, tsv FROM search_documents WHERE doc_id IN (${sql.join(entering)})
        ON CONFLICT (doc_id) DO UPDATE SET tsv = excluded.tsv`.execute(db);
    }
    if (notes.some((n) => n.fresh)) await this.trimRecent(db);
  }

  /**
   * With the tier turned off, notes written stop reaching it, so it is emptied (once): if it were
   * turned on again it must not answer with a stale window. It then fills with new notes again.
   */
  private async emptyRecent(db: Executor): Promise<void> {
    if ((await this.recentEnd(db, 'ASC')) !== undefined) await sql`DELETE FROM search_recent`.execute(db);
  }

  /** Removes up to RECENT_TRIM_BATCH of the oldest documents beyond the tier's size. */
  private async trimRecent(db: Executor): Promise<void> {
    const lowest = await this.recentEnd(db, 'ASC');
    const highest = await this.recentEnd(db, 'DESC');
    // doc_ids are unique, so a span no wider than the size cannot hold too many (the usual case, free).
    if (lowest === undefined || highest === undefined || highest - lowest < this.recentSize) return;
    await sql`DELETE FROM search_recent WHERE doc_id IN (SELECT doc_id FROM search_recent
      WHERE doc_id < (SELECT doc_id FROM search_recent ORDER BY doc_id DESC OFFSET ${this.recentSize - 1} LIMIT 1)
      ORDER BY doc_id LIMIT ${RECENT_TRIM_BATCH})`.execute(db);
  }

  private async recentEnd(db: Executor, dir: 'ASC' | 'DESC'): Promise<number | undefined> {
    const r = await sql<{ doc_id: string }>`SELECT doc_id FROM search_recent ORDER BY doc_id ${sql.raw(dir)} LIMIT 1`.execute(db);
    return r.rows[0] ? Number(r.rows[0].doc_id) : undefined;
  }

  async recentRefs(db: Executor): Promise<string[]> {
    const r = await sql<{ ref_id: string }>`SELECT ref_id FROM search_recent ORDER BY doc_id`.execute(db);
    return r.rows.map((row) => row.ref_id);
  }

  async rebuildRecent(db: Executor): Promise<void> {
    await sql`DELETE FROM search_recent`.execute(db);
    if (this.recentSize === 0) return;
    await sql`INSERT INTO search_recent (doc_id, ref_id, tsv)
      SELECT doc_id, ref_id, tsv FROM search_documents WHERE kind = 'note'
      ORDER BY doc_id DESC LIMIT ${this.recentSize}`.execute(db);
  }

  /**
   * A full reindex replaces every row; until autovacuum gets to them the planner would judge the GIN
   * and name indexes by the old statistics. Earlier benchmark passes ran ANALYZE by hand after
   * `kuaan reindex` (bench/search.md); now the reindex does.
   */
  async refreshStatistics(db: Executor): Promise<void> {
    await sql`ANALYZE search_documents, search_recent`.execute(db);
  }

  async remove(db: Executor, kind: SearchKind, refIds: string[]): Promise<void> {
    if (refIds.length === 0) return;
    if (kind === 'note') {
      await sql`DELETE FROM search_recent WHERE doc_id IN
        (SELECT doc_id FROM search_documents WHERE kind = 'note' AND ref_id IN (${sql.join(refIds)}))`.execute(db);
    }
    await db.deleteFrom('search_documents').where('kind', '=', kind).where('ref_id', 'in', refIds).execute();
  }

  async clear(db: Executor, kind?: SearchKind): Promise<void> {
    let q = db.deleteFrom('search_documents');
    if (kind) q = q.where('kind', '=', kind);
    await q.execute();
    if (!kind || kind === 'note') await sql`DELETE FROM search_recent`.execute(db);
  }

  matches(kind: SearchKind, query: SearchQuery) {
    const q = tsqueryLiteral(query);
    // The kind is inlined so the planner can pick that kind's partial GIN index.
    // The window is taken first and ranked outside it, so ts_rank runs for at most MATCH_WINDOW rows.
    // It comes out ordered by (score, ref_id) desc: a query sorted the same way then joins rows
    // (notes, their visibility) in that order and stops when its page is full — 21 index lookups
    // instead of 2,000 (bench/search.md).
    const window = sql.lit(windowOf(query, this.window));
    const enough = sql.lit(Math.min(this.recentEnough, windowOf(query, this.window)));
    // People and topics order by an expression, not the primary key, so the planner cannot walk the key
    // backwards hoping to meet a window of matches early: it misjudges how many people an OR of prefixes
    // or a names-only query matches (8,630 estimated, 2 real) and read all 1.1M documents at size M
    // (250–400 ms a typeahead). The GIN bitmap bounds the cost by the kind's candidates, at most its
    // 100,000-odd documents (13–30 ms; bench/search.md). Notes keep the key: their common words have the
    // recent tier, and a query reaching the full index with a common word needs the early stop.
    const newest = kind === 'note' ? sql`d.doc_id` : sql`d.doc_id + 0`;
    // Names-only queries for people and topics go to the kinds' name indexes.
    const vector = query.namesOnly && kind !== 'note' ? NAME_LEXEMES : sql`tsv`;
    const full = (condition: ReturnType<typeof sql>) => sql`SELECT d.ref_id, d.tsv FROM search_documents d
      WHERE d.kind = ${sql.lit(kind)} AND ${vector} @@ ${q}::tsquery ${condition}
      ORDER BY ${newest} DESC LIMIT ${window}`;
    if (kind !== 'note' || this.recentSize === 0) {
      return sql<MatchRow>`(SELECT r.ref_id, r.score FROM
        (SELECT w.ref_id AS ref_id, ts_rank(w.tsv, ${q}::tsquery)::float8 AS score FROM (${full(sql``)}) w) r
        ORDER BY r.score DESC, r.ref_id DESC)`.as('m');
    }
    // The recent tier first: enough matches there (recentEnough, up to a full window) are the newest
    // matches of the whole index, and ts_rank scores each document alone, so the answer is the one the
    // full index would give with that window. Otherwise the full index's window; the condition on the
    // tier's count is evaluated once (a one-time filter), so only one of the two branches reads anything.
    return sql<MatchRow>`(WITH t AS MATERIALIZED (SELECT s.ref_id, s.tsv FROM search_recent s
        WHERE s.tsv @@ ${q}::tsquery ORDER BY s.doc_id DESC LIMIT ${window})
      SELECT r.ref_id, r.score FROM
        (SELECT w.ref_id AS ref_id, ts_rank(w.tsv, ${q}::tsquery)::float8 AS score FROM
          (SELECT t.ref_id, t.tsv FROM t WHERE (SELECT count(*) FROM t) >= ${enough}
           UNION ALL (${full(sql`AND (SELECT count(*) FROM t) < ${enough}`)})) w) r
      ORDER BY r.score DESC, r.ref_id DESC)`.as('m');
  }
}
