/**
 * After the engine has found a page of documents: how each matched (its own words, a pinyin reading,
 * or only through a dictionary translation of the query) and where to highlight, as UTF-16 ranges
 * into the text the client shows. Runs in JS over at most a page of short texts.
 */
import type { QueryAlternative, SearchQuery } from '../../infra/search/search-index.js';
import { porterStem } from './porter.js';
import { foldLatin } from './search.text.js';

export type MatchedVia = 'text' | 'pinyin' | 'translation';

export interface Range {
  start: number;
  end: number;
}

export interface StoredFields {
  title: string;
  names: string;
  body: string;
}

function altMatches(a: QueryAlternative, tokens: string[], set: Set<string>): boolean {
  if (a.terms.length === 0) return false;
  const hit = (term: string, token: string, last: boolean) => token === term || (last && a.prefix && token.startsWith(term));
  if (!a.phrase) {
    return a.terms.every((term, i) => {
      const last = i === a.terms.length - 1;
      return last && a.prefix ? tokens.some((tok) => hit(term, tok, true)) : set.has(term);
    });
  }
  for (let s = 0; s + a.terms.length <= tokens.length; s++) {
    if (a.terms.every((term, i) => hit(term, tokens[s + i]!, i === a.terms.length - 1))) return true;
  }
  return false;
}

/** Whether the document matched by its own words, only by a pinyin reading, or only through translation. */
export function matchedVia(query: SearchQuery, doc: StoredFields): MatchedVia {
  const text = `${doc.title} ${doc.body}`.split(' ').filter(Boolean);
  const names = doc.names.split(' ').filter(Boolean);
  const textSet = new Set(text);
  const nameSet = new Set(names);
  let pinyin = false;
  for (const g of query.groups) {
    const direct = g.alternatives.filter((a) => a.via === 'text');
    if (direct.some((a) => altMatches(a, text, textSet))) continue;
    if (direct.some((a) => altMatches(a, names, nameSet))) {
      pinyin = true;
      continue;
    }
    return 'translation';
  }
  return pinyin ? 'pinyin' : 'text';
}

const HAN = /\p{Script=Han}/u;
const WORDISH = /^[\p{L}\p{N}]+$/u;

interface Needles {
  han: Array<{ value: string; prefix: boolean }>;
  words: Array<{ value: string; prefix: boolean }>;
  literals: string[];
}

/** What to look for in displayed text, from every alternative of the query (translations too). */
export function needlesOf(query: SearchQuery): Needles {
  const needles: Needles = { han: [], words: [], literals: [] };
  for (const g of query.groups) {
    for (const a of g.alternatives) {
      a.terms.forEach((term, i) => {
        const prefix = a.prefix && i === a.terms.length - 1;
        const first = term.codePointAt(0)!;
        if (first === 0xe000) {
          needles.literals.push(String.fromCodePoint(...term.slice(1).split('x').map((h) => Number.parseInt(h, 16))));
        } else if (first === 0xe001) {
          needles.literals.push(term.slice(1));
        } else if (HAN.test(term)) {
          needles.han.push({ value: term, prefix });
        } else if (WORDISH.test(term)) {
          needles.words.push({ value: term, prefix });
        }
      });
    }
  }
  return needles;
}

function merge(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/**
 * Ranges of `text` to highlight. `simplify` maps Traditional characters one for one (same length),
 * so offsets found in the folded copy are offsets in the original.
 */
export function highlight(text: string, needles: Needles, simplify: (s: string) => string): Range[] {
  if (!text) return [];
  const ranges: Range[] = [];
  const lower = text.toLowerCase();
  const folded = simplify(lower);
  const haystack = folded.length === text.length ? folded : lower.length === text.length ? lower : null;
  if (!haystack) return [];
  for (const needle of [...needles.han.map((h) => h.value), ...needles.literals.map((l) => l.toLowerCase())]) {
    if (!needle) continue;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      ranges.push({ start: at, end: at + needle.length });
    }
  }
  if (needles.words.length > 0) {
    for (const m of haystack.matchAll(/[[\p{L}\p{N}\p{M}]--\p{Script=Han}]+/gv)) {
      // Letters and digits apart, as the index cut them.
      for (const part of m[0].matchAll(/\p{N}+|\P{N}+/gu)) {
        const surface = foldLatin(part[0]);
        const stem = /^[a-z]+$/.test(surface) ? porterStem(surface) : surface;
        const hit = needles.words.some(
          (w) => w.value === stem || w.value === surface || (w.prefix && (stem.startsWith(w.value) || surface.startsWith(w.value))),
        );
        const start = m.index + part.index;
        if (hit) ranges.push({ start, end: start + part[0].length });
      }
    }
  }
  return merge(ranges);
}
