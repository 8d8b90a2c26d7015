/**
 * Notes: who posts, when, about what, in which language, and how much engagement each gets. The plan
 * (numbers only) is drawn first so every counter — on notes, people and hashtags — is known before any
 * row is written; text is produced on the fly while writing.
 */
import { type Facet, HASHTAG_PATTERN } from '../../contract/facets.js';
import type { People } from './people.js';
import { COMMENTS_EN, COMMENTS_ZH, MIXED, TOPICS } from './phrases.js';
import { type Rng, uuidv7At, Zipf } from './random.js';
import { COLLECTS_PER_LIKE, COMMENTS_PER_LIKE } from './sizes.js';

export const ALL_TAGS: readonly string[] = [...new Set(TOPICS.flatMap((t) => t.tags))];
const TAG_INDEX = new Map(ALL_TAGS.map((t, i) => [t, i]));
const NO_TAG = 0xffff;
export const TAGS_PER_NOTE = 3;

export interface NotePlan {
  n: number;
  ids: string[];
  author: Uint32Array;
  createdAt: Float64Array;
  topic: Uint8Array;
  /** 0 public, 1 mutuals, 2 private. */
  visibility: Uint8Array;
  likes: Uint32Array;
  collects: Uint32Array;
  comments: Uint32Array;
  views: Uint32Array;
  /** TAGS_PER_NOTE slots per note, NO_TAG when unused. */
  tags: Uint16Array;
}

export const VISIBILITIES = ['public', 'mutuals', 'private'] as const;

export function drawNotes(people: People, count: number, likesPerNote: number, startMs: number, spanMs: number, rng: Rng): NotePlan {
  const authorZipf = new Zipf(people.n, 0.7);
  const tagZipf = TOPICS.map((t) => new Zipf(t.tags.length, 1.0));
  const plan: NotePlan = {
    n: count,
    ids: new Array(count),
    author: new Uint32Array(count),
    createdAt: new Float64Array(count),
    topic: new Uint8Array(count),
    visibility: new Uint8Array(count),
    likes: new Uint32Array(count),
    collects: new Uint32Array(count),
    comments: new Uint32Array(count),
    views: new Uint32Array(count),
    tags: new Uint16Array(count * TAGS_PER_NOTE).fill(NO_TAG),
  };
  const step = spanMs / count;
  const maxLikes = Math.max(1, Math.floor(people.n / 3));
  for (let i = 0; i < count; i++) {
    const author = people.byActivity[authorZipf.sample(rng)]!;
    plan.author[i] = author;
    // Monotone in i, so note ids (UUIDv7 of created_at) are written in primary-key order.
    const at = Math.floor(startMs + (i + rng.next() * 0.9) * step);
    plan.createdAt[i] = at;
    plan.ids[i] = uuidv7At(at, rng);
    const mine = people.interests[author]!;
    const topic = rng.chance(0.8) ? mine[rng.int(mine.length)]! : rng.int(TOPICS.length);
    plan.topic[i] = topic;
    const v = rng.next();
    plan.visibility[i] = v < 0.95 ? 0 : v < 0.98 ? 1 : 2;
    const likes = rng.lognormalCount(likesPerNote, 1.6, maxLikes);
    plan.likes[i] = likes;
    plan.collects[i] = Math.min(maxLikes, Math.floor(likes * COLLECTS_PER_LIKE * 2 * rng.next()));
    plan.comments[i] = Math.floor(likes * COMMENTS_PER_LIKE * 2 * rng.next()) + (rng.chance(0.1) ? 1 : 0);
    plan.views[i] = likes * rng.range(8, 40) + rng.int(60);
    const k = rng.range(1, TAGS_PER_NOTE);
    const own = TOPICS[topic]!;
    const chosen = new Set<number>();
    for (let j = 0; j < k; j++) chosen.add(TAG_INDEX.get(own.tags[tagZipf[topic]!.sample(rng)]!)!);
    if (rng.chance(0.1)) chosen.add(rng.int(ALL_TAGS.length));
    let slot = 0;
    for (const t of chosen) if (slot < TAGS_PER_NOTE) plan.tags[i * TAGS_PER_NOTE + slot++] = t;
  }
  return plan;
}

export function tagsOf(plan: NotePlan, i: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < TAGS_PER_NOTE; s++) {
    const t = plan.tags[i * TAGS_PER_NOTE + s]!;
    if (t !== NO_TAG) out.push(t);
  }
  return out;
}

export type TextLang = 'en' | 'zh' | 'mixed';

/** Mostly the author's own language; learners post in the language they learn, or in a mixture. */
export function noteLanguage(native: string, rng: Rng): TextLang {
  const r = rng.next();
  if (r < 0.1) return 'mixed';
  if (r < 0.2) return native === 'en' ? 'zh' : 'en';
  return native === 'en' ? 'en' : 'zh';
}

/** Title, body with hashtags at the end, and the hashtag facets (UTF-16 offsets, as the server stores). */
export interface NoteText {
  title: string;
  body: string;
  facets: string;
  /** BCP 47 of the main language, as the server's detector stores it (notes.lang). */
  lang: 'en' | 'zh-Hans';
  mixed: boolean;
}

export function noteText(topic: number, lang: TextLang, tags: number[], rng: Rng): NoteText {
  const t = TOPICS[topic]!;
  const zh = lang === 'zh' || (lang === 'mixed' && rng.chance(0.5));
  const title = rng.pick(zh ? t.titlesZh : t.titlesEn);
  const bank = lang === 'en' || (lang === 'mixed' && !zh) ? t.en : t.zh;
  // Distinct sentences, in a random rotation of the bank, so bodies do not repeat themselves.
  const n = rng.range(1, bank.length);
  const first = rng.int(bank.length);
  const sentences: string[] = lang === 'mixed' ? [rng.pick(MIXED)] : [];
  for (let i = 0; i < n; i++) sentences.push(bank[(first + i) % bank.length]!);
  const sep = lang === 'en' ? ' ' : '';
  const body = `${sentences.join(sep)}\n\n${tags.map((i) => `#${ALL_TAGS[i]}`).join(' ')}`;
  const facets: Facet[] = [];
  for (const m of body.matchAll(HASHTAG_PATTERN)) {
    facets.push({ type: 'hashtag', start: m.index, end: m.index + m[0].length, tag: m[1]! });
  }
  return { title, body, facets: JSON.stringify(facets), lang: zh ? 'zh-Hans' : 'en', mixed: lang === 'mixed' };
}

export function commentText(native: string, rng: Rng): string {
  return rng.pick(native === 'en' ? COMMENTS_EN : COMMENTS_ZH);
}
