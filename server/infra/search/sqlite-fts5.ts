import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { MATCH_WINDOW, type SearchDocument, type SearchIndex, type SearchKind, type SearchQuery } from './search-index.js';

/** An FTS5 string literal: the only syntax user-derived terms ever appear in. */
const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** Builds the MATCH expression from terms alone; no user text reaches FTS5 syntax. */
export function fts5Expression(query: SearchQuery): string {
  return query.groups
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
}

/**
 * SQLite: an FTS5 external-content table over search_documents. Columns are weighted title 4,
 * names 2, body 1 in bm25.
 *
 * The FTS rows are written here, not by triggers (migration 0017 dropped them), and in phases: the
 * old rows' 'delete' commands, then the content rows, then the new FTS rows. FTS5 buffers pending
 * terms in memory, but a write to another table between two FTS5 writes makes it flush a segment
 * and merge; with a trigger per row that cost 50 ms per document at 700,000 documents, against
 * 15 µs when the writes are grouped (bench/search.md).
 */
export class SqliteFts5Index implements SearchIndex {
  readonly dialect = 'sqlite' as const;

  async upsert(db: Executor, docs: SearchDocument[], now: number): Promise<void> {
    for (const kind of new Set(docs.map((d) => d.kind))) {
      const group = docs.filter((d) => d.kind === kind);
      const old = await this.rows(
        db,
        kind,
        group.map((d) => d.refId),
      );
      await this.ftsDelete(db, old);
      const byRef = new Map(old.map((o) => [o.ref_id, o.doc_id]));
      const written: Array<{ docId: number; doc: SearchDocument }> = [];
      for (const doc of group) {
        const values = { title: doc.fields.title.join(' '), names: doc.fields.names.join(' '), body: doc.fields.body.join(' '), updated_at: now };
        const existing = byRef.get(doc.refId);
        if (existing !== undefined) {
          await db.updateTable('search_documents').set(values).where('doc_id', '=', existing).execute();
          written.push({ docId: existing, doc });
        } else {
          const row = await db
            .insertInto('search_documents')
            .values({ kind, ref_id: doc.refId, ...values })
            .returning('doc_id')
            .executeTakeFirstOrThrow();
          byRef.set(doc.refId, Number(row.doc_id));
          written.push({ docId: Number(row.doc_id), doc });
        }
      }
      for (const { docId, doc } of written) {
        await sql`INSERT INTO search_fts(rowid, title, names, body)
          VALUES (${docId}, ${doc.fields.title.join(' ')}, ${doc.fields.names.join(' ')}, ${doc.fields.body.join(' ')})`.execute(db);
      }
    }
  }

  async remove(db: Executor, kind: SearchKind, refIds: string[]): Promise<void> {
    if (refIds.length === 0) return;
    await this.ftsDelete(db, await this.rows(db, kind, refIds));
    await db.deleteFrom('search_documents').where('kind', '=', kind).where('ref_id', 'in', refIds).execute();
  }

  async clear(db: Executor, kind?: SearchKind): Promise<void> {
    if (kind) {
      const old = await db.selectFrom('search_documents').select(['doc_id', 'ref_id', 'title', 'names', 'body']).where('kind', '=', kind).execute();
      await this.ftsDelete(db, old);
      await db.deleteFrom('search_documents').where('kind', '=', kind).execute();
      return;
    }
    await db.deleteFrom('search_documents').execute();
    await sql`INSERT INTO search_fts(search_fts) VALUES ('delete-all')`.execute(db);
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

  private async ftsDelete(db: Executor, old: Array<{ doc_id: number; title: string; names: string; body: string }>): Promise<void> {
    for (const o of old) {
      await sql`INSERT INTO search_fts(search_fts, rowid, title, names, body) VALUES ('delete', ${o.doc_id}, ${o.title}, ${o.names}, ${o.body})`.execute(db);
    }
  }

  matches(kind: SearchKind, query: SearchQuery) {
    // FTS5 walks the doclists newest rowid first and stops at the window; bm25 runs only for those.
    return sql<{ ref_id: string; score: number }>`(SELECT d.ref_id AS ref_id, -bm25(search_fts, 4.0, 2.0, 1.0) AS score
      FROM search_fts JOIN search_documents d ON d.doc_id = search_fts.rowid
      WHERE search_fts MATCH ${fts5Expression(query)} AND d.kind = ${kind}
      ORDER BY search_fts.rowid DESC LIMIT ${sql.lit(MATCH_WINDOW)})`.as('m');
  }
}
