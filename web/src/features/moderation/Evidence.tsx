import { useTranslation } from 'react-i18next';
import type { Notice } from './moderation.api.js';

type Item = Notice['evidence'][number];

/** A stable React key for a piece of evidence (its place in the text, its image or its signal). */
export const evidenceKey = (e: Item) => (e.type === 'text' ? `t:${e.field}:${e.start}:${e.end}` : e.type === 'image' ? `i:${e.mediaId}` : `s:${e.name}`);

/** One piece of evidence: the passage with the matched words highlighted (as text, never HTML), an image score or a signal. */
export function EvidenceItem({ item }: { item: Item }) {
  const { t } = useTranslation();
  if (item.type === 'text') {
    const before = item.excerpt.slice(0, item.excerptStart);
    const match = item.excerpt.slice(item.excerptStart, item.excerptEnd);
    const afterText = item.excerpt.slice(item.excerptEnd);
    return (
      <blockquote className="evidence-text">
        <span className="hint">
          {t(`moderation.field.${item.field}`, { defaultValue: item.field })}
          {t('moderation.colon')}
        </span>
        {before}
        <mark>{match}</mark>
        {afterText}
      </blockquote>
    );
  }
  if (item.type === 'image') {
    return <p className="evidence-image">{t('moderation.imageScore', { label: item.label, score: Math.round(item.score * 100) })}</p>;
  }
  return <p className="evidence-signal">{t('moderation.signal', { name: t(`moderation.signals.${item.name}`, { defaultValue: item.name }), value: item.value, limit: item.limit })}</p>;
}
