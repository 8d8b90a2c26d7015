import type { Executor } from '../../db/database.js';
import * as repo from './discover.repo.js';

/** What reading a reader's taste needs to know about a note they liked or collected. */
export interface NoteFact {
  authorId: string;
  /** [hashtag id, name] of the note's topics. */
  tags: Array<[string, string]>;
}

/** The bus channel on which a node says a note's facts changed (its topics were edited). */
export const NOTE_FACTS_CHANNEL = 'feed.note-facts';

const MAX_FACTS = 100_000;
/** Topic pairs are shared between entries; a community with more topics than this shares only these. */
const MAX_SHARED_TAGS = 10_000;
/** A safety net for a lost bus message: an edited note's old topics are trusted at most this long. */
const FACTS_TTL_MS = 10 * 60_000;

/**
 * The author and topics of notes, shared by every reader of this instance (bench/discover.md,
 * "Where a cold ranking's time went"). Reading a reader's signals meant looking up the author and
 * topics of up to 200 liked or collected notes — half of a cold ranking's SQL at size M — and
 * readers' likes overlap heavily (popular notes are liked by many). A note's author never changes;
 * its topics change only when it is edited, which `forget` handles on this node and the bus
 * (NOTE_FACTS_CHANNEL) on the others, with the TTL behind both. Nothing about the reader is kept
 * here: blocks, "not interested" and their likes themselves are read fresh for every list.
 */
export class NoteFacts {
  private readonly facts = new Map<string, { at: number; fact: NoteFact }>();
  /** One [id, name] pair per topic, shared by every entry that carries it (memory: most notes share a few topics). */
  private readonly tagPairs = new Map<string, [string, string]>();
  /** Bumped by forget(): a read that began before it must not install what it read. */
  private generation = 0;

  constructor(
    private readonly db: Executor,
    private readonly now: () => number,
    private readonly opts: { max?: number; ttlMs?: number } = {},
  ) {}

  /** Facts of the given notes; a note that no longer exists is absent. */
  async get(ids: string[]): Promise<Map<string, NoteFact>> {
    const now = this.now();
    const ttl = this.opts.ttlMs ?? FACTS_TTL_MS;
    const out = new Map<string, NoteFact>();
    const missing: string[] = [];
    for (const id of ids) {
      const had = this.facts.get(id);
      if (had && now - had.at < ttl) {
        out.set(id, had.fact);
        // Least recently used goes first: a note many readers liked stays.
        this.facts.delete(id);
        this.facts.set(id, had);
      } else missing.push(id);
    }
    if (missing.length === 0) return out;
    const generation = this.generation;
    const [authors, tags] = await Promise.all([repo.authorsOfNotes(this.db, missing), repo.hashtagsOfNotes(this.db, missing)]);
    const max = this.opts.max ?? MAX_FACTS;
    for (const [id, authorId] of authors) {
      const fact = { authorId, tags: (tags.get(id) ?? []).map((pair) => this.shared(pair)) };
      out.set(id, fact);
      if (generation !== this.generation) continue;
      this.facts.delete(id);
      if (this.facts.size >= max) this.facts.delete(this.facts.keys().next().value!); // least recently used
      this.facts.set(id, { at: now, fact });
    }
    return out;
  }

  /** The note was edited or deleted: read its facts again when next needed. */
  forget(noteId: string): void {
    this.generation++;
    this.facts.delete(noteId);
  }

  private shared(pair: [string, string]): [string, string] {
    const had = this.tagPairs.get(pair[0]);
    if (had && had[1] === pair[1]) return had;
    if (this.tagPairs.size < MAX_SHARED_TAGS || had) this.tagPairs.set(pair[0], pair);
    return pair;
  }

  get size(): number {
    return this.facts.size;
  }
}
