import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { Database } from '../../db/database.js';
import { sqliteDialect } from '../../db/dialect.js';
import { migrateTo } from '../../db/migrations/index.js';
import type { QueryAlternative, SearchQuery } from './search-index.js';
import { SqliteFts5Index } from './sqlite-fts5.js';

const query = (terms: string[], prefix = false): SearchQuery => ({
  groups: [{ alternatives: [{ terms, phrase: false, prefix, via: 'text' } satisfies QueryAlternative] }],
});

/**
 * Migration 0022 on a database indexed before it: people's and topics' terms leave the notes' FTS5
 * index for one of their own each, and every kind is still found.
 */
describe('search kind indexes migration (sqlite)', () => {
  let database: Database;
  before(async () => {
    database = new Database(sqliteDialect(':memory:'));
    await migrateTo(database, '0021-search-recent-tier');
    // Documents as the index wrote them up to 0021: every kind in search_fts.
    const docs = [
      ['note', 'n1', 'coffee morning', 'latte'],
      ['user', 'u1', 'cora', 'coffee lover'],
      ['topic', 't1', 'coffee', ''],
    ];
    for (const [i, [kind, ref, title, body]] of docs.entries()) {
      await sql`INSERT INTO search_documents (doc_id, kind, ref_id, title, names, body, updated_at) VALUES (${i + 1}, ${kind}, ${ref}, ${title}, '', ${body}, 1)`.execute(
        database.db,
      );
      await sql`INSERT INTO search_fts (rowid, title, names, body) VALUES (${i + 1}, ${title}, '', ${body})`.execute(database.db);
    }
    assert.deepEqual(await migrateTo(database, '0022-search-kind-indexes'), ['0022-search-kind-indexes']);
  });
  after(() => database.destroy());

  const refs = async (kind: 'note' | 'user' | 'topic', q: SearchQuery) =>
    (await database.db.selectFrom(new SqliteFts5Index().matches(kind, q)).select('m.ref_id').execute()).map((r) => r.ref_id).sort();
  const rowids = async (table: 'search_fts' | 'search_people' | 'search_topics', term: string) =>
    (await sql<{ rowid: number }>`SELECT rowid FROM ${sql.id(table)} WHERE ${sql.id(table)} MATCH ${`"${term}"`} ORDER BY rowid`.execute(database.db)).rows.map(
      (r) => r.rowid,
    );

  it('keeps each kind in its own index', async () => {
    assert.deepEqual(await rowids('search_fts', 'coffee'), [1]);
    assert.deepEqual(await rowids('search_people', 'coffee'), [2]);
    assert.deepEqual(await rowids('search_topics', 'coffee'), [3]);
    assert.deepEqual(await rowids('search_fts', 'cora'), []);
  });

  it('finds every kind, by word and by a two-letter prefix', async () => {
    assert.deepEqual(await refs('note', query(['coffee'])), ['n1']);
    assert.deepEqual(await refs('user', query(['coffee'])), ['u1']);
    assert.deepEqual(await refs('topic', query(['coffee'])), ['t1']);
    assert.deepEqual(await refs('user', query(['co'], true)), ['u1']);
    assert.deepEqual(await refs('note', query(['co'], true)), ['n1']);
  });
});
