import type { Database } from '../../db/database.js';
import type { IndexFields, SearchDocument, SearchIndex } from '../../infra/search/search-index.js';
import * as repo from './search.repo.js';
import type { SearchText } from './search.text.js';

export interface IndexerDeps {
  database: Database;
  search: SearchIndex;
  clock: { now(): number };
}

/** How far back each user sweep looks past its watermark, for transactions that committed late. */
const SWEEP_OVERLAP_MS = 5000;
const SWEEP_BATCH = 500;

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
    const docs: SearchDocument[] = [];
    for (const n of sources) docs.push({ kind: 'note', refId: n.id, fields: await this.noteFields(n) });
    const found = new Set(sources.map((s) => s.id));
    const topicIds = await repo.hashtagIdsOfNotes(this.db, [...found]);
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
    const docs: SearchDocument[] = [];
    for (const u of users) {
      docs.push({
        kind: 'user',
        refId: u.id,
        fields: {
          title: await this.text.indexTerms(u.handle, u.display_name),
          names: await this.text.pinyinTerms(u.display_name),
          body: await this.text.indexTerms(u.bio),
        },
      });
    }
    const found = new Set(users.map((u) => u.id));
    await this.deps.database.transaction(async ({ db }) => {
      await this.deps.search.upsert(db, docs, this.deps.clock.now());
      await this.deps.search.remove(
        db,
        'user',
        ids.filter((id) => !found.has(id)),
      );
    });
  }

  async indexTopics(ids: string[]): Promise<void> {
    const topics = await repo.topicSources(this.db, ids);
    const docs: SearchDocument[] = [];
    for (const t of topics) {
      docs.push({
        kind: 'topic',
        refId: t.id,
        fields: {
          title: [...(await this.text.indexTerms(t.name)), await this.text.tagTermOf(t.name)],
          names: await this.text.pinyinTerms(t.name),
          body: [],
        },
      });
    }
    await this.deps.search.upsert(this.db, docs, this.deps.clock.now());
  }

  /**
   * Reindexes people changed since the watermark (with an overlap for late commits); returns the
   * next watermark. The safety net under `user.updated`, and how sign-ups become searchable.
   */
  async syncUsers(since: number): Promise<number> {
    let from = Math.max(0, since - SWEEP_OVERLAP_MS);
    let watermark = since;
    for (;;) {
      const rows = await repo.usersChangedSince(this.db, from, SWEEP_BATCH);
      if (rows.length === 0) return watermark;
      await this.indexUsers(rows.map((r) => r.id));
      watermark = Math.max(watermark, ...rows.map((r) => Number(r.updated_at)));
      if (rows.length < SWEEP_BATCH) return watermark;
      // Many changes in one millisecond would repeat forever from `from`; step past it.
      const next = Number(rows.at(-1)!.updated_at);
      from = next > from ? next : from + 1;
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
      }
    }
    return counts;
  }

  /** Notes without their topics (the full reindex does topics in their own pass). */
  private async indexNotesOnly(ids: string[]): Promise<void> {
    const sources = await repo.noteSources(this.db, ids);
    const docs: SearchDocument[] = [];
    for (const n of sources) docs.push({ kind: 'note', refId: n.id, fields: await this.noteFields(n) });
    await this.deps.database.transaction(({ db }) => this.deps.search.upsert(db, docs, this.deps.clock.now()));
  }
}
