import type { DiscoverItem, DiscoverMode, DiscoverPage, Reason } from '../../../contract/discover.js';
import { LIMITS } from '../../../contract/limits.js';
import type { Executor } from '../../db/database.js';
import { encodeCursor, decodeCursor, pageLimit } from '../../db/pagination.js';
import { noteCards } from '../notes/notes.views.js';
import type { Translator } from '../translation/translator.js';
import * as repo from './discover.repo.js';
import { arrange, type Candidate, type Ranked, rank, RANKING, type Source } from './discover.rank.js';
import { anonymousSignals, primaryLanguage, type ViewerSignals, viewerSignals } from './discover.signals.js';

/**
 * Discover as a pipeline (ADR 0007): candidates → hydrate → rules → rank → present.
 *
 * - candidates: notes of people I follow (last week), the hottest notes of my strongest topics, recent
 *   notes of authors I engaged with, the trending pools (hot now; most engaged this week), and
 *   newcomers' recent notes (a fair start).
 * - hydrate: hashtags, authors, and whether the note is in a language I read or can have translated.
 * - rules: blocked people, my own notes, notes I already liked or collected, "not interested" notes
 *   and topics, unreadable languages, and other languages entirely when my share is 0.
 * - rank: discover.rank.ts (interest, velocity, freshness, newcomer), with the reasons that counted.
 * - present: pages without repeated authors, with topic variety and my language mix; cards hydrated
 *   per page. The arranged list is kept per reader for a while, so paging is stable; when it runs
 *   out, the feed continues down the hot order below the trending pool.
 */

const SIZES = {
  trending: 300,
  popularDays: 7,
  popular: 200,
  newcomerScan: 1000,
  newcomers: 60,
  followingDays: 7,
  following: 80,
  topics: 8,
  perTopic: 15,
  authors: 12,
  authorDays: 30,
  perAuthorList: 40,
} as const;
const POOL_TTL_MS = 5_000;
const LIST_TTL_MS = 10 * 60_000;
const MAX_LISTS = 5_000;
const DAY = 86_400_000;

type CursorTuple = [string, number, string];

interface ArrangedList {
  at: number;
  pages: Ranked[][];
  /** Where the hot tail starts: the last note of the trending pool. */
  tailAfter: [number, string] | null;
}

export interface DiscoverRequest {
  viewerId: string | null;
  locale: string;
  cursor?: string;
  limit?: number;
  mode?: DiscoverMode;
}

export class DiscoverPipeline {
  private pools: {
    at: number;
    value: Promise<{ trending: repo.CandidateRow[]; popular: repo.CandidateRow[]; newcomers: repo.CandidateRow[] }>;
  } | null = null;
  private readonly lists = new Map<string, ArrangedList>();

  constructor(
    private readonly db: Executor,
    private readonly translator: Pick<Translator, 'provider' | 'gloss'>,
    private readonly now: () => number,
  ) {}

  /** Forgets shared pools (a note appeared or went away in this process). */
  invalidate(): void {
    this.pools = null;
  }

  /** One page of Discover for a reader, in their saved mode unless the request names one. */
  async page(req: DiscoverRequest): Promise<DiscoverPage> {
    const limit = pageLimit(req.limit);
    const cursor = decodeCursor<CursorTuple>(req.cursor, ['string', 'number', 'string']);
    const prefs = req.viewerId ? await repo.getPreferences(this.db, req.viewerId) : null;
    const mode: DiscoverMode = req.mode ?? (cursor?.[0] === 'c' ? 'chronological' : (prefs?.mode ?? 'for_you'));
    if (mode === 'chronological' || cursor?.[0] === 'c') return this.latest(req, limit, cursor);
    if (cursor?.[0] === 't') return this.tail(req, limit, [cursor[1], cursor[2]]);

    const share = prefs?.otherLanguageShare ?? LIMITS.discover.defaultOtherLanguageShare;
    const key = `${req.viewerId ?? `anon:${req.locale}`}:${share}:${limit}`;
    const pageIndex = cursor?.[0] === 'r' ? cursor[1] : 0;
    let list = cursor?.[0] === 'r' ? this.lists.get(`${key}:${cursor[2]}`) : undefined;
    let at = cursor?.[0] === 'r' ? cursor[2] : '';
    if (!list) {
      // A first page, or a list this instance no longer has: rank afresh (the client drops repeats).
      list = await this.build(req, share, limit);
      at = String(list.at);
      this.remember(`${key}:${at}`, list);
    }
    const page = list.pages[pageIndex] ?? [];
    let nextCursor: string | null = null;
    if (pageIndex + 1 < list.pages.length) nextCursor = encodeCursor(['r', pageIndex + 1, at]);
    else if (list.tailAfter) nextCursor = encodeCursor(['t', list.tailAfter[0], list.tailAfter[1]]);
    return { items: await this.present(page, req.viewerId), nextCursor, mode: 'for_you' };
  }

  private async build(req: DiscoverRequest, share: number, limit: number): Promise<ArrangedList> {
    const now = this.now();
    const signals = req.viewerId ? await viewerSignals(this.db, req.viewerId, req.locale) : anonymousSignals(req.locale);
    const { trending, popular, newcomers } = await this.sharedPools(now);
    const found = new Map<string, { row: repo.CandidateRow; sources: Set<Source> }>();
    const add = (rows: repo.CandidateRow[], source: Source) => {
      for (const row of rows) {
        const had = found.get(row.id);
        if (had) had.sources.add(source);
        else found.set(row.id, { row, sources: new Set([source]) });
      }
    };
    add(trending, 'trending');
    add(popular, 'trending');
    add(newcomers, 'newcomer');
    const [following, topics, authors] = await Promise.all([
      repo.recentByAuthors(this.db, [...signals.follows], now - SIZES.followingDays * DAY, SIZES.following),
      Promise.all(
        [...signals.topics]
          .filter(([id]) => !signals.hiddenTopics.has(id))
          .sort((a, b) => b[1].weight - a[1].weight)
          .slice(0, SIZES.topics)
          .map(([id]) => repo.hotInTopic(this.db, id, SIZES.perTopic)),
      ),
      repo.recentByAuthors(
        this.db,
        [...signals.authors].sort((a, b) => b[1] - a[1]).slice(0, SIZES.authors).map(([id]) => id),
        now - SIZES.authorDays * DAY,
        SIZES.perAuthorList,
      ),
    ]);
    add(following, 'following');
    for (const rows of topics) add(rows, 'topic');
    add(authors, 'author');

    const candidates = await this.hydrateAndFilter([...found.values()], signals);
    const ranked = rank(candidates, signals, now);
    const last = trending[trending.length - 1];
    return {
      at: now,
      pages: arrange(ranked, limit, share),
      tailAfter: trending.length >= SIZES.trending && last ? [last.hot_score, last.id] : null,
    };
  }

  /** hydrate + rules: what is needed to rank, minus everything the reader must not be offered. */
  private async hydrateAndFilter(found: Array<{ row: repo.CandidateRow; sources: Set<Source> }>, signals: ViewerSignals) {
    const allowed = found.filter(
      (f) =>
        f.row.visibility === 'public' &&
        f.row.author_id !== signals.viewerId &&
        !signals.blocked.has(f.row.author_id) &&
        !signals.hiddenNotes.has(f.row.id),
    );
    const ids = allowed.map((f) => f.row.id);
    const [tags, authors, engaged] = await Promise.all([
      repo.hashtagsOfNotes(this.db, ids),
      repo.authorsOf(
        this.db,
        allowed.map((f) => f.row.author_id),
      ),
      signals.viewerId ? repo.engagedAmong(this.db, signals.viewerId, ids) : Promise.resolve(new Set<string>()),
    ]);
    const target = [...signals.languages][0] ?? 'en';
    const out: Candidate[] = [];
    for (const f of allowed) {
      const noteTags = tags.get(f.row.id) ?? [];
      const author = authors.get(f.row.author_id);
      if (!author || engaged.has(f.row.id) || noteTags.some(([id]) => signals.hiddenTopics.has(id))) continue;
      const lang = primaryLanguage(f.row.lang);
      let readVia: Candidate['readVia'] = null;
      if (lang && !signals.languages.has(lang)) {
        readVia = this.readVia(f.row.lang!, target);
        if (!readVia) continue; // nobody can make it readable for this reader
      }
      out.push({ row: f.row, sources: f.sources, tags: noteTags, authorHandle: author.handle, authorJoinedAt: author.createdAt, readVia });
    }
    return out;
  }

  /** How a note in `lang` can be read by someone whose first language is `target`. */
  private readVia(lang: string, target: string): Candidate['readVia'] {
    if (this.translator.provider) return 'translation';
    return this.translator.gloss.supports(lang, target) ? 'gloss' : null;
  }

  private sharedPools(now: number) {
    if (!this.pools || now - this.pools.at > POOL_TTL_MS) {
      const value = Promise.all([
        repo.hotPool(this.db, SIZES.trending),
        repo.popularPool(this.db, now - SIZES.popularDays * DAY, SIZES.popular),
        repo.newcomerPool(this.db, now - RANKING.newcomerDays * DAY, SIZES.newcomerScan, SIZES.newcomers),
      ]).then(([trending, popular, newcomers]) => ({ trending, popular, newcomers }));
      const entry = { at: now, value };
      this.pools = entry;
      value.catch(() => {
        if (this.pools === entry) this.pools = null;
      });
    }
    return this.pools.value;
  }

  private remember(key: string, list: ArrangedList): void {
    const now = this.now();
    for (const [k, v] of this.lists) {
      if (this.lists.size < MAX_LISTS && now - v.at < LIST_TTL_MS) break;
      this.lists.delete(k); // oldest first: a Map iterates in insertion order
    }
    this.lists.set(key, list);
  }

  private async present(page: Ranked[], viewerId: string | null): Promise<DiscoverItem[]> {
    const cards = await noteCards(
      this.db,
      page.map((r) => r.id),
      viewerId,
    );
    const reasons = new Map(page.map((r) => [r.id, r.reasons]));
    // Hydration re-reads each note: one deleted or no longer public since ranking is dropped.
    return cards.filter((c) => c.visibility === 'public').map((c) => ({ ...c, reasons: reasons.get(c.id) ?? [] }));
  }

  /** The plain chronological mode: public notes newest first, minus blocked people and hidden notes. */
  private async latest(req: DiscoverRequest, limit: number, cursor: CursorTuple | null): Promise<DiscoverPage> {
    const signals = req.viewerId ? await viewerSignals(this.db, req.viewerId, req.locale) : anonymousSignals(req.locale);
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
    );
    return {
      items: cards.filter((c) => c.visibility === 'public').map((c) => ({ ...c, reasons: latest })),
      nextCursor: more && last ? encodeCursor(['c', last.created_at, last.id]) : null,
      mode: 'chronological',
    };
  }

  /** Below the trending pool: the hot order, with the reader's blocks and hidden notes applied. */
  private async tail(req: DiscoverRequest, limit: number, after: [number, string]): Promise<DiscoverPage> {
    const signals = req.viewerId ? await viewerSignals(this.db, req.viewerId, req.locale) : anonymousSignals(req.locale);
    const rows = await repo.hotTailRows(this.db, [...signals.blocked], after, limit);
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const trending: Reason[] = [{ kind: 'trending' }];
    const cards = await noteCards(
      this.db,
      page.filter((r) => !signals.hiddenNotes.has(r.id)).map((r) => r.id),
      req.viewerId,
    );
    return {
      items: cards.filter((c) => c.visibility === 'public').map((c) => ({ ...c, reasons: trending })),
      nextCursor: more && last ? encodeCursor(['t', last.hot_score, last.id]) : null,
      mode: 'for_you',
    };
  }
}
