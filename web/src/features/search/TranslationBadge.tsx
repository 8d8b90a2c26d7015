import { useTranslation } from 'react-i18next';
import type { MatchedVia } from './search.api.js';

/** Says how a result matched when it was not by its own words: through translation, or by pinyin. */
export function MatchBadge({ via }: { via: MatchedVia }) {
  const { t } = useTranslation();
  if (via === 'text') return null;
  return (
    <span className={`match-badge match-${via}`} title={via === 'translation' ? t('search.viaTranslationHint') : t('search.viaPinyinHint')}>
      {via === 'translation' ? t('search.viaTranslation') : t('search.viaPinyin')}
    </span>
  );
}
