import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { type IndexFields, MATCH_WINDOW, type SearchDocument, type SearchIndex, type SearchKind, type SearchQuery } from './search-index.js';

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

/** The tsquery for the query: AND of groups, OR of alternatives, <-> inside phrases, :* for prefixes. */
export function tsqueryLiteral(query: SearchQuery): string {
  return query.groups
    .map((g) => {
      const alts = g.alternatives
        .filter((a) => a.terms.length > 0)
        .map((a) => {
          const parts = a.terms.map((t, i) => lexeme(t) + (a.prefix && i === a.terms.length - 1 ? ':*' : ''));
          return parts.length === 1 ? parts[0] : `(${parts.join(a.phrase ? ' <-> ' : ' & ')})`;
        });
      return `(${alts.join(' | ')})`;
    })
    .join(' & ');
}

/** PostgreSQL: a tsvector column on search_documents with one partial GIN index per kind. */
export class PostgresFtsIndex implements SearchIndex {
  readonly dialect = 'postgres' as const;

  async upsert(db: Executor, docs: SearchDocument[], now: number): Promise<void> {
    if (docs.length === 0) return;
    await db
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
      .execute();
  }

  async remove(db: Executor, kind: SearchKind, refIds: string[]): Promise<void> {
    if (refIds.length === 0) return;
    await db.deleteFrom('search_documents').where('kind', '=', kind).where('ref_id', 'in', refIds).execute();
  }

  async clear(db: Executor, kind?: SearchKind): Promise<void> {
    let q = db.deleteFrom('search_documents');
    if (kind) q = q.where('kind', '=', kind);
    await q.execute();
  }

  matches(kind: SearchKind, query: SearchQuery) {
    const q = tsqueryLiteral(query);
    // The kind is inlined so the planner can pick that kind's partial GIN index.
    // The window is taken first and ranked outside it, so ts_rank runs for at most MATCH_WINDOW rows.
    // It comes out ordered by (score, ref_id) desc: a query sorted the same way then joins rows
    // (notes, their visibility) in that order and stops when its page is full — 21 index lookups
    // instead of 2,000 (bench/search.md).
    return sql<{ ref_id: string; score: number }>`(SELECT r.ref_id, r.score FROM
      (SELECT w.ref_id AS ref_id, ts_rank(w.tsv, ${q}::tsquery)::float8 AS score
        FROM (SELECT d.ref_id, d.tsv FROM search_documents d
          WHERE d.kind = ${sql.lit(kind)} AND d.tsv @@ ${q}::tsquery
          ORDER BY d.doc_id DESC LIMIT ${sql.lit(MATCH_WINDOW)}) w) r
      ORDER BY r.score DESC, r.ref_id DESC)`.as('m');
  }
}
