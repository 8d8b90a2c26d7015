import type { Executor } from '../../db/database.js';
import * as repo from './discover.repo.js';
import { RANKING } from './discover.rank.js';

/** A candidate with what ranking needs besides its counters: its topics and its author. */
export interface HydratedRow extends repo.CandidateRow {
  tags: Array<[string, string]>;
  authorHandle: string;
  authorJoinedAt: number;
}

export const POOL_SIZES = {
  trending: 300,
  popularDays: 7,
  popular: 200,
  newcomerScan: 1000,
  newcomers: 60,
  perTopic: 15,
} as const;

const DAY = 86_400_000;
const MAX_TOPICS = 5_000;

/** Adds topics and authors to candidate rows in two queries; a row whose author is gone is dropped. */
export async function hydrateRows(db: Executor, rows: repo.CandidateRow[]): Promise<HydratedRow[]> {
  if (rows.length === 0) return [];
  const [tags, authors] = await Promise.all([
    repo.hashtagsOfNotes(
      db,
      rows.map((r) => r.id),
    ),
    repo.authorsOf(
      db,
      rows.map((r) => r.author_id),
    ),
  ]);
  const out: HydratedRow[] = [];
  for (const r of rows) {
    const author = authors.get(r.author_id);
    if (author) out.push({ ...r, tags: tags.get(r.id) ?? [], authorHandle: author.handle, authorJoinedAt: author.createdAt });
  }
  return out;
}

/**
 * A value fetched at most once per TTL, served stale while a newer one is fetched in the background
 * (only the very first reader waits), so a refresh never lands on one unlucky request's latency.
 * A failed refresh keeps the old value and is tried again by the next reader.
 */
class Refreshing<T> {
  private current: { at: number; value: Promise<T> } | null = null;
  private refreshing = false;
  /** Bumped by drop(): a refresh that began before it must not install what it read. */
  private generation = 0;

  constructor(private readonly load: () => Promise<T>) {}

  get(now: number, ttlMs: number): Promise<T> {
    if (!this.current) {
      const value = this.load();
      const entry = { at: now, value };
      this.current = entry;
      value.catch(() => {
        if (this.current === entry) this.current = null;
      });
      return value;
    }
    if (now - this.current.at > ttlMs && !this.refreshing) {
      this.refreshing = true;
      const generation = this.generation;
      this.load()
        .then((fresh) => {
          if (generation === this.generation) this.current = { at: now, value: Promise.resolve(fresh) };
        })
        .catch(() => {})
        .finally(() => {
          this.refreshing = false;
        });
    }
    return this.current.value;
  }

  /** Forgets the value: the next reader waits for a fresh one (readers arriving meanwhile share it). */
  drop(): void {
    this.generation++;
    this.current = null;
  }
}

/**
 * Candidate lists that are the same for every reader — the trending pools, newcomers' notes, and
 * the hottest notes of each topic — fetched and hydrated once per TTL per app instance and shared,
 * refreshed in the background.
 * A reader's own sources (people they follow, authors they engaged with) are not cached here.
 */
export class CandidatePools {
  private readonly shared = new Refreshing(() => this.loadShared());
  private readonly topics = new Map<string, Refreshing<HydratedRow[]>>();

  constructor(
    private readonly db: Executor,
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  /**
   * A note appeared or went away in this process: the next reader waits for fresh pools, so a new
   * note is on Discover at once. (Deleted ones are dropped at presentation anyway.)
   */
  invalidate(): void {
    this.shared.drop();
    this.topics.clear();
  }

  /** Hot now, most engaged this week, and newcomers' recent notes. */
  pools() {
    return this.shared.get(this.now(), this.ttlMs);
  }

  /** The hottest notes of one topic. */
  topic(hashtagId: string): Promise<HydratedRow[]> {
    let entry = this.topics.get(hashtagId);
    if (!entry) {
      if (this.topics.size >= MAX_TOPICS) this.topics.delete(this.topics.keys().next().value!);
      entry = new Refreshing(() => repo.hotInTopic(this.db, hashtagId, POOL_SIZES.perTopic).then((r) => hydrateRows(this.db, r)));
      this.topics.set(hashtagId, entry);
    }
    return entry.get(this.now(), this.ttlMs);
  }

  private async loadShared() {
    const now = this.now();
    const [trending, popular, newcomers] = await Promise.all([
      repo.hotPool(this.db, POOL_SIZES.trending).then((r) => hydrateRows(this.db, r)),
      repo.popularPool(this.db, now - POOL_SIZES.popularDays * DAY, POOL_SIZES.popular).then((r) => hydrateRows(this.db, r)),
      repo
        .newcomerPool(this.db, now - RANKING.newcomerDays * DAY, POOL_SIZES.newcomerScan, POOL_SIZES.newcomers)
        .then((r) => hydrateRows(this.db, r)),
    ]);
    return { trending, popular, newcomers };
  }
}
