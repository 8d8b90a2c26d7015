import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { passage } from '../actions.service.js';
import type { Fields, Finding } from './types.js';

/**
 * Words of obscenity's English dataset that are slurs against a group (rule "hate", higher
 * confidence); the rest is profanity (rule "harassment", lower confidence, so by default a label).
 */
const SLURS = new Set(['nigger', 'chink', 'faggot', 'retard', 'kike', 'spic', 'tranny', 'gook', 'coon', 'wetback', 'dyke']);

/** English profanity and slurs with obscenity; offsets are UTF-16, end exclusive. */
export class EnglishTextCheck {
  private matcher: RegExpMatcher | null = null;

  run(fields: Fields): Finding[] {
    this.matcher ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
    const byRule = new Map<string, Finding>();
    for (const [field, text] of Object.entries(fields)) {
      if (!text) continue;
      for (const m of this.matcher.getAllMatches(text, true)) {
        const word = englishDataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ?? '';
        const slur = SLURS.has(word.toLowerCase());
        const ruleId = slur ? 'hate' : 'harassment';
        const f = byRule.get(ruleId) ?? { check: 'obscenity', ruleId, confidence: slur ? 0.9 : 0.6, evidence: [] };
        f.evidence.push(passage(field, text, m.startIndex, m.endIndex + 1));
        byRule.set(ruleId, f);
      }
    }
    return [...byRule.values()];
  }
}
