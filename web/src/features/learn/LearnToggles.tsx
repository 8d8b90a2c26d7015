import { useTranslation } from 'react-i18next';
import type { LearnerView } from './useLearnerView.js';

/** The pinyin and Simplified ⇄ Traditional toggles, for a text that has Chinese in it. */
export function LearnToggles({ view, className = 'tool-btn' }: { view: LearnerView; className?: string }) {
  const { t } = useTranslation();
  if (!view.chinese) return null;
  return (
    <>
      <button type="button" className={className} aria-pressed={view.pinyin} onClick={view.togglePinyin}>
        {t('learn.pinyin')}
      </button>
      <button type="button" className={className} aria-pressed={view.converted} onClick={view.toggleConverted}>
        {view.target === 'zh-Hant' ? t('learn.traditional') : t('learn.simplified')}
      </button>
    </>
  );
}
