/**
 * The built-in, offline "provider": a word-by-word gloss between Chinese and English from CC-CEDICT.
 * It is never a translation and is labelled as such, but it is always there — when no provider is
 * configured, and when the configured one fails.
 */
import type { ChineseScript, LearnerAids } from '../learner-aids.js';

const isChinese = (tag: string) => tag === 'zh' || tag.startsWith('zh-');

export class GlossProvider {
  readonly name = 'gloss' as const;

  constructor(private readonly aids: LearnerAids) {}

  /** True when the gloss can say something for this pair (Chinese ⇄ English). */
  supports(source: string | null, target: string): boolean {
    const from = source ?? 'und';
    return (isChinese(from) && target === 'en') || (from === 'en' && isChinese(target));
  }

  /** Glosses each text; null for a text whose language pair the dictionary cannot cover. */
  async gloss(texts: string[], source: string | null, target: string): Promise<Array<string | null>> {
    return Promise.all(
      texts.map(async (text) => {
        if (!this.supports(source, target)) return null;
        if (target === 'en') return this.aids.glossChineseToEnglish(text);
        return this.aids.glossEnglishToChinese(text, target as ChineseScript);
      }),
    );
  }
}
