import type { Executor } from '../../db/database.js';
import { blockedEitherWay } from '../social/relations.repo.js';
import type { NoteFact } from './discover.facts.js';

/**
 * What Discover knows about a reader, read fresh for each ranked list: whom they follow, the topics
 * and authors of what they recently liked or collected, their declared interests,
 * the languages they speak, and what they said they are not interested in.
 */
export interface ViewerSignals {
  viewerId: string | null;
  follows: Set<string>;
  /** hashtag id → weight in 0..1 (engagement and declared interests), with the name for reasons. */
  topics: Map<string, { weight: number; name: string; declared: boolean }>;
  /** author id → weight in 0..1 among authors the reader engaged with but does not follow. */
  authors: Map<string, number>;
  /** Primary language subtags the reader speaks or learns ('en', 'zh' …). */
  languages: Set<string>;
  blocked: Set<string>;
  /** Notes among the reader's recent likes and collects: not offered again. */
  engaged: Set<string>;
  hiddenNotes: Set<string>;
  hiddenTopics: Set<string>;
}

/** Recent engagements read per source; enough to find a taste, small enough to stay an index range. */
const RECENT_ENGAGEMENTS = 100;
const FOLLOWS_READ = 2000;

/** 'zh-Hant-TW' → 'zh': Simplified and Traditional readers read each other (the web converts). */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  return tag.toLowerCase().split('-')[0] || null;
}

/** Signals of a signed-out reader: only the language their browser asked for. */
export function anonymousSignals(locale: string): ViewerSignals {
  return {
    viewerId: null,
    follows: new Set(),
    topics: new Map(),
    authors: new Map(),
    languages: new Set([primaryLanguage(locale)!]),
    blocked: new Set(),
    engaged: new Set(),
    hiddenNotes: new Set(),
    hiddenTopics: new Set(),
  };
}

function normalise(counts: Map<string, number>): Map<string, number> {
  const max = Math.max(0, ...counts.values());
  const out = new Map<string, number>();
  for (const [k, v] of counts) out.set(k, max > 0 ? v / max : 0);
  return out;
}

/**
 * Only what is checked again whenever a page is shown (a list can be minutes old, and in a cluster
 * built on another node's view): whom the reader blocked or was blocked by, and the notes and topics
 * they said they are not interested in. Two indexed reads instead of the whole taste.
 */
export async function viewerFilters(
  db: Executor,
  viewerId: string | null,
): Promise<Pick<ViewerSignals, 'blocked' | 'hiddenNotes' | 'hiddenTopics'>> {
  if (!viewerId) return { blocked: new Set(), hiddenNotes: new Set(), hiddenTopics: new Set() };
  const [blocked, hidden] = await Promise.all([
    blockedEitherWay(db, viewerId),
    db.selectFrom('not_interested').select(['kind', 'target_id']).where('user_id', '=', viewerId).execute(),
  ]);
  return {
    blocked: new Set(blocked),
    hiddenNotes: new Set(hidden.filter((h) => h.kind === 'note').map((h) => h.target_id)),
    hiddenTopics: new Set(hidden.filter((h) => h.kind === 'topic').map((h) => h.target_id)),
  };
}

/** Reads a signed-in reader's signals in a handful of indexed queries, run together. */
export async function viewerSignals(
  db: Executor,
  viewerId: string,
  locale: string,
  engagedFacts: (noteIds: string[]) => Promise<Map<string, NoteFact>>,
): Promise<ViewerSignals> {
  const [follows, languages, readLanguages, interests, engagedIds, blocked, hidden] = await Promise.all([
    db.selectFrom('follows').select('followee_id').where('follower_id', '=', viewerId).limit(FOLLOWS_READ).execute(),
    db.selectFrom('user_languages').select('lang').where('user_id', '=', viewerId).execute(),
    db.selectFrom('user_translation_settings').select('read_languages').where('user_id', '=', viewerId).executeTakeFirst(),
    db
      .selectFrom('user_interests')
      .innerJoin('hashtags', 'hashtags.name_lower', 'user_interests.tag')
      .select(['hashtags.id', 'hashtags.name'])
      .where('user_interests.user_id', '=', viewerId)
      .execute(),
    // The newest likes and collects, each an index range on (user_id, created_at, note_id).
    Promise.all(
      (['note_likes', 'collects'] as const).map((table) =>
        db.selectFrom(table).select('note_id').where('user_id', '=', viewerId).orderBy('created_at', 'desc').limit(RECENT_ENGAGEMENTS).execute(),
      ),
    ).then((lists) => [...new Set(lists.flat().map((r) => r.note_id))]),
    blockedEitherWay(db, viewerId),
    db.selectFrom('not_interested').select(['kind', 'target_id']).where('user_id', '=', viewerId).execute(),
  ]);

  // Their topics and authors: shared facts of notes many readers engaged with (NoteFacts).
  const facts = await engagedFacts(engagedIds);
  const followSet = new Set(follows.map((f) => f.followee_id));
  const topicCounts = new Map<string, number>();
  const topicNames = new Map<string, string>();
  const authorNotes = new Map<string, Set<string>>();
  // In note id order, as the database returned them before: ties in weight keep a stable order.
  for (const id of [...facts.keys()].sort()) {
    const fact = facts.get(id)!;
    for (const [tagId, tagName] of fact.tags) {
      topicCounts.set(tagId, (topicCounts.get(tagId) ?? 0) + 1);
      topicNames.set(tagId, tagName);
    }
    if (fact.authorId !== viewerId && !followSet.has(fact.authorId)) {
      const set = authorNotes.get(fact.authorId) ?? new Set();
      set.add(id);
      authorNotes.set(fact.authorId, set);
    }
  }
  const topics = new Map<string, { weight: number; name: string; declared: boolean }>();
  for (const [id, weight] of normalise(topicCounts)) topics.set(id, { weight, name: topicNames.get(id)!, declared: false });
  // A declared interest counts like a topic engaged with often; engagement can only raise it.
  for (const i of interests) {
    const had = topics.get(i.id);
    topics.set(i.id, { weight: Math.max(had?.weight ?? 0, 0.8), name: i.name, declared: true });
  }
  const authors = normalise(new Map([...authorNotes].map(([a, notes]) => [a, notes.size])));

  const langs = new Set<string>([primaryLanguage(locale)!]);
  for (const l of languages) langs.add(primaryLanguage(l.lang)!);
  if (readLanguages) for (const l of JSON.parse(readLanguages.read_languages) as string[]) langs.add(primaryLanguage(l)!);

  return {
    viewerId,
    follows: followSet,
    topics,
    authors,
    languages: langs,
    blocked: new Set(blocked),
    engaged: new Set(engagedIds),
    hiddenNotes: new Set(hidden.filter((h) => h.kind === 'note').map((h) => h.target_id)),
    hiddenTopics: new Set(hidden.filter((h) => h.kind === 'topic').map((h) => h.target_id)),
  };
}
