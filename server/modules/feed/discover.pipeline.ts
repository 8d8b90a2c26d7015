import type { DiscoverItem, DiscoverMode, DiscoverPage, Reason } from '../../../contract/discover.js';
import { LIMITS } from '../../../contract/limits.js';
import type { Executor } from '../../db/database.js';
import { encodeCursor, decodeCursor, pageLimit } from '../../db/pagination.js';
import { badRequest } from '../../errors.js';
import type { RegionGate } from '../moderation/region-gate.js';
import { noteCards } from '../notes/notes.views.js';
import type { Translator } from '../translation/translator.js';
import * as repo from './discover.repo.js';
import { NoteFacts } from './discover.facts.js';
import { CandidatePools, type HydratedRow, hydrateRows, POOL_SIZES } from './discover.pools.js';
import { type Candidate, PageArranger, type Ranked, rank, type Source } from './discover.rank.js';
import { anonymousSignals, primaryLanguage, type ViewerSignals, viewerFilters, viewerSignals } from './discover.signals.js';
import { isRecommendable } from '../moderation/recommendable.js';

/**
 * Discover as a pipeline (ADR 0007): candidates → hydrate → rules → rank → present.
 *
 * - candidates: notes of people I follow (last week), the hottest notes of my strongest topics, recent
 *   notes of authors I engaged with, the trending pools (hot now; most engaged this week), and
 *   newcomers' recent notes (a fair start).
 * - hydrate: hashtags, authors, and whether the note is in a language I read or can have translated.
 * - rules: moderation (only normal and labelled notes), blocked people, my own notes, notes I
 *   already liked or collected, "not interested" notes and topics, unreadable languages, and other
 *   languages entirely when my share is 0.
 * - rank: discover.rank.ts (interest, velocity, freshness, newcomer), with the reasons that counted.
 * - present: pages without repeated authors, with topic variety and my language mix; cards hydrated
 *   per page. The arranged list is kept per reader for a while, so paging is stable (and a first
 *   page asked for again within 30 s reuses it, unless the reader changed a control or followed
 *   someone); when it runs out, the feed continues down the hot order below the trending pool.
 */

/** A reader's own candidate sources. */
const SIZES = {
  followingDays: 7,
  following: 80,
  topics: 8,
  authors: 12,
  authorDays: 30,
  perAuthorList: 40,
} as const;
const POOL_TTL_MS = 5_000;
const LIST_TTL_MS = 10 * 60_000;
/** A first page asked for again this soon is served from the reader's last list (blocks re-checked). */
const REUSE_MS = 30_000;
/**
 * Ranked lists kept for paging. One costs ~230 KB (bench/discover.md), so this bounds them to ~230 MB:
 * at 5,000 a surge of readers grew the server by a gigabyte. A reader whose list was dropped gets a
 * fresh ranking on the next page (the client drops repeats).
 */
export const MAX_LISTS = 1_000;
/**
 * Pages of a ranked list kept for paging (each language's queue keeps what that many pages use);
 * a reader who reads past them continues down the hot tail. Few read that far, and the rest of a
 * list was half of what it held (bench/discover.md, "memory of kept lists").
 */
const LIST_PAGES = 10;
const DAY = 86_400_000;

/** ['r', page, list] a page of a ranked list; ['t', hot_score, id] the hot tail; ['c', created_at, id] chronological. */
type CursorTuple = [string, number, string];

function validCursor([tag, n]: CursorTuple): boolean {
  if (tag === 'r') return Number.isInteger(n) && n >= 0 && n < 10_000;
  return tag === 't' || tag === 'c';
}

type Filters = Pick<ViewerSignals, 'blocked' | 'hiddenNotes' | 'hiddenTopics'>;

/** A ranked note as a kept list holds it: no score (the order is the score), reasons shared. */
type Listed = Omit<Ranked, 'score'>;

interface ArrangedList {
  at: number;
  /** The pages arranged so far; the rest are arranged when a reader pages that far. */
  pages: Listed[][];
  arranger: PageArranger<Listed>;
  /** Where the hot tail starts: the last note of the trending pool. */
  tailAfter: [number, string] | null;
}

/** Page `index` of a list (0-based), arranging pages up to it on first use; null past the end. */
function pageOf(list: ArrangedList, index: number): Listed[] | null {
  while (list.pages.length <= index) {
    const next = list.arranger.next();
    if (!next) return null;
    list.pages.push(next);
  }
  return list.pages[index]!;
}

/**
 * Ranked notes as a list keeps them for minutes: without their scores, and with equal reasons one
 * shared array (a list has a handful of distinct ones: "trending", "because you like #ootd" …).
 */
function forKeeping(ranked: Ranked[]): Listed[] {
  const shared = new Map<string, Reason[]>();
  return ranked.map(({ score: _score, reasons, ...rest }) => {
    const key = JSON.stringify(reasons);
    const same = shared.get(key) ?? reasons;
    shared.set(key, same);
    return { ...rest, reasons: same };
  });
}

export interface DiscoverRequest {
  viewerId: string | null;
  locale: string;
  cursor?: string;
  limit?: number;
  mode?: DiscoverMode;
  /** moderation (issue 7): notes restricted in the reader's region are left out at presentation. */
  region?: RegionGate | null;
}

export class DiscoverPipeline {
  private readonly pools: CandidatePools;
  private readonly facts: NoteFacts;
  private readonly lists = new Map<string, ArrangedList>();
  /** Reader key → the `at` of their newest list, for reuse by a first page. */
  private readonly newest = new Map<string, string>();

  constructor(
    private readonly db: Executor,
    private readonly translator: Pick<Translator, 'provider' | 'gloss'>,
    private readonly now: () => number,
    /** Readers whose lists are kept; threads share the process's MAX_LISTS between them. */
    private readonly maxLists = MAX_LISTS,
  ) {
    this.pools = new CandidatePools(db, now, POOL_TTL_MS);
    this.facts = new NoteFacts(db, now);
  }

  /** A note's topics changed or it went away: forget what this instance knew of it. */
  forgetNote(noteId: string): void {
    this.facts.forget(noteId);
  }

  /** A note was posted in this process: the shared pools it can be in are read afresh. */
  noteAdded(noteId: string): Promise<void> {
    return this.pools.added(noteId);
  }

  /** A note was deleted in this process: the shared pools are read afresh. */
  noteRemoved(): void {
    this.pools.removed();
  }

  /** The reader changed something their Discover depends on: their next first page is ranked afresh. */
  forget(viewerId: string): void {
    for (const key of this.newest.keys()) if (key.startsWith(`${viewerId}:`)) this.newest.delete(key);
  }

  /** One page of Discover for a reader, in their saved mode unless the request names one. */
  async page(req: DiscoverRequest): Promise<DiscoverPage> {
    const limit = pageLimit(req.limit);
    const cursor = decodeCursor<CursorTuple>(req.cursor, ['string', 'number', 'string']);
    if (cursor && !validCursor(cursor)) {
      throw badRequest('validation_failed', { field: 'cursor', problem: 'not a cursor this endpoint gave out' }, 'cursor');
    }
    const prefs = req.viewerId ? await repo.getPreferences(this.db, req.viewerId) : null;
    const mode: DiscoverMode = req.mode ?? (cursor?.[0] === 'c' ? 'chronological' : (prefs?.mode ?? 'for_you'));
    if (mode === 'chronological' || cursor?.[0] === 'c') return this.latest(req, limit, cursor);
    if (cursor?.[0] === 't') return this.tail(req, limit, [cursor[1], cursor[2]]);

    const share = prefs?.otherLanguageShare ?? LIMITS.discover.defaultOtherLanguageShare;
    const key = `${req.viewerId ?? `anon:${req.locale}`}:${share}:${limit}`;
    const pageIndex = cursor?.[0] === 'r' ? cursor[1] : 0;
    let at = cursor?.[0] === 'r' ? cursor[2] : (this.newest.get(key) ?? '');
    let list = at ? this.lists.get(`${key}:${at}`) : undefined;
    if (list && !cursor && this.now() - list.at > REUSE_MS) list = undefined;
    // Blocks and "not interested" read for a list built in this very request need not be read again.
    let filters: Filters | null = null;
    if (!list) {
      // A first page, or a list this instance no longer has: rank afresh (the client drops repeats).
      const built = await this.build(req, share, limit);
      list = built.list;
      filters = built.signals;
      at = String(list.at);
      this.remember(key, at, list);
    }
    const page = pageOf(list, pageIndex) ?? [];
    let nextCursor: string | null = null;
    // Whatever remains makes at least one more page (its first pick always fits).
    if (pageIndex + 1 < list.pages.length || (list.pages.length === pageIndex + 1 && list.arranger.more)) nextCursor = encodeCursor(['r', pageIndex + 1, at]);
    else if (list.tailAfter) nextCursor = encodeCursor(['t', list.tailAfter[0], list.tailAfter[1]]);
    const items = await this.present(page, filters ?? viewerFilters(this.db, req.viewerId), req.viewerId, req.region);
    return { items, nextCursor, mode: 'for_you' };
  }

  private async build(req: DiscoverRequest, share: number, limit: number): Promise<{ list: ArrangedList; signals: ViewerSignals }> {
    const now = this.now();
    const signals = req.viewerId
      ? await viewerSignals(this.db, req.viewerId, req.locale, (ids) => this.facts.get(ids))
      : anonymousSignals(req.locale);
    const topicIds = [...signals.topics]
      .filter(([id]) => !signals.hiddenTopics.has(id))
      .sort((a, b) => b[1].weight - a[1].weight)
      .slice(0, SIZES.topics)
      .map(([id]) => id);
    const authorIds = [...signals.authors]
      .sort((a, b) => b[1] - a[1])
      .slice(0, SIZES.authors)
      .map(([id]) => id);
    const [{ trending, popular, newcomers }, topics, following, authors] = await Promise.all([
      this.pools.pools(),
      Promise.all(topicIds.map((id) => this.pools.topic(id))),
      repo.recentByAuthors(this.db, [...signals.follows], now - SIZES.followingDays * DAY, SIZES.following),
      repo.recentByAuthors(this.db, authorIds, now - SIZES.authorDays * DAY, SIZES.perAuthorList),
    ]);

    const found = new Map<string, { row: HydratedRow; sources: Set<Source> }>();
    const add = (rows: HydratedRow[], source: Source) => {
      for (const row of rows) {
        const had = found.get(row.id);
        if (had) had.sources.add(source);
        else found.set(row.id, { row, sources: new Set([source]) });
      }
    };
    add(trending, 'trending');
    add(popular, 'trending');
    add(newcomers, 'newcomer');
    for (const rows of topics) add(rows, 'topic');
    // Only the reader's own sources are hydrated per request, and only notes no pool brought.
    const own = await hydrateRows(
      this.db,
      [...following, ...authors].filter((r, i, all) => !found.has(r.id) && all.findIndex((x) => x.id === r.id) === i),
    );
    const hydrated = new Map<string, HydratedRow>(own.map((r) => [r.id, r]));
    for (const f of found.values()) hydrated.set(f.row.id, f.row);
    const known = (rows: repo.CandidateRow[]) => rows.flatMap((r) => hydrated.get(r.id) ?? []);
    add(known(following), 'following');
    add(known(authors), 'author');

    const ranked = rank(this.applyRules([...found.values()], signals), signals, now);
    const last = trending[trending.length - 1];
    const list: ArrangedList = {
      at: now,
      pages: [],
      arranger: new PageArranger(forKeeping(ranked), limit, share, LIST_PAGES),
      tailAfter: trending.length >= POOL_SIZES.trending && last ? [last.hot_score, last.id] : null,
    };
    return { list, signals };
  }

  /** The rules: everything the reader must not be offered, and how they can read the rest. */
  private applyRules(found: Array<{ row: HydratedRow; sources: Set<Source> }>, signals: ViewerSignals): Candidate[] {
    const target = [...signals.languages][0] ?? 'en';
    const out: Candidate[] = [];
    for (const { row, sources } of found) {
      if (
        row.visibility !== 'public' ||
        !isRecommendable(row.moderation_state) ||
        row.author_id === signals.viewerId ||
        signals.blocked.has(row.author_id) ||
        signals.hiddenNotes.has(row.id) ||
        signals.engaged.has(row.id) ||
        row.tags.some(([id]) => signals.hiddenTopics.has(id))
      ) {
        continue;
      }
      const lang = primaryLanguage(row.lang);
      let readVia: Candidate['readVia'] = null;
      if (lang && !signals.languages.has(lang)) {
        readVia = this.readVia(row.lang!, target);
        if (!readVia) continue; // nobody can make it readable for this reader
      }
      out.push({ row, sources, tags: row.tags, authorHandle: row.authorHandle, authorJoinedAt: row.authorJoinedAt, readVia });
    }
    return out;
  }

  /** How a note in `lang` can be read by someone whose first language is `target`. */
  private readVia(lang: string, target: string): Candidate['readVia'] {
    if (this.translator.provider) return 'translation';
    return this.translator.gloss.supports(lang, target) ? 'gloss' : null;
  }

  private remember(readerKey: string, at: string, list: ArrangedList): void {
    const now = this.now();
    for (const [k, v] of this.lists) {
      if (this.lists.size < this.maxLists && now - v.at < LIST_TTL_MS) break;
      this.lists.delete(k); // oldest first: a Map iterates in insertion order
    }
    this.lists.set(`${readerKey}:${at}`, list);
    this.newest.delete(readerKey);
    this.newest.set(readerKey, at);
    if (this.newest.size > this.maxLists) this.newest.delete(this.newest.keys().next().value!);
  }

  private async present(
    page: Listed[],
    reading: Filters | Promise<Filters>,
    viewerId: string | null,
    region: RegionGate | null = null,
  ): Promise<DiscoverItem[]> {
    // A list can be minutes old, or built before a change made on another node: blocks and "not
    // interested" are read at every presentation (`filters`), and hydration re-reads each note, so one
    // deleted, made non-public, by someone blocked or marked not interested since ranking is dropped.
    const [cards, filters] = await Promise.all([
      noteCards(
        this.db,
        page.map((r) => r.id),
        viewerId,
        region,
      ),
      reading,
    ]);
    const shown = new Map(
      page
        .filter(
          (r) =>
            !filters.blocked.has(r.authorId) && !filters.hiddenNotes.has(r.id) && !r.tags.some(([id]) => filters.hiddenTopics.has(id)),
        )
        .map((r) => [r.id, r.reasons]),
    );
    return cards.filter((c) => c.visibility === 'public' && shown.has(c.id)).map((c) => ({ ...c, reasons: shown.get(c.id)! }));
  }

  /** The plain chronological mode: public notes newest first, minus blocked people and hidden notes. */
  private async latest(req: DiscoverRequest, limit: number, cursor: CursorTuple | null): Promise<DiscoverPage> {
    const signals = await viewerFilters(this.db, req.viewerId);
    const after: [number, string] | null = cursor?.[0] === 'c' ? [cursor[1], cursor[2]] : null;
    const rows = await repo.latestRows(this.db, [...signals.blocked], after, limit);
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const latest: Reason[] = [{ kind: 'latest' }];
    const cards = await noteCards(
      this.db,
      page.filter((r) => !signals.hiddenNotes.has(r.id)).map((r) => r.id),
      req.viewerId,
      req.region,
    );
    return {
      items: cards.filter((c) => c.visibility === 'public').map((c) => ({ ...c, reasons: latest })),
      nextCursor: more && last ? encodeCursor(['c', last.created_at, last.id]) : null,
      mode: 'chronological',
    };
  }

  /** Below the trending pool: the hot order, with the reader's blocks and hidden notes applied. */
  private async tail(req: DiscoverRequest, limit: number, after: [number, string]): Promise<DiscoverPage> {
    const signals = await viewerFilters(this.db, req.viewerId);
    const rows = await repo.hotTailRows(this.db, [...signals.blocked], after, limit);
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const trending: Reason[] = [{ kind: 'trending' }];
    const cards = await noteCards(
      this.db,
      page.filter((r) => !signals.hiddenNotes.has(r.id)).map((r) => r.id),
      req.viewerId,
      req.region,
    );
    return {
      items: cards.filter((c) => c.visibility === 'public').map((c) => ({ ...c, reasons: trending })),
      nextCursor: more && last ? encodeCursor(['t', last.hot_score, last.id]) : null,
      mode: 'for_you',
    };
  }
}
