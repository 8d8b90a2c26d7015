/**
 * The translation port as the context holds it: the configured remote provider (or none), the
 * always-available gloss, the language detector and the learner aids, built once per context.
 * The dictionary, jieba, pinyin-pro, opencc and eld load lazily, on first use.
 */
import type { TranslationConfig } from '../../config.js';
import { LanguageDetector } from './detect-language.js';
import { LearnerAids } from './learner-aids.js';
import { DeeplProvider } from './providers/deepl.js';
import { GlossProvider } from './providers/gloss.js';
import { LibreTranslateProvider } from './providers/libretranslate.js';
import { OpenAiProvider } from './providers/openai.js';
import type { TranslationProvider } from './providers/provider.js';

export class Translator {
  readonly aids = new LearnerAids();
  readonly detector = new LanguageDetector(this.aids);
  readonly gloss = new GlossProvider(this.aids);
  /** null when the operator chose the gloss only. */
  readonly provider: TranslationProvider | null;

  constructor(config: TranslationConfig) {
    this.provider = createProvider(config);
  }
}

export function createProvider(config: TranslationConfig): TranslationProvider | null {
  const policy = { timeoutMs: config.timeoutMs, concurrency: config.concurrency };
  if (config.provider === 'deepl' && config.deepl) return new DeeplProvider(config.deepl, policy);
  if (config.provider === 'libretranslate' && config.libretranslate) return new LibreTranslateProvider(config.libretranslate, policy);
  if (config.provider === 'openai' && config.openai) return new OpenAiProvider(config.openai, policy);
  return null;
}
