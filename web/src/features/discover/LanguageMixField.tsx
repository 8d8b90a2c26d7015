import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The share of Discover that may be in languages the reader does not speak (0–100 %). */
export function LanguageMixField({ value, onChange }: { value: number; onChange: (value: number) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field language-mix">
      <label htmlFor={id}>{t('discover.mixTitle')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('discover.mixHint')}
      </p>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={10}
        value={value}
        aria-describedby={`${id}-hint`}
        aria-valuetext={value === 0 ? t('discover.mixNone') : t('discover.mixValue', { value })}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output htmlFor={id}>{value === 0 ? t('discover.mixNone') : t('discover.mixValue', { value })}</output>
    </div>
  );
}
