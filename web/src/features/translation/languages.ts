// Whether a text is worth offering a translation for, decided in the browser from the language the
// server stored (or, before detection has run, a guess from the script) and what the reader reads.

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /\p{Script=Latin}{2,}/gu;

/** The text contains Chinese characters: pinyin and script conversion apply. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** The primary subtag: zh-Hant → zh, en-GB → en. */
export function baseLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

export interface TextLanguage {
  lang: string | null;
  mixed: boolean;
}

/**
 * A rough guess for text the server has not classified yet (a comment just posted): Chinese when it
 * has Han characters, mixed when it also has at least two Latin words (the server's rule, simplified).
 */
export function guessLanguage(text: string): TextLanguage {
  const han = text.match(HAN)?.length ?? 0;
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  if (han === 0) return { lang: null, mixed: false };
  return { lang: 'zh', mixed: han >= 2 && latinWords >= 2 };
}

/** The stored language, or the guess when there is none yet. */
export function languageOf(stored: TextLanguage, text: string): TextLanguage {
  return stored.lang ? stored : guessLanguage(text);
}

/**
 * Offer "See translation" when the text is in a language the reader does not read (Simplified and
 * Traditional Chinese count as one: the script toggle covers them), or when it mixes languages.
 * Unknown languages are not offered: a button that returns the original teaches people to ignore it.
 */
export function needsTranslation(language: TextLanguage, readLanguages: readonly string[]): boolean {
  if (!language.lang) return false;
  if (language.mixed) return true;
  const reads = new Set(readLanguages.map(baseLanguage));
  return !reads.has(baseLanguage(language.lang));
}

/** The script a Chinese text is converted to by the Simplified ⇄ Traditional toggle. */
export function otherScript(lang: string | null): 'zh-Hans' | 'zh-Hant' {
  return lang === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant';
}
