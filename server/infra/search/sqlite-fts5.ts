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
 * SQLite: an FTS5 external-content table over search_documents, kept in step by triggers (migration
 * 0008). Columns are weighted title 4, names 2, body 1 in bm25.
 */
export class SqliteFts5Index implements SearchIndex {
  readonly dialect = 'sqlite' as const;

  async upsert(db: Executor, docs: SearchDocument[], now: number): Promise<void> {
    for (const doc of docs) {
      await db
        .insertInto('search_documents')
        .values({
          kind: doc.kind,
          ref_id: doc.refId,
          title: doc.fields.title.join(' '),
          names: doc.fields.names.join(' '),
          body: doc.fields.body.join(' '),
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['kind', 'ref_id']).doUpdateSet((eb) => ({
            title: eb.ref('excluded.title'),
            names: eb.ref('excluded.names'),
            body: eb.ref('excluded.body'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  }

  async remove(db: Executor, kind: SearchKind, refIds: string[]): Promise<void> {
    if (refIds.length === 0) return;
    await db.deleteFrom('search_documents').where('kind', '=', kind).where('ref_id', 'in', refIds).execute();
  }

  async clear(db: Executor, kind?: SearchKind): Promise<void> {
    if (kind) {
      await db.deleteFrom('search_documents').where('kind', '=', kind).execute();
      return;
    }
    await db.deleteFrom('search_documents').execute();
    // Rebuild also compacts the FTS segments left behind by many deletes.
    await sql`INSERT INTO search_fts(search_fts) VALUES ('rebuild')`.execute(db);
  }

  matches(kind: SearchKind, query: SearchQuery) {
    // FTS5 walks the doclists newest rowid first and stops at the window; bm25 runs only for those.
    return sql<{ ref_id: string; score: number }>`(SELECT d.ref_id AS ref_id, -bm25(search_fts, 4.0, 2.0, 1.0) AS score
      FROM search_fts JOIN search_documents d ON d.doc_id = search_fts.rowid
      WHERE search_fts MATCH ${fts5Expression(query)} AND d.kind = ${kind}
      ORDER BY search_fts.rowid DESC LIMIT ${sql.lit(MATCH_WINDOW)})`.as('m');
  }
}
