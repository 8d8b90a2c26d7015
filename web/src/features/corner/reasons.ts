import type { TFunction } from 'i18next';
import { languageName } from '../profile/languageName.js';
import type { MatchReasons } from './corner.api.js';

type T = TFunction;

const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1'];
const HSK = ['HSK 1–2', 'HSK 3', 'HSK 4', 'HSK 5', 'HSK 6'];

/** A 1–5 level with the scale learners of that language know: HSK for Chinese, CEFR otherwise. */
export function levelLabel(lang: string, level: number): string {
  const i = Math.min(Math.max(level, 1), 5) - 1;
  return lang.split('-')[0] === 'zh' ? HSK[i]! : CEFR[i]!;
}

/** "speaks 中文 natively · learning English B1 · 3 shared interests: cooking, erhu, hiking · 9 h overlap", localized. */
export function reasonParts(r: MatchReasons, t: T, uiLocale: string): string[] {
  const parts: string[] = [];
  if (r.speaksNatively.length) parts.push(t('corner.reasonSpeaks', { langs: r.speaksNatively.map((l) => languageName(l, uiLocale)).join(', ') }));
  for (const l of r.learning) parts.push(t('corner.reasonLearning', { lang: languageName(l.lang, uiLocale), level: levelLabel(l.lang, l.level) }));
  if (r.sharedInterests.length) parts.push(t('corner.reasonInterests', { count: r.sharedInterests.length, list: r.sharedInterests.join(', ') }));
  if (r.overlapHours > 0) parts.push(t('corner.reasonOverlap', { count: r.overlapHours }));
  if (r.newcomer) parts.push(t('corner.reasonNewcomer'));
  else if (r.activeRecently) parts.push(t('corner.reasonActive'));
  return parts;
}
