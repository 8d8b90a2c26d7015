import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Database } from '../../db/database.js';
import type { IndexFields, SearchDocument, SearchIndex } from '../../infra/search/search-index.js';
import * as repo from './search.repo.js';
import type { SearchText } from './search.text.js';

export interface IndexerDeps {
  database: Database;
  search: SearchIndex;
  clock: { now(): number };
}

/**
 * Where the user sweep stands: its watermark (the newest change indexed) and, while it is catching up
 * over more than one batch, the exact row it stopped after.
 */
export interface SweepPosition {
  since: number;
  after?: { at: number; id: string };
}

/** How far back each user sweep looks past its watermark, for transactions that committed late. */
const SWEEP_OVERLAP_MS = 5000;
const SWEEP_BATCH = 500;
/** Documents tokenized between two yields to the event loop (jieba and pinyin run synchronously). */
const TOKENIZE_CHUNK = 20;
/** People written per transaction by the sweep. */
const WRITE_CHUNK = 100;

/**
 * Builds documents one by one, yielding to the event loop every few: a batch of 500 people is ~150 ms
 * of segmentation and pinyin, which would otherwise hold every waiting request for that long.
 */
async function buildChunked<T>(items: readonly T[], build: (item: T) => Promise<SearchDocument>): Promise<SearchDocument[]> {
  const docs: SearchDocument[] = [];
  for (const [i, item] of items.entries()) {
    if (i > 0 && i % TOKENIZE_CHUNK === 0) await yieldToEventLoop();
    docs.push(await build(item));
  }
  return docs;
}

/**
 * Turns notes, people and topics into search documents. Every method is idempotent ("make the index
 * agree with the database for this id"), so jobs may run twice or late without harm.
 */
export class SearchIndexer {
  constructor(
    private readonly deps: IndexerDeps,
    private readonly text: SearchText,
  ) {}

  private get db() {
    return this.deps.database.db;
  }

  private async noteFields(n: repo.NoteSource): Promise<IndexFields> {
    const tags = await Promise.all(n.tags.map((t) => this.text.tagTermOf(t)));
    return {
      title: [...(await this.text.indexTerms(n.title)), ...tags],
      names: [],
      body: await this.text.indexTerms(n.body, ...n.alts, n.location_label ?? ''),
    };
  }

  /** Indexes the notes (removing those that no longer exist) and the topics they carry. */
  async indexNotes(ids: string[]): Promise<void> {
    const sources = await repo.noteSources(this.db, ids);
    const docs = await buildChunked(sources, async (n): Promise<SearchDocument> => ({ kind: 'note', refId: n.id, fields: await this.noteFields(n) }));
    const found = new Set(sources.map((s) => s.id));
    // A topic's document is its name alone, which never changes: only topics new to the index need
    // one. Rewriting #food's FTS row for every note tagged #food was two of the three upserts a post cost.
    const topicIds = await repo.unindexedTopicIdsOfNotes(this.db, [...found]);
    await this.deps.database.transaction(async ({ db }) => {
      await this.deps.search.upsert(db, docs, this.deps.clock.now());
      await this.deps.search.remove(
        db,
        'note',
        ids.filter((id) => !found.has(id)),
      );
    });
    await this.indexTopics(topicIds);
  }

  async indexUsers(ids: string[]): Promise<void> {
    const users = await repo.userSources(this.db, ids);
    const docs = await buildChunked(
      users,
      async (u): Promise<SearchDocument> => ({
        kind: 'user',
        refId: u.id,
        fields: {
          title: await this.text.indexTerms(u.handle, u.display_name),
          names: await this.text.pinyinTerms(u.display_name),
          body: await this.text.indexTerms(u.bio),
        },
      }),
    );
    const found = new Set(users.map((u) => u.id));
    // Written a slice per transaction, with the event loop free in between: on SQLite a transaction
    // holds the one connection, and 500 FTS upserts at once held every request for ~100 ms.
    for (let i = 0; i < docs.length; i += WRITE_CHUNK) {
      if (i > 0) await yieldToEventLoop();
      await this.deps.database.transaction(({ db }) => this.deps.search.upsert(db, docs.slice(i, i + WRITE_CHUNK), this.deps.clock.now()));
    }
    await this.deps.search.remove(
      this.db,
      'user',
      ids.filter((id) => !found.has(id)),
    );
  }

  async indexTopics(ids: string[]): Promise<void> {
    const topics = await repo.topicSources(this.db, ids);
    const docs = await buildChunked(
      topics,
      async (t): Promise<SearchDocument> => ({
        kind: 'topic',
        refId: t.id,
        fields: {
          title: [...(await this.text.indexTerms(t.name)), await this.text.tagTermOf(t.name)],
          names: await this.text.pinyinTerms(t.name),
          body: [],
        },
      }),
    );
    await this.deps.search.upsert(this.db, docs, this.deps.clock.now());
  }

  /**
   * Reindexes one batch of people changed since the sweep's position and returns the next position,
   * and whether more are waiting past it. The safety net under `user.updated`, and how sign-ups become
   * searchable. A fresh sweep starts a little before its watermark (for transactions that committed
   * late); a sweep still catching up continues exactly after the last person it indexed. At most
   * `batch` people are in memory at once.
   */
  async syncUsersBatch(position: SweepPosition, batch = SWEEP_BATCH): Promise<{ next: SweepPosition; more: boolean }> {
    const rows = position.after
      ? await repo.usersChangedAfter(this.db, position.after, batch)
      : await repo.usersChangedSince(this.db, Math.max(0, position.since - SWEEP_OVERLAP_MS), batch);
    if (rows.length === 0) return { next: { since: position.since }, more: false };
    await this.indexUsers(rows.map((r) => r.id));
    const last = rows.at(-1)!;
    const since = Math.max(position.since, Number(last.updated_at));
    if (rows.length < batch) return { next: { since }, more: false };
    return { next: { since, after: { at: Number(last.updated_at), id: last.id } }, more: true };
  }

  /** Sweeps every batch until caught up (tests and the CLI); the recurring job does one batch a run. */
  async syncUsers(since: number, batch = SWEEP_BATCH): Promise<number> {
    let position: SweepPosition = { since };
    for (;;) {
      const r = await this.syncUsersBatch(position, batch);
      position = r.next;
      if (!r.more) return position.since;
      await yieldToEventLoop();
    }
  }

  /** Drops the whole index and builds it again from the tables, a batch at a time. */
  async reindexAll(progress: (line: string) => void = () => {}, batch = 200): Promise<{ notes: number; users: number; topics: number }> {
    await this.deps.search.clear(this.db);
    const counts = { notes: 0, users: 0, topics: 0 };
    const tables = [
      ['notes', 'notes', (ids: string[]) => this.indexNotesOnly(ids)],
      ['users', 'users', (ids: string[]) => this.indexUsers(ids)],
      ['hashtags', 'topics', (ids: string[]) => this.indexTopics(ids)],
    ] as const;
    for (const [table, label, index] of tables) {
      const total = await repo.countOf(this.db, table);
      let after: string | null = null;
      for (;;) {
        const ids = await repo.idBatch(this.db, table, after, batch);
        if (ids.length === 0) break;
        await index(ids);
        counts[label] += ids.length;
        after = ids.at(-1)!;
        progress(`${label}: ${counts[label]}/${total}`);
        await yieldToEventLoop();
      }
      if (table === 'notes') {
        // The notes went into the full index alone; the recent tier takes the newest of them at once.
        await this.deps.database.transaction(({ db }) => this.deps.search.rebuildRecent(db));
        progress('notes: recent tier rebuilt');
      }
    }
    await this.deps.search.refreshStatistics(this.db);
    return counts;
  }

  /** Notes without their topics (the full reindex does topics in their own pass). */
  private async indexNotesOnly(ids: string[]): Promise<void> {
    const sources = await repo.noteSources(this.db, ids);
    const docs = await buildChunked(sources, async (n): Promise<SearchDocument> => ({ kind: 'note', refId: n.id, fields: await this.noteFields(n) }));
    await this.deps.database.transaction(({ db }) => this.deps.search.upsert(db, docs, this.deps.clock.now(), { recent: false }));
  }
}
