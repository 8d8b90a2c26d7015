import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CompiledQuery, Kysely, sql } from 'kysely';
import { hotInTopic, hotTailRows, latestRows } from '../modules/feed/discover.repo.js';
import { followingRows, topicRows } from '../modules/feed/feed.repo.js';
import { earlierFingerprints } from '../modules/moderation/checks/spam.js';
import { notificationRows } from '../modules/notifications/notifications.repo.js';
import { followPage } from '../modules/social/graph.repo.js';
import { collectRows, likeRows } from '../modules/social/note-pages.repo.js';
import { freshPostgresDatabase, testDatabases } from '../test/harness.js';
import { Database } from './database.js';
import { type DialectHandle, postgresDialect, sqliteDialect } from './dialect.js';
import { migrateToLatest } from './migrations/index.js';
import type { DB } from './schema/index.js';

/**
 * Every keyset page over an indexed list must seek its index to the cursor (pagination.ts). Spelled as
 * `a < ? OR (a = ? AND id < ?)`, SQLite read these lists from the top on every page and PostgreSQL
 * filtered them; the cursor must be part of the index condition in the plan of each page.
 */
const AFTER: [number, string] = [1_700_000_000_000, '0190f5d2-0000-7000-8000-000000000000'];
const pages: Record<string, (db: Kysely<DB>) => Promise<unknown>> = {
  notifications: (db) => notificationRows(db, 'u1', AFTER, 20),
  followers: (db) => followPage(db, 'followers', 'u1', 'u2', AFTER, 20),
  following: (db) => followPage(db, 'following', 'u1', 'u2', AFTER, 20),
  'liked notes': (db) => likeRows(db, 'u1', 'u2', AFTER, 20),
  'collected notes': (db) => collectRows(db, { userId: 'u1' }, 'u2', AFTER, 20),
  "a board's notes": (db) => collectRows(db, { boardId: 'b1' }, 'u2', AFTER, 20),
  'topic, new': (db) => topicRows(db, 'h1', 'u2', 'new', AFTER, 20),
  'topic, hot': (db) => topicRows(db, 'h1', 'u2', 'hot', AFTER, 20),
  'Following feed': (db) => followingRows(db, 'u2', AFTER, 20),
  'Discover, chronological': (db) => latestRows(db, ['u3'], AFTER, 20),
  "Discover's hot tail": (db) => hotTailRows(db, ['u3'], AFTER, 20),
};

/** The line of a plan where an index is bounded by the cursor's row value. */
const SEEKS = {
  sqlite: /USING (COVERING )?INDEX \w+ \(.*\(\w+,\w+\)<\(\?,\?\)/,
  postgres: /Index Cond: .*ROW\(\w+, \w+\) < ROW\(/,
};

for (const kind of testDatabases()) {
  describe(`keyset pages seek to the cursor (${kind})`, () => {
    let handle: DialectHandle;
    let database: Database;
    let captured: CompiledQuery[] = [];
    let logged: Kysely<DB>;
    let cleanup: () => Promise<void>;

    before(async () => {
      if (kind === 'sqlite') {
        const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-keyset-'));
        handle = sqliteDialect(path.join(dir, 'kuaan.db'));
        cleanup = () => fs.rm(dir, { recursive: true, force: true });
      } else {
        const pg = await freshPostgresDatabase();
        handle = await postgresDialect(pg.url, () => {}, 2);
        cleanup = pg.drop;
      }
      database = new Database(handle);
      await migrateToLatest(database);
      // The repositories' own statements, captured as they run against the migrated schema.
      logged = new Kysely<DB>({
        dialect: handle.dialect,
        log: (e) => {
          if (e.level === 'query') captured.push(e.query);
        },
      });
    });
    after(async () => {
      // One destroy: both Kysely instances drive the same connection (or pool).
      await database.destroy();
      await cleanup();
    });

    async function plan(q: CompiledQuery): Promise<string> {
      if (kind === 'sqlite') {
        const rows = await database.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]));
        return rows.rows.map((r) => r.detail).join('\n');
      }
      // Empty tables are cheaper to scan; ask what the indexes can do, as the planner would at size.
      return database.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
        const rows = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${q.sql}`, [...q.parameters]));
        return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    }

    // Not a keyset page, but the same question of a plan: the spam check reads an author's day of
    // fingerprints from the author index alone (migration 0028), never from the posts' rows.
    for (const subject of ['comment', 'note'] as const) {
      it(`the spam check's read of earlier ${subject}s stays in the author index`, async () => {
        captured = [];
        await earlierFingerprints(logged, { kind: subject, id: AFTER[1], userId: 'u1', now: AFTER[0] });
        assert.equal(captured.length, 1, captured.map((q) => q.sql).join('\n'));
        const text = await plan(captured[0]!);
        const index = subject === 'comment' ? 'comments_author_created' : 'notes_author_covering';
        const covering = kind === 'sqlite' ? new RegExp(`USING COVERING INDEX ${index}`) : new RegExp(`Index Only Scan (Backward )?using ${index}`);
        assert.match(text, covering, `${captured[0]!.sql}\n${text}`);
      });
    }

    // Topic pages and Discover's topic pools walk the partial indexes over the rows of notes that may be
    // recommended, so held notes are never read past (migration 0029).
    const topicWalks: Array<[string, (db: Kysely<DB>) => Promise<unknown>, string]> = [
      ['a topic page by hot', (db) => topicRows(db, 'h1', 'u2', 'hot', null, 20), 'note_hashtags_hot'],
      ['a topic page by new', (db) => topicRows(db, 'h1', 'u2', 'new', null, 20), 'note_hashtags_new'],
      ["Discover's pool of a topic", (db) => hotInTopic(db, 'h1', 50), 'note_hashtags_hot'],
    ];
    for (const [name, query, index] of topicWalks) {
      it(`${name} walks ${index}`, async () => {
        captured = [];
        await query(logged);
        assert.equal(captured.length, 1, captured.map((q) => q.sql).join('\n'));
        const text = await plan(captured[0]!);
        const walks = kind === 'sqlite' ? new RegExp(`INDEX ${index} `) : new RegExp(`using ${index} `);
        assert.match(text, walks, `${captured[0]!.sql}\n${text}`);
      });
    }

    for (const [name, page] of Object.entries(pages)) {
      it(name, async () => {
        captured = [];
        await page(logged);
        const paged = captured.filter((q) => /\(.+, .+\) [<>] \(/.test(q.sql));
        assert.equal(paged.length, 1, `one statement with a row-value cursor, got:\n${captured.map((q) => q.sql).join('\n')}`);
        const text = await plan(paged[0]!);
        assert.match(text, SEEKS[kind], `${paged[0]!.sql}\n${text}`);
      });
    }
  });
}
