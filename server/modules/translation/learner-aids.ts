/**
 * Learner aids and the offline word gloss: jieba segmentation on our dictionary's words, pinyin in
 * context (pinyin-pro), CC-CEDICT senses, Simplified ⇄ Traditional (opencc-js). Everything heavy is
 * loaded on first use, once per process context, so a server that never glosses never pays for it.
 */
import type { Jieba } from '@node-rs/jieba';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DICTIONARY_DIR } from './dictionary/dictionary.build.js';
import { type DictEntry, Dictionary } from './dictionary/dictionary.js';
import { buildInChild, isBuilt } from './dictionary/dictionary-files.js';
import { ScriptTable } from './dictionary/script-table.js';
import { englishToChinese, isLatinWord, lemmas } from './english-gloss.js';

export type TokenKind = 'han' | 'latin' | 'other';

export interface Token {
  text: string;
  /** UTF-16 offsets into the input, so the web can wrap exactly this span in <ruby>. */
  start: number;
  end: number;
  kind: TokenKind;
  /** False for spaces, punctuation, digits and emoji. */
  isWord: boolean;
  /** Tone-marked syllables in context ("yín háng"); null outside Chinese. */
  pinyin: string | null;
  /** For Chinese: English senses; for English: Chinese words. */
  glosses: string[];
  simplified: string | null;
  traditional: string | null;
}

export type ChineseScript = 'zh-Hans' | 'zh-Hant';

type PinyinFn = (text: string, options: { type: 'array' }) => string[];
type Converter = (text: string) => string;

interface Loaded {
  dict: Dictionary;
  jieba: Jieba;
  pinyin: PinyinFn;
}

const MAX_GLOSSES = 6;
const HAN = /\p{Script=Han}/u;
const PUNCTUATION_EN: Record<string, string> = {
  '，': ', ',
  '。': '. ',
  '！': '! ',
  '？': '? ',
  '、': ', ',
  '：': ': ',
  '；': '; ',
  '“': '"',
  '”': '"',
  '《': '"',
  '》': '"',
  '（': ' (',
  '）': ') ',
};

/** "(bound form) to walk; to go" → "walk": the short sense a word-by-word gloss shows. */
export function shortSense(group: string): string {
  for (const part of group.split(/;\s*/)) {
    const s = part
      .replace(/\([^)]*\)/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/^\s*to\s+/, '')
      .trim();
    if (s && !/variant of|^see |^used in|^CL:/i.test(s)) return s;
  }
  return '';
}

const compact = (pinyin: string) => pinyin.toLowerCase().replace(/[\s·]/g, '');

export class LearnerAids {
  private loaded: Promise<Loaded> | null = null;
  private jieba: Promise<Jieba> | null = null;
  private scriptTable: Promise<ScriptTable> | null = null;
  private readonly converters = new Map<ChineseScript, Promise<Converter>>();

  /** Whether the full CC-CEDICT index is in memory (detection and search indexing never load it). */
  get dictionaryLoaded(): boolean {
    return this.loaded !== null;
  }

  /** The dictionary, loading everything on first use. */
  async dictionary(): Promise<Dictionary> {
    return (await this.load()).dict;
  }

  /**
   * The segmenter on our dictionary's words (search indexes with it too, so both agree on words).
   * It needs only jieba.txt: indexing a note never loads the CC-CEDICT entries.
   */
  segmenter(): Promise<Jieba> {
    this.jieba ??= (async () => {
      if (!isBuilt(DICTIONARY_DIR)) await buildInChild();
      const [words, { Jieba }] = await Promise.all([fs.readFile(path.join(DICTIONARY_DIR, 'jieba.txt')), import('@node-rs/jieba')]);
      return Jieba.withDict(words);
    })();
    this.jieba.catch(() => {
      this.jieba = null;
    });
    return this.jieba;
  }

  /** The Simplified/Traditional character table alone (~40 KB), for telling the scripts apart. */
  scripts(): Promise<ScriptTable> {
    if (this.loaded) return this.loaded.then((l) => l.dict.scripts);
    this.scriptTable ??= ScriptTable.load();
    this.scriptTable.catch(() => {
      this.scriptTable = null;
    });
    return this.scriptTable;
  }

  private load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      const [dict, jieba, { pinyin }] = await Promise.all([Dictionary.load(), this.segmenter(), import('pinyin-pro')]);
      return { dict, jieba, pinyin: pinyin as unknown as PinyinFn };
    })();
    // A failed load (e.g. the build could not run) is retried next time instead of cached forever.
    this.loaded.catch(() => {
      this.loaded = null;
    });
    return this.loaded;
  }

  /** Splits text into words with pinyin in context and glosses, for ruby annotation and word cards. */
  async segment(text: string): Promise<Token[]> {
    const { dict, jieba, pinyin } = await this.load();
    const pieces = jieba.cut(text, false);
    // jieba returns the text cut into pieces; if it ever did not, fall back to one piece per character.
    const parts = pieces.join('') === text ? pieces : [...text];
    const contextual = this.pinyinPerCodePoint(text, dict, pinyin);
    const tokens: Token[] = [];
    let start = 0;
    let codePoint = 0;
    for (const part of parts) {
      const chars = [...part];
      const end = start + part.length;
      if (HAN.test(part)) {
        const syllables = chars.map((c, i) => (HAN.test(c) ? (contextual?.[codePoint + i] ?? null) : null));
        const py = syllables.every((s) => s) ? syllables.join(' ') : null;
        const entry = pickEntry(dict.lookup(part), py);
        tokens.push({
          text: part,
          start,
          end,
          kind: 'han',
          isWord: true,
          pinyin: py ?? entry?.pinyin ?? null,
          glosses: entry ? entry.senses.slice(0, MAX_GLOSSES) : [],
          simplified: entry?.simplified ?? dict.simplifyChars(part),
          traditional: entry?.traditional ?? null,
        });
      } else if (isLatinWord(part)) {
        const glosses = lemmas(part.toLowerCase()).flatMap((l) => dict.english(l));
        tokens.push({ ...plain(part, start, end, 'latin'), isWord: true, glosses: [...new Set(glosses)].slice(0, MAX_GLOSSES) });
      } else {
        tokens.push(plain(part, start, end, 'other'));
      }
      start = end;
      codePoint += chars.length;
    }
    return tokens;
  }

  /** pinyin-pro reads words in context but knows Simplified best, so it reads a same-length Simplified copy. */
  private pinyinPerCodePoint(text: string, dict: Dictionary, pinyin: PinyinFn): string[] | null {
    if (!HAN.test(text)) return null;
    const out = pinyin(dict.simplifyChars(text), { type: 'array' });
    return out.length === [...text].length ? out : null;
  }

  /** Dictionary entries for a Chinese word, or Chinese candidates for an English one; [] when unknown. */
  async lookup(word: string): Promise<DictEntry[]> {
    const { dict } = await this.load();
    if (HAN.test(word)) return dict.lookup(word);
    const words = lemmas(word.trim().toLowerCase()).flatMap((l) => dict.english(l));
    return [...new Set(words)].flatMap((w) => dict.lookup(w).slice(0, 1));
  }

  /** Word-by-word English gloss of Chinese text (not a translation; the UI says so). */
  async glossChineseToEnglish(text: string): Promise<string> {
    let out = '';
    let lastWasWord = false;
    for (const token of await this.segment(text)) {
      let piece: string;
      let isWord = token.isWord;
      if (token.kind === 'han') piece = (token.glosses.map(shortSense).find(Boolean) ?? token.pinyin ?? token.text).trim();
      else if (token.kind === 'latin') piece = token.text;
      else {
        piece = PUNCTUATION_EN[token.text] ?? token.text;
        isWord = /^[\p{L}\p{N}]/u.test(piece);
      }
      if (!piece.trim()) {
        lastWasWord = false;
        if (!/\s$/.test(out)) out += ' ';
        continue;
      }
      if (isWord && lastWasWord) out += ' ';
      out += piece;
      lastWasWord = isWord;
    }
    return out.replace(/\s+/g, ' ').replace(/\s+([,.!?;:)])/g, '$1').trim();
  }

  /** Word-by-word Chinese gloss of English text through the dictionary's reverse index. */
  async glossEnglishToChinese(text: string, script: ChineseScript): Promise<string> {
    const { dict } = await this.load();
    return englishToChinese(text, dict, script);
  }

  /**
   * Simplified ⇄ Traditional (Taiwan standard characters), phrase-aware. Each direction loads on
   * first use: search only ever folds to Simplified (~20 MB), while the Traditional dictionaries
   * (~85 MB) are paid for only once someone asks for the display toggle.
   */
  async convert(text: string, to: ChineseScript): Promise<string> {
    let converter = this.converters.get(to);
    if (!converter) {
      converter =
        to === 'zh-Hant'
          ? import('opencc-js/cn2t').then((m) => m.Converter({ from: 'cn', to: 'tw' }))
          : import('opencc-js/t2cn').then((m) => m.Converter({ from: 'tw', to: 'cn' }));
      this.converters.set(to, converter);
    }
    return (await converter)(text);
  }
}

function plain(text: string, start: number, end: number, kind: TokenKind): Token {
  return { text, start, end, kind, isWord: false, pinyin: null, glosses: [], simplified: null, traditional: null };
}

/** The reading that matches the context wins (行 in 银行 is háng, not xíng); else the first entry. */
function pickEntry(entries: DictEntry[], contextual: string | null): DictEntry | undefined {
  if (contextual) {
    const want = compact(contextual);
    const matches = entries.filter((e) => compact(e.pinyin) === want);
    // Common words before proper nouns of the same reading (钱 "money" before the surname Qian).
    const match = matches.find((e) => e.pinyin === e.pinyin.toLowerCase()) ?? matches[0];
    if (match) return match;
  }
  return entries[0];
}
