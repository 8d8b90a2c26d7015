import { type Kysely, sql } from 'kysely';
import type { KuaanMigration } from './migration.js';

/**
 * The search index: one row per searchable thing (note, user, topic) holding tokens our own text
 * pipeline produced (space-separated), and the engine's index over them — an FTS5 external-content
 * table on SQLite, a tsvector column with GIN indexes on PostgreSQL (ADR 0006). The two engines need
 * different DDL, so this step has one branch per dialect and nothing else differs.
 */
export const search: KuaanMigration = {
  async up(db, kind) {
    await (kind === 'sqlite' ? sqliteUp(db) : postgresUp(db));
    // The user sweep walks users changed since its watermark; trending counts recent tag uses.
    await db.schema.createIndex('users_updated').on('users').columns(['updated_at', 'id']).execute();
    await db.schema.createIndex('note_hashtags_recent').on('note_hashtags').columns(['created_at', 'hashtag_id']).execute();
  },
};

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time.
async function sqliteUp(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE search_documents (
    doc_id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    ref_id TEXT NOT NULL,
    title TEXT NOT NULL,
    names TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX search_documents_ref ON search_documents (kind, ref_id)`.execute(db);
  // Tokens arrive already cut, folded and stemmed; unicode61 only has to split them on spaces.
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
    title, names, body,
    content='search_documents', content_rowid='doc_id',
    tokenize="unicode61 remove_diacritics 0"
  )`.execute(db);
  // The standard external-content triggers keep the FTS index in step with its content table.
  await sql`CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_fts(rowid, title, names, body) VALUES (new.doc_id, new.title, new.names, new.body);
  END`.execute(db);
  await sql`CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, names, body) VALUES ('delete', old.doc_id, old.title, old.names, old.body);
  END`.execute(db);
  await sql`CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, names, body) VALUES ('delete', old.doc_id, old.title, old.names, old.body);
    INSERT INTO search_fts(rowid, title, names, body) VALUES (new.doc_id, new.title, new.names, new.body);
  END`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time.
async function postgresUp(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE search_documents (
    doc_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    ref_id text NOT NULL,
    title text NOT NULL,
    names text NOT NULL,
    body text NOT NULL,
    tsv tsvector NOT NULL,
    updated_at bigint NOT NULL
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX search_documents_ref ON search_documents (kind, ref_id)`.execute(db);
  // One partial GIN index per kind: a note search never walks the posting lists of users or topics.
  for (const k of ['note', 'user', 'topic'] as const) {
    await sql`CREATE INDEX ${sql.id(`search_documents_${k}_tsv`)} ON search_documents USING gin (tsv) WHERE kind = ${sql.lit(k)}`.execute(db);
  }
}
