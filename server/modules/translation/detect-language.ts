/**
 * Language detection for posts: scripts first (they settle Chinese, Japanese and Korean without a
 * model, and tell Simplified from Traditional), `eld` for the rest. No detector flags mixed text on
 * its own, so "mixed" is our own rule over character counts.
 */
import { type Eld, loadEld } from './eld-model.js';
import type { LearnerAids } from './learner-aids.js';

export interface DetectedLanguage {
  /** BCP 47: en, zh-Hans, zh-Hant, ja, ko, es …; null when the text says too little. */
  lang: string | null;
  /** The text clearly mixes CJK and Latin writing (e.g. 今天的hot pot太好吃了 so good). */
  mixed: boolean;
}

/** Share of letters each side needs before a text counts as mixed. */
export const MIXED_SHARE = 0.2;
/** A CJK character carries about as much as three Latin letters; used only to pick the main language. */
const CJK_WEIGHT = 3;

const URLS_AND_MENTIONS = /https?:\/\/\S+|@[\p{L}\p{N}_]+/gu;

interface Counts {
  han: number;
  kana: number;
  hangul: number;
  latin: number;
  other: number;
  latinWords: number;
}

/**
 * Each script counted by one native scan of the text (the scripts are disjoint, so the counts are the
 * same as classifying each character in turn); a regex test per character was ~2 % of a text note's
 * CPU. `other` is every letter outside the four scripts (the v flag's set difference).
 */
const SCRIPT_PATTERNS: Record<Exclude<keyof Counts, 'latinWords'>, RegExp> = {
  han: /\p{Script=Han}/gu,
  kana: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu,
  hangul: /\p{Script=Hangul}/gu,
  latin: /\p{Script=Latin}/gu,
  other: /[\p{L}--[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Latin}]]/gv,
};
const LATIN_WORDS = /\p{Script=Latin}{2,}/gu;

const countOf = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

function countScripts(text: string): Counts {
  return {
    han: countOf(text, SCRIPT_PATTERNS.han),
    kana: countOf(text, SCRIPT_PATTERNS.kana),
    hangul: countOf(text, SCRIPT_PATTERNS.hangul),
    latin: countOf(text, SCRIPT_PATTERNS.latin),
    other: countOf(text, SCRIPT_PATTERNS.other),
    latinWords: countOf(text, LATIN_WORDS),
  };
}

export class LanguageDetector {
  private eld: Promise<Eld> | null = null;

  constructor(private readonly aids: LearnerAids) {}

  /** Detects the main language of a text and whether it mixes scripts. */
  async detect(raw: string): Promise<DetectedLanguage> {
    const text = raw.replace(URLS_AND_MENTIONS, ' ');
    const c = countScripts(text);
    const cjk = c.han + c.kana + c.hangul;
    const letters = cjk + c.latin + c.other;
    if (letters === 0) return { lang: null, mixed: false };
    // A brand name in a Chinese sentence (我买了iPhone) is not mixing: both sides need real weight.
    const mixed = cjk / letters >= MIXED_SHARE && c.latin / letters >= MIXED_SHARE && cjk >= 2 && c.latinWords >= 2;
    if (cjk * CJK_WEIGHT >= c.latin + c.other) return { lang: await this.cjkLanguage(text, c), mixed };
    const eld = await this.loadEld();
    const result = eld.detect(text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu, ' '));
    const lang = result.language && result.isReliable() ? result.language : null;
    return { lang, mixed };
  }

  private async cjkLanguage(text: string, c: Counts): Promise<string> {
    if (c.hangul > c.han + c.kana) return 'ko';
    if (c.kana > 0 && c.kana * 10 >= c.han + c.kana) return 'ja';
    // The compact character table, not the dictionary: the first Chinese post costs ~40 KB, not ~100 MB.
    const { simplified, traditional } = (await this.aids.scripts()).scriptCounts(text);
    return traditional > simplified ? 'zh-Hant' : 'zh-Hans';
  }

  private loadEld(): Promise<Eld> {
    // The small n-gram set: as accurate as medium on short posts here, a third less memory (see ADR 0005).
    this.eld ??= loadEld().then((loaded) => loaded.eld);
    return this.eld;
  }
}

/**
 * A client's tag in the form we store: Chinese by script (zh-TW, zh-HK → zh-Hant; zh, zh-CN →
 * zh-Hans), everything else by its language subtag (en-US → en). null when the tag is not BCP 47.
 */
export function normalizeLang(tag: string): string | null {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(Intl.getCanonicalLocales(tag)[0]!);
  } catch {
    return null;
  }
  if (locale.language === 'zh') {
    return locale.script === 'Hant' || ['TW', 'HK', 'MO'].includes(locale.region ?? '') ? 'zh-Hant' : 'zh-Hans';
  }
  return locale.language;
}
