/**
 * From what someone typed to a SearchQuery: the same tokens the index holds, each unit of meaning a
 * group, and — across the language border — the unit's dictionary translations as alternatives
 * marked `translation` (hot pot ⇄ 火锅, via the translation module's CC-CEDICT index).
 */
import { LIMITS } from '../../../contract/limits.js';
import type { QueryAlternative, SearchQuery } from '../../infra/search/search-index.js';
import type { Dictionary, DictEntry } from '../translation/dictionary/dictionary.js';
import { lemmas } from '../translation/english-gloss.js';
import type { LearnerAids } from '../translation/learner-aids.js';
import { foldLatin, type QueryToken, type SearchText, wordTerm } from './search.text.js';

export interface QueryOptions {
  /** `all`: every unit matches as a prefix (typeahead); `last`: only the one being typed. */
  prefix: 'all' | 'last';
  translate: boolean;
}

const STOPWORDS = new Set(
  'a an the of to in on at for and or is are was were be with my your our his her its i me we you it this that by from as'.split(' '),
);
const MAX_PHRASE = 4;
const MAX_TRANSLATIONS = 2;
const MAX_SENSES = 3;

type Group = { alternatives: QueryAlternative[]; lastKind: QueryToken['kind']; lastSurface: string; joined?: boolean };

const alt = (terms: string[], via: QueryAlternative['via'], phrase = false): QueryAlternative => ({ terms, phrase, prefix: false, via });

/** Chinese words for an English phrase: "hot pot", "hotpot", and base forms of the last word. */
function englishToChinese(dict: Dictionary, words: string[]): string[] {
  const head = words.slice(0, -1).join(' ');
  for (const lemma of lemmas(words.at(-1)!)) {
    const key = head ? `${head} ${lemma}` : lemma;
    const hits = dict.english(key);
    if (hits.length) return hits;
    if (words.length === 2) {
      const joined = dict.english(key.replace(' ', ''));
      if (joined.length) return joined;
    }
  }
  return [];
}

/** Short English senses of a Chinese word, most common first ("hot pot", "hotpot"). */
function chineseToEnglish(entries: DictEntry[]): string[][] {
  const entry = entries.find((e) => e.pinyin === e.pinyin.toLowerCase()) ?? entries[0];
  const out: string[][] = [];
  for (const part of (entry?.senses[0] ?? '').split(/;\s*/)) {
    const sense = part
      .replace(/\([^)]*\)/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/^\s*to\s+/, '')
      .trim()
      .toLowerCase();
    if (!/^[a-z][a-z' -]*$/.test(sense) || /variant of|^see |^cl:/.test(sense)) continue;
    const words = foldLatin(sense).split(/[\s-]+/).filter(Boolean);
    if (words.length === 0 || words.length > 3) continue;
    out.push(words);
    if (out.length === MAX_SENSES) break;
  }
  return out;
}

/** Alternatives that spell English words: the phrase of stems, and for two words their joined form. */
function englishAlternatives(words: string[], via: QueryAlternative['via']): QueryAlternative[] {
  const terms = words.map((w) => wordTerm(w.replace(/[^a-z0-9]/g, ''))).filter(Boolean);
  if (terms.length === 0) return [];
  if (terms.length === 1) return [alt(terms, via)];
  const out = [alt(terms, via, true)];
  if (words.length === 2) out.push(alt([wordTerm(words.join('').replace(/[^a-z0-9]/g, ''))], via));
  return out;
}

/** Builds the query; null when nothing searchable is left (only punctuation, empty). */
export async function buildQuery(text: SearchText, aids: LearnerAids, input: string, options: QueryOptions): Promise<SearchQuery | null> {
  const clipped = [...input.toWellFormed()].slice(0, LIMITS.search.queryChars).join('');
  const all = await text.queryTokens(clipped);
  const content = all.filter((t) => !(t.kind === 'latin' && STOPWORDS.has(t.surface)));
  const tokens = content.length > 0 ? content : all;
  if (tokens.length === 0) return null;
  const dict = options.translate ? await aids.dictionary() : null;

  const groups: Group[] = [];
  for (let i = 0; i < tokens.length && groups.length < LIMITS.search.queryTerms; ) {
    const t = tokens[i]!;
    if (t.kind === 'latin') {
      // The longest run of English words the dictionary knows as one phrase ("hot pot").
      let run = 1;
      while (run < MAX_PHRASE && tokens[i + run]?.kind === 'latin') run++;
      let length = 1;
      let chinese: string[] = [];
      if (dict) {
        for (let n = run; n >= 1; n--) {
          chinese = englishToChinese(dict, tokens.slice(i, i + n).map((w) => w.surface));
          if (chinese.length) {
            length = n;
            break;
          }
        }
      }
      const words = tokens.slice(i, i + length);
      const alternatives =
        length === 1
          ? [alt([t.term], 'text'), ...(t.surface !== t.term ? [alt([t.surface], 'text')] : [])]
          : englishAlternatives(
              words.map((w) => w.surface),
              'text',
            );
      for (const word of chinese.slice(0, MAX_TRANSLATIONS)) {
        const terms = (await text.queryTokens(word)).map((w) => w.term);
        if (terms.length) alternatives.push(alt(terms, 'translation'));
      }
      groups.push({ alternatives, lastKind: 'latin', lastSurface: words.at(-1)!.surface, joined: words.at(-1)!.joined });
      i += length;
    } else if (t.kind === 'han' && [...t.surface].length === 1) {
      // Characters jieba left alone (an unknown name, a word cut short): each of them, or their bigrams.
      let j = i;
      while (tokens[j]?.kind === 'han' && [...tokens[j]!.surface].length === 1) j++;
      const chars = tokens.slice(i, j).map((c) => c.term);
      const alternatives = [alt(chars, 'text')];
      if (chars.length >= 2) alternatives.push(alt(chars.slice(0, -1).map((c, k) => c + chars[k + 1]), 'text'));
      groups.push({ alternatives, lastKind: 'han', lastSurface: chars.at(-1)! });
      i = j;
    } else if (t.kind === 'han') {
      const alternatives = [alt([t.term], 'text')];
      if (dict) {
        for (const words of chineseToEnglish(dict.lookup(t.surface))) alternatives.push(...englishAlternatives(words, 'translation'));
      }
      groups.push({ alternatives, lastKind: 'han', lastSurface: t.surface });
      i++;
    } else {
      groups.push({ alternatives: [alt([t.term], 'text')], lastKind: t.kind, lastSurface: t.surface, joined: t.joined });
      i++;
    }
  }

  // Prefixes for what is still being typed; a lone digit or letter would match half the index. A piece
  // glued to the one before it ("3" in "@carol3" for carol30dw) is a prefix only at the very end, where
  // it is still being typed: pieces followed by more of their word are complete, and each prefix costs
  // a scan of every term it starts (16 glued prefixes in "a1b2…h8" took a typeahead 5 → 300 ms at size M).
  const last = groups.length - 1;
  const prefixable = (g: Group, k: number) =>
    g.joined ? k === last : g.lastKind !== 'number' && g.lastKind !== 'emoji' && !(g.lastKind === 'latin' && g.lastSurface.length < 2);
  groups.forEach((g, k) => {
    if (!(options.prefix === 'all' || k === last) || !prefixable(g, k)) return;
    for (const a of g.alternatives) if (a.via === 'text') a.prefix = true;
  });
  return { groups: groups.map((g) => ({ alternatives: dedupe(g.alternatives) })) };
}

function dedupe(alternatives: QueryAlternative[]): QueryAlternative[] {
  const seen = new Set<string>();
  return alternatives.filter((a) => {
    const key = `${a.phrase}|${a.prefix}|${a.terms.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Distinct query texts whose expansion is kept; a few hundred strings and small objects. */
const CACHED_QUERIES = 500;

/**
 * Built queries by text and options, least recently used dropped. jieba, the dictionary lookups and
 * the stemmer give the same answer for the same text until the process restarts, and the searches
 * people repeat most (trending words, the typeahead's keystrokes) are the ones worth not redoing.
 * Callers must treat the returned query as read-only.
 */
export class QueryCache {
  private readonly entries = new Map<string, SearchQuery | null>();

  async get(text: SearchText, aids: LearnerAids, input: string, options: QueryOptions): Promise<SearchQuery | null> {
    const key = `${options.prefix}|${options.translate ? 1 : 0}|${input}`;
    if (this.entries.has(key)) {
      const hit = this.entries.get(key)!;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const built = await buildQuery(text, aids, input, options);
    if (this.entries.size >= CACHED_QUERIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, built);
    return built;
  }
}
