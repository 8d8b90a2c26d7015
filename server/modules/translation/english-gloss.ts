/**
 * English → Chinese word gloss through the dictionary's reverse index: longest phrase first ("hot
 * pot" before "hot"), simple lemmatization, Traditional forms from the same entries.
 */
import type { ChineseScript } from './learner-aids.js';
import type { Dictionary } from './dictionary/dictionary.js';

const MAX_PHRASE = 4;
const LATIN_WORD = /^[\p{Script=Latin}'’-]+$/u;
const ARTICLES = new Set(['a', 'an', 'the']);
const IRREGULAR: Record<string, string> = {
  am: 'be',
  is: 'be',
  are: 'be',
  was: 'be',
  were: 'be',
  been: 'be',
  has: 'have',
  had: 'have',
  does: 'do',
  did: 'do',
  went: 'go',
  gone: 'go',
  ate: 'eat',
  eaten: 'eat',
  saw: 'see',
  seen: 'see',
  made: 'make',
  took: 'take',
  got: 'get',
  bought: 'buy',
  thought: 'think',
  came: 'come',
  felt: 'feel',
  found: 'find',
  knew: 'know',
  said: 'say',
  told: 'tell',
  children: 'child',
  people: 'person',
  men: 'man',
  women: 'woman',
  "i'm": 'i',
  "it's": 'it',
};
const PUNCTUATION_ZH: Record<string, string> = { ',': '，', '.': '。', '!': '！', '?': '？', ';': '；', ':': '：' };

export function isLatinWord(text: string): boolean {
  return LATIN_WORD.test(text) && /\p{L}/u.test(text);
}

/** The word and the base forms it may come from: plurals, -ing, -ed, a few irregulars. */
export function lemmas(word: string): string[] {
  const w = word.replace(/’/g, "'");
  const out = [w];
  if (IRREGULAR[w]) out.push(IRREGULAR[w]);
  const stem = (suffix: string) => w.slice(0, -suffix.length);
  if (w.endsWith("'s")) out.push(stem("'s"));
  if (w.endsWith('ies') && w.length > 4) out.push(`${stem('ies')}y`);
  if (w.endsWith('es') && w.length > 3) out.push(stem('es'));
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 2) out.push(stem('s'));
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix) || w.length <= suffix.length + 2) continue;
    const base = stem(suffix);
    out.push(base, `${base}e`);
    if (suffix === 'ed' && base.endsWith('i')) out.push(`${base.slice(0, -1)}y`);
    // shopping → shop, planned → plan
    if (base.length > 2 && base.at(-1) === base.at(-2)) out.push(base.slice(0, -1));
  }
  return [...new Set(out)];
}

interface Piece {
  text: string;
  kind: 'word' | 'space' | 'other';
}

function pieces(text: string): Piece[] {
  return (text.match(/[\p{Script=Latin}'’-]+|\s+|[^\s\p{Script=Latin}'’-]+/gu) ?? []).map((t) => ({
    text: t,
    kind: isLatinWord(t) ? 'word' : /^\s+$/.test(t) ? 'space' : 'other',
  }));
}

function findPhrase(dict: Dictionary, words: string[]): string | null {
  const head = words.slice(0, -1).join(' ');
  const last = words.at(-1)!;
  for (const lemma of lemmas(last)) {
    const key = head ? `${head} ${lemma}` : lemma;
    const hit = dict.english(key)[0] ?? (words.length === 2 ? dict.english(key.replace(' ', ''))[0] : undefined);
    if (hit) return hit;
  }
  return null;
}

/** Glosses English text word by word into Chinese; unknown words stay as written. */
export function englishToChinese(text: string, dict: Dictionary, script: ChineseScript): string {
  const list = pieces(text);
  const out: Array<{ text: string; chinese: boolean }> = [];
  for (let i = 0; i < list.length; ) {
    const piece = list[i]!;
    if (piece.kind !== 'word') {
      out.push({ text: PUNCTUATION_ZH[piece.text.trim()] ?? piece.text, chinese: false });
      i++;
      continue;
    }
    if (ARTICLES.has(piece.text.toLowerCase())) {
      i++;
      continue;
    }
    // Collect up to MAX_PHRASE words separated by single spaces, then try the longest phrase first.
    const run: number[] = [i];
    for (let j = i + 2; run.length < MAX_PHRASE && j < list.length; j += 2) {
      if (list[j - 1]!.kind !== 'space' || list[j]!.kind !== 'word') break;
      run.push(j);
    }
    let matched = 0;
    let chinese: string | null = null;
    for (let n = run.length; n >= 1 && !chinese; n--) {
      chinese = findPhrase(
        dict,
        run.slice(0, n).map((k) => list[k]!.text.toLowerCase()),
      );
      if (chinese) matched = n;
    }
    if (chinese) {
      const form = script === 'zh-Hant' ? (dict.lookup(chinese)[0]?.traditional ?? chinese) : chinese;
      out.push({ text: form, chinese: true });
      i = run[matched - 1]! + 1;
    } else {
      out.push({ text: piece.text, chinese: false });
      i++;
    }
  }
  // Chinese has no spaces between words; spaces stay only next to words left in English.
  let result = '';
  out.forEach((p, k) => {
    if (/^\s+$/.test(p.text)) {
      const prev = out[k - 1];
      const next = out[k + 1];
      if (prev && next && !prev.chinese && !next.chinese && !/^[，。！？；：]$/.test(prev.text)) result += ' ';
      return;
    }
    result += p.text;
  });
  return result.trim();
}
