/**
 * The text pipeline shared by indexing and querying, so both sides always agree on terms (ADR 0006):
 * clean (well-formed UTF-16, NFKC, no private-use characters), fold Traditional to Simplified
 * (opencc), cut Chinese with jieba on our dictionary's words (search mode when indexing, with
 * character bigrams of long words), lower-case, strip Latin accents and Porter-stem English, keep
 * emoji and #hashtags as terms of their own. Terms never contain spaces or FTS syntax.
 */
import type { Jieba } from '@node-rs/jieba';
import type { LearnerAids } from '../translation/learner-aids.js';
import { porterStem } from './porter.js';

export type TokenKind = 'han' | 'latin' | 'number' | 'emoji' | 'tag';

export interface QueryToken {
  kind: TokenKind;
  /** Normalized surface (Simplified, lower case, unstemmed). */
  surface: string;
  /** The index term: a Chinese word, an English stem, or an encoded emoji/hashtag. */
  term: string;
  /** Continues the word of the token before it ("3" in "carol3"): letters and digits split apart. */
  joined?: boolean;
}

type PinyinFn = (text: string, options: Record<string, unknown>) => string[];

const MAX_TERM = 40;
const HAN = /\p{Script=Han}/u;
/** Private-use characters mark our encoded terms, so they are removed from all input. */
const UNWANTED = /[\p{Co}\p{Cc}\p{Cs}\uFFFD\uFEFF]/gu;
const PIECES = /#([\p{L}\p{N}_]+)|(\p{RGI_Emoji})|(\p{Script=Han}+)|([[\p{L}\p{N}\p{M}]--\p{Script=Han}]+)/gv;

const EMOJI_MARK = '\uE000';
const TAG_MARK = '\uE001';
const TAG_HEX_MARK = '\uE002';

const hex = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16)).join('x');
const isWordy = (s: string) => /^[\p{L}\p{N}]+$/u.test(s);

/** The term for an emoji: its code points in hex behind a private-use mark (FTS5 keeps it whole). */
export function emojiTerm(emoji: string): string {
  return EMOJI_MARK + hex(emoji);
}

/** The term for #name, whatever characters the name has. */
export function tagTerm(normalizedName: string): string {
  return isWordy(normalizedName) ? TAG_MARK + normalizedName : TAG_HEX_MARK + hex(normalizedName);
}

/** Removes accents from Latin letters only (é → e); marks in other scripts carry meaning. */
export function foldLatin(word: string): string {
  return word.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC');
}

/** Letters and digits apart: "iphone15" is "iphone" and "15", so "iPhone 15" finds it too. */
function splitDigits(word: string): string[] {
  return word.match(/\p{N}+|\P{N}+/gu) ?? [];
}

/** The term for a lower-cased letters-or-digits word. */
export function wordTerm(word: string): string {
  return (/^[a-z]+$/.test(word) ? porterStem(word) : word).slice(0, MAX_TERM);
}

export class SearchText {
  private tools: Promise<{ jieba: Jieba; pinyin: PinyinFn }> | null = null;

  constructor(private readonly aids: LearnerAids) {}

  private load() {
    this.tools ??= (async () => {
      const [jieba, mod] = await Promise.all([this.aids.segmenter(), import('pinyin-pro')]);
      return { jieba, pinyin: mod.pinyin as unknown as PinyinFn };
    })();
    this.tools.catch(() => {
      this.tools = null;
    });
    return this.tools;
  }

  /** Well-formed, NFKC, lower-case, Simplified text; never throws on hostile input. */
  async normalize(text: string): Promise<string> {
    const clean = text.toWellFormed().normalize('NFKC').replace(UNWANTED, ' ').toLowerCase();
    return HAN.test(clean) ? this.aids.convert(clean, 'zh-Hans') : clean;
  }

  /** Tokens of already-normalized text; `index` cuts Chinese in search mode and adds bigrams. */
  private async tokens(normalized: string, mode: 'index' | 'query'): Promise<QueryToken[]> {
    const { jieba } = await this.load();
    const out: QueryToken[] = [];
    for (const m of normalized.matchAll(PIECES)) {
      const [, tag, emoji, han, word] = m;
      if (tag !== undefined) {
        out.push({ kind: 'tag', surface: tag, term: tagTerm(tag) });
        // The words of a tag are searchable like any text in the note.
        if (mode === 'index') out.push(...(await this.tokens(tag.replace(/_/g, ' '), mode)));
      } else if (emoji !== undefined) {
        out.push({ kind: 'emoji', surface: emoji, term: emojiTerm(emoji) });
      } else if (han !== undefined) {
        const pieces = mode === 'index' ? jieba.cutForSearch(han, false) : jieba.cut(han, false);
        for (const piece of pieces) {
          if (!piece) continue;
          out.push({ kind: 'han', surface: piece, term: piece.slice(0, MAX_TERM) });
          const chars = [...piece];
          // 小红书 also answers to 红书: long words add their character bigrams.
          if (mode === 'index' && chars.length >= 3) {
            for (let i = 0; i + 1 < chars.length; i++) {
              const bigram = chars[i]! + chars[i + 1]!;
              out.push({ kind: 'han', surface: bigram, term: bigram });
            }
          }
        }
      } else if (word !== undefined) {
        let joined = false;
        for (const part of splitDigits(foldLatin(word))) {
          if (!isWordy(part)) continue;
          const kind: TokenKind = /^\p{N}+$/u.test(part) ? 'number' : 'latin';
          out.push({ kind, surface: part, term: wordTerm(part), ...(joined ? { joined } : {}) });
          joined = true;
        }
      }
    }
    return out;
  }

  /** Index terms for a document field. */
  async indexTerms(...texts: string[]): Promise<string[]> {
    const terms: string[] = [];
    for (const text of texts) {
      if (!text) continue;
      for (const t of await this.tokens(await this.normalize(text), 'index')) terms.push(t.term);
    }
    return terms;
  }

  /** Query tokens, in order, with Chinese cut into its longest words. */
  async queryTokens(text: string): Promise<QueryToken[]> {
    return this.tokens(await this.normalize(text), 'query');
  }

  /** The term of a hashtag name as written in a note (#火鍋 and #火锅 are one topic to search). */
  async tagTermOf(name: string): Promise<string> {
    return tagTerm((await this.normalize(name)).replace(/^#/, ''));
  }

  /**
   * Pinyin readings of a name, for people and topics: each Chinese run and each of its words in full
   * pinyin without tones and as initials (小红书 → xiaohongshu, xhs, and the words' own readings).
   */
  async pinyinTerms(name: string): Promise<string[]> {
    const normalized = await this.normalize(name);
    if (!HAN.test(normalized)) return [];
    const { jieba, pinyin } = await this.load();
    const out = new Set<string>();
    const add = (run: string) => {
      const full = pinyin(run, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
      if (full.length === 0 || full.some((s) => !/^[a-z]+$/.test(s))) return;
      out.add(full.join('').slice(0, MAX_TERM));
      if (full.length > 1) out.add(full.map((s) => s[0]).join(''));
    };
    for (const [run] of normalized.matchAll(/\p{Script=Han}+/gu)) {
      add(run);
      const words = jieba.cut(run, false);
      if (words.length > 1) for (const w of words) add(w);
    }
    return [...out];
  }
}
