import type { ChineseScriptTag, Token } from './learn.types.js';

export interface RubyPair {
  base: string;
  /** The reading above `base`, or null for text that has none (punctuation, Latin). */
  rt: string | null;
}

/**
 * One ruby base per character when the pinyin has a syllable per character (火<rt>huǒ</rt>锅<rt>guō</rt>),
 * so each reading sits over its own character; otherwise the whole reading over the whole word.
 */
export function rubyPairs(text: string, pinyin: string | null): RubyPair[] {
  if (!pinyin?.trim()) return [{ base: text, rt: null }];
  const syllables = pinyin.trim().split(/\s+/);
  const chars = [...text];
  if (syllables.length === chars.length) return chars.map((c, i) => ({ base: c, rt: syllables[i]! }));
  return [{ base: text, rt: syllables.join('') }];
}

/** The token written in the chosen script, when the dictionary knows both forms and they line up. */
export function displayForm(token: Token, script: ChineseScriptTag | null): string {
  const form = script === 'zh-Hant' ? token.traditional : script === 'zh-Hans' ? token.simplified : null;
  return form && form.length === token.text.length ? form : token.text;
}

/** The part of a token inside [from, to) (UTF-16 offsets of the whole text), readings cut to match. */
export function clipToken(token: Token, from: number, to: number): Token {
  const a = Math.max(from, token.start);
  const b = Math.min(to, token.end);
  if (a === token.start && b === token.end) return token;
  const i = a - token.start;
  const j = b - token.start;
  const syllables = token.pinyin?.trim().split(/\s+/) ?? [];
  const perChar = syllables.length === token.text.length;
  const cut = (s: string | null) => (s && s.length === token.text.length ? s.slice(i, j) : null);
  return {
    ...token,
    text: token.text.slice(i, j),
    start: a,
    end: b,
    pinyin: perChar ? syllables.slice(i, j).join(' ') : null,
    simplified: cut(token.simplified),
    traditional: cut(token.traditional),
  };
}

/** Tokens worth a word card: Chinese words, and Latin words the dictionary has Chinese for. */
export function isLookupWord(token: Token): boolean {
  if (!token.isWord) return false;
  return token.kind === 'han' || (token.kind === 'latin' && token.glosses.length > 0);
}

/** The form to look up: the dictionary is keyed by Simplified Chinese, and English in lower case. */
export function lookupForm(token: Token): string {
  return token.kind === 'han' ? (token.simplified ?? token.text) : token.text.toLowerCase();
}
