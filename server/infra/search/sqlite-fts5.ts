import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import {
  indexSettings,
  RECENT_TRIM_BATCH,
  type MatchRow,
  type SearchDocument,
  type SearchIndex,
  type SearchIndexOptions,
  type SearchKind,
  type SearchQuery,
  type UpsertOptions,
  windowOf,
} from './search-index.js';

/** The recent tier's table (migration 0021): terms as in search_fts; no copy of the text (contentless). */
export async function createRecentTierSqlite(db: Executor): Promise<void> {
  await sql`CREATE VIRTUAL TABLE search_recent USING fts5(
    title, names, body, content='', contentless_delete=1,
    tokenize="unicode61 remove_diacritics 0"
  )`.execute(db);
}

const FTS_TABLES = { note: 'search_fts', user: 'search_people', topic: 'search_topics' } as const;

/** The FTS5 table holding a kind's terms. */
export const ftsTable = (kind: SearchKind) => sql.id(FTS_TABLES[kind]);

/**
 * People's and topics' terms (migration 0022): an FTS5 index per kind beside the notes' search_fts,
 * over the same content table, with prefix indexes for two- and three-character prefixes. In the
 * notes' index a typeahead prefix (`co`*) merged the doclists of every term it starts across a million
 * notes to find a few people; in one index shared by people and topics, finding the few topics meant
 * walking every person it matched (bench/search.md).
 */
export async function createKindIndexesSqlite(db: Executor): Promise<void> {
  for (const table of [FTS_TABLES.user, FTS_TABLES.topic]) {
    await sql`CREATE VIRTUAL TABLE ${sql.id(table)} USING fts5(
      title, names, body,
      content='search_documents', content_rowid='doc_id',
      tokenize="unicode61 remove_diacritics 0", prefix='2 3'
    )`.execute(db);
  }
}

/** A MATCH expression no document satisfies: U+E00F is private use, which cleaning strips from all text. */
const NO_DOCUMENT = '"\uE00F"';

/** An FTS5 string literal: the only syntax user-derived terms ever appear in. */
const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** Builds the MATCH expression from terms alone; no user text reaches FTS5 syntax. */
export function fts5Expression(query: SearchQuery): string {
  const expression = query.groups
    .map((g) => {
      const alts = g.alternatives
        .filter((a) => a.terms.length > 0)
        .map((a) => {
          const parts = a.terms.map((t, i) => quote(t) + (a.prefix && i === a.terms.length - 1 ? '*' : ''));
          return parts.length === 1 ? parts[0] : `(${parts.join(a.phrase ? ' + ' : ' AND ')})`;
        });
      return `(${alts.join(' OR ')})`;
    })
    .join(' AND ');
  return query.namesOnly ? `{title names} : (${expression})` : expression;
}

/**
 * SQLite: FTS5 external-content tables over search_documents, search_fts for notes,
 * search_people and search_topics for the other kinds. Columns are weighted title 4, names 2, body 1 in bm25.
 *
 * The FTS rows are written here, not by triggers (migration 0017 dropped them), and in phases: the
 * old rows' 'delete' commands, then the content rows, then the new FTS rows. FTS5 buffers pending
 * terms in memory, but a write to another table between two FTS5 writes makes it flush a segment
 * and merge; with a trigger per row that cost 50 ms per document at 700,000 documents, against
 * 15 µs when the writes are grouped (bench/search.md).
 *
 * The recent tier (RECENT_TIER_SIZE) is `search_recent`, a contentless FTS5 table whose rowid is the
 * note's doc_id (contentless_delete, so a document leaves it by rowid without its old text). It always
 * holds every note document from its lowest doc_id up: new documents enter it, trimming removes the
 * lowest. So whatever matches it holds (enough of them: RECENT_TIER_ENOUGH) are the newest of the whole index.
 */
export class SqliteFts5Index implements SearchIndex {
  readonly dialect = 'sqlite' as const;
  private readonly recentSize: number;
  private readonly window: number;
  private readonly recentEnough: number;

  constructor(options: SearchIndexOptions = {}) {
    ({ recentSize: this.recentSize, window: this.window, recentEnough: this.recentEnough } = indexSettings(options));
  }

  async upsert(db: Executor, docs: SearchDocument[], now: number, options: UpsertOptions = {}): Promise<void> {
    for (const kind of new Set(docs.map((d) => d.kind))) {
      const group = docs.filter((d) => d.kind === kind);
      const old = await this.rows(
        db,
        kind,
        group.map((d) => d.refId),
      );
      await this.ftsDelete(db, kind, old);
      const byRef = new Map(old.map((o) => [o.ref_id, o.doc_id]));
      const written: Array<{ docId: number; doc: SearchDocument; fresh: boolean }> = [];
      for (const doc of group) {
        const values = { title: doc.fields.title.join(' '), names: doc.fields.names.join(' '), body: doc.fields.body.join(' '), updated_at: now };
        const existing = byRef.get(doc.refId);
        if (existing !== undefined) {
          await db.updateTable('search_documents').set(values).where('doc_id', '=', existing).execute();
          written.push({ docId: existing, doc, fresh: false });
        } else {
          const row = await db
            .insertInto('search_documents')
            .values({ kind, ref_id: doc.refId, ...values })
            .returning('doc_id')
            .executeTakeFirstOrThrow();
          byRef.set(doc.refId, Number(row.doc_id));
          written.push({ docId: Number(row.doc_id), doc, fresh: true });
        }
      }
      for (const { docId, doc } of written) {
        await sql`INSERT INTO ${ftsTable(kind)}(rowid, title, names, body)
          VALUES (${docId}, ${doc.fields.title.join(' ')}, ${doc.fields.names.join(' ')}, ${doc.fields.body.join(' ')})`.execute(db);
      }
      if (kind === 'note' && options.recent !== false) await (this.recentSize > 0 ? this.writeRecent(db, written) : this.emptyRecent(db));
    }
  }

  /**
   * The recent tier's part of an upsert, after the full index's (each FTS table's writes grouped). A
   * new document enters it; a replaced one stays in it when it was in it (its doc_id is at or above the
   * tier's lowest), and an older one stays out, so the tier remains every note from its lowest doc_id up.
   */
  private async writeRecent(db: Executor, written: Array<{ docId: number; doc: SearchDocument; fresh: boolean }>): Promise<void> {
    const lowest = await this.recentEnd(db, 'ASC');
    const replaced = written.filter((w) => !w.fresh && lowest !== undefined && w.docId >= lowest);
    await this.recentDelete(
      db,
      replaced.map((w) => w.docId),
    );
    const entering = written.filter((w) => w.fresh || replaced.includes(w));
    for (const { docId, doc } of entering) {
      await sql`INSERT INTO search_recent(rowid, title, names, body)
        VALUES (${docId}, ${doc.fields.title.join(' ')}, ${doc.fields.names.join(' ')}, ${doc.fields.body.join(' ')})`.execute(db);
    }
    if (written.some((w) => w.fresh)) await this.trimRecent(db);
  }

  /**
   * With the tier turned off, notes written stop reaching it, so it is emptied (once): if it were
   * turned on again it must not answer with a stale window. It then fills with new notes again.
   */
  private async emptyRecent(db: Executor): Promise<void> {
    if ((await this.recentEnd(db, 'ASC')) !== undefined) await sql`INSERT INTO search_recent(search_recent) VALUES ('delete-all')`.execute(db);
  }

  /** Removes up to RECENT_TRIM_BATCH of the oldest documents beyond the tier's size. */
  private async trimRecent(db: Executor): Promise<void> {
    const lowest = await this.recentEnd(db, 'ASC');
    const highest = await this.recentEnd(db, 'DESC');
    // doc_ids are unique, so a span no wider than the size cannot hold too many (the usual case, free).
    if (lowest === undefined || highest === undefined || highest - lowest < this.recentSize) return;
    const floor = await sql<{ rowid: number }>`SELECT rowid FROM search_recent ORDER BY rowid DESC LIMIT 1 OFFSET ${this.recentSize - 1}`.execute(db);
    const keepFrom = floor.rows[0]?.rowid;
    if (keepFrom === undefined) return;
    await sql`DELETE FROM search_recent WHERE rowid IN
      (SELECT rowid FROM search_recent WHERE rowid < ${keepFrom} ORDER BY rowid LIMIT ${RECENT_TRIM_BATCH})`.execute(db);
  }

  /** The tier's lowest or highest doc_id (FTS5 answers an ORDER BY rowid LIMIT 1 without a scan). */
  private async recentEnd(db: Executor, dir: 'ASC' | 'DESC'): Promise<number | undefined> {
    const r = await sql<{ rowid: number }>`SELECT rowid FROM search_recent ORDER BY rowid ${sql.raw(dir)} LIMIT 1`.execute(db);
    return r.rows[0]?.rowid;
  }

  private async recentDelete(db: Executor, docIds: number[]): Promise<void> {
    if (docIds.length === 0) return;
    await sql`DELETE FROM search_recent WHERE rowid IN (${sql.join(docIds)})`.execute(db);
  }

  async recentRefs(db: Executor): Promise<string[]> {
    const r = await sql<{ ref_id: string }>`SELECT d.ref_id FROM search_recent r JOIN search_documents d ON d.doc_id = r.rowid ORDER BY r.rowid`.execute(db);
    return r.rows.map((row) => row.ref_id);
  }

  async rebuildRecent(db: Executor): Promise<void> {
    await sql`INSERT INTO search_recent(search_recent) VALUES ('delete-all')`.execute(db);
    if (this.recentSize === 0) return;
    await sql`INSERT INTO search_recent(rowid, title, names, body)
      SELECT doc_id, title, names, body FROM search_documents WHERE kind = 'note'
      ORDER BY doc_id DESC LIMIT ${this.recentSize}`.execute(db);
  }

  /** FTS5 keeps no planner statistics, and the content table is only read by key. */
  async refreshStatistics(): Promise<void> {}

  async remove(db: Executor, kind: SearchKind, refIds: string[]): Promise<void> {
    if (refIds.length === 0) return;
    const old = await this.rows(db, kind, refIds);
    await this.ftsDelete(db, kind, old);
    if (kind === 'note')
      await this.recentDelete(
        db,
        old.map((o) => o.doc_id),
      );
    await db.deleteFrom('search_documents').where('kind', '=', kind).where('ref_id', 'in', refIds).execute();
  }

  async clear(db: Executor, kind?: SearchKind): Promise<void> {
    if (kind) {
      const old = await db.selectFrom('search_documents').select(['doc_id', 'ref_id', 'title', 'names', 'body']).where('kind', '=', kind).execute();
      await this.ftsDelete(db, kind, old);
      await db.deleteFrom('search_documents').where('kind', '=', kind).execute();
      if (kind === 'note') await sql`INSERT INTO search_recent(search_recent) VALUES ('delete-all')`.execute(db);
      return;
    }
    await db.deleteFrom('search_documents').execute();
    for (const table of Object.values(FTS_TABLES)) await sql`INSERT INTO ${sql.id(table)}(${sql.id(table)}) VALUES ('delete-all')`.execute(db);
    await sql`INSERT INTO search_recent(search_recent) VALUES ('delete-all')`.execute(db);
  }

  /** The stored rows of some documents: an external-content FTS 'delete' needs the old text. */
  private rows(db: Executor, kind: SearchKind, refIds: string[]) {
    return db
      .selectFrom('search_documents')
      .select(['doc_id', 'ref_id', 'title', 'names', 'body'])
      .where('kind', '=', kind)
      .where('ref_id', 'in', refIds)
      .execute();
  }

  private async ftsDelete(db: Executor, kind: SearchKind, old: Array<{ doc_id: number; title: string; names: string; body: string }>): Promise<void> {
    const table = ftsTable(kind);
    for (const o of old) {
      await sql`INSERT INTO ${table}(${table}, rowid, title, names, body) VALUES ('delete', ${o.doc_id}, ${o.title}, ${o.names}, ${o.body})`.execute(db);
    }
  }

  matches(kind: SearchKind, query: SearchQuery) {
    const match = fts5Expression(query);
    const window = sql.lit(windowOf(query, this.window));
    // FTS5 walks the doclists newest rowid first and stops at the window; bm25 runs only for those.
    const fts = ftsTable(kind);
    const full = (expression: RawBuilder<string>) => sql`SELECT d.ref_id AS ref_id, -bm25(${fts}, 4.0, 2.0, 1.0) AS score
      FROM ${fts} JOIN search_documents d ON d.doc_id = ${fts}.rowid
      WHERE ${fts} MATCH ${expression} AND d.kind = ${kind} ORDER BY ${fts}.rowid DESC LIMIT ${window}`;
    // The window comes out ordered by (score, ref_id) desc, the order relevance pages ask for, so SQLite
    // keeps it as the outer loop, skips the final sort and looks up notes (and their visibility) only
    // until the page is full: ~21 lookups instead of one per match (bench/search.md, fourth pass).
    // (The LIMIT, never reached, keeps SQLite from dropping a subquery's ORDER BY as unneeded.)
    const ranked = (rows: RawBuilder<unknown>) => sql<MatchRow>`(SELECT ref_id, score FROM (${rows}) ORDER BY score DESC, ref_id DESC LIMIT ${window})`.as('m');
    if (kind !== 'note' || this.recentSize === 0) return ranked(full(sql`${match}`));
    // The recent tier first. Enough matches there (recentEnough, up to a full window) are the full
    // index's newest matches too (the tier is every note from its lowest doc_id up), ranked by bm25 over
    // the tier, whose IDF walk covers a tenth of the doclists. Otherwise the full index's own window,
    // ranked as before. `c` counts the tier's matches up to that threshold without bm25 (so a query bound
    // for the full index pays no IDF walk in the tier). The count chooses each branch's MATCH expression:
    // the query, or a term no document holds, which FTS5 answers with one b-tree probe. A condition
    // beside MATCH would not do: SQLite tests it on every row the FTS cursor returns, so the full index's
    // matches were all walked.
    const enough = sql.lit(Math.min(this.recentEnough, windowOf(query, this.window)));
    const tierHas = sql`(SELECT n FROM c) >= ${enough}`;
    return ranked(sql`WITH c AS MATERIALIZED (SELECT count(*) AS n FROM (SELECT 1 FROM search_recent WHERE search_recent MATCH ${match}
          ORDER BY search_recent.rowid DESC LIMIT ${enough})),
        t AS MATERIALIZED (SELECT search_recent.rowid AS doc_id, -bm25(search_recent, 4.0, 2.0, 1.0) AS score FROM search_recent
          WHERE search_recent MATCH CASE WHEN ${tierHas} THEN ${match} ELSE ${NO_DOCUMENT} END ORDER BY search_recent.rowid DESC LIMIT ${window})
      SELECT d.ref_id AS ref_id, t.score AS score FROM t JOIN search_documents d ON d.doc_id = t.doc_id
      UNION ALL
      SELECT ref_id, score FROM (${full(sql`CASE WHEN ${tierHas} THEN ${NO_DOCUMENT} ELSE ${match} END`)})`);
  }
}
