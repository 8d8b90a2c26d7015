import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../contract/limits.js';
import type { LanguageEntry } from '../../api/types.js';
import { CloseIcon } from '../../components/Icons.js';
import { languageName } from './languageName.js';

/** Languages offered in the picker; anything else can still arrive from the server and is shown. */
export const LANGUAGE_CHOICES = ['en', 'zh', 'yue', 'ja', 'ko', 'es', 'fr', 'de', 'pt', 'ru', 'vi', 'th', 'id', 'ar', 'hi', 'it'];
const LEVELS = [1, 2, 3, 4, 5] as const;

interface Props {
  kind: 'native' | 'learning';
  value: LanguageEntry[];
  onChange: (next: LanguageEntry[]) => void;
}

/** Add and remove spoken or learning languages; learning ones carry a level from 1 to 5. */
export function LanguagesEditor({ kind, value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const mine = value.filter((l) => l.kind === kind);
  const others = value.filter((l) => l.kind !== kind);
  const taken = new Set(value.map((l) => l.lang));
  const firstFree = LANGUAGE_CHOICES.find((c) => !taken.has(c)) ?? 'en';
  const [lang, setLang] = useState(firstFree);
  const [level, setLevel] = useState(2);
  const selected = taken.has(lang) ? firstFree : lang;

  const add = () => {
    if (taken.has(selected) || value.length >= LIMITS.languages.max) return;
    onChange([...value, { lang: selected, kind, ...(kind === 'learning' ? { level } : {}) }]);
  };

  return (
    <fieldset className="languages-editor">
      <legend className="field-label">{kind === 'native' ? t('onboarding.spoken') : t('onboarding.learning')}</legend>
      <ul className="language-list">
        {mine.map((l) => (
          <li key={l.lang} className="chip">
            <span>
              {languageName(l.lang, i18n.language)}
              {l.level ? ` · ${t(`onboarding.level${l.level}`)}` : ''}
            </span>
            <button
              type="button"
              className="chip-remove"
              aria-label={t('onboarding.removeLanguage', { name: languageName(l.lang, i18n.language) })}
              onClick={() => onChange([...others, ...mine.filter((m) => m.lang !== l.lang)])}
            >
              <CloseIcon size={14} />
            </button>
          </li>
        ))}
      </ul>
      <div className="language-add">
        <label className="visually-hidden" htmlFor={`${id}-lang`}>
          {t('onboarding.language')}
        </label>
        <select id={`${id}-lang`} className="input" value={selected} onChange={(e) => setLang(e.target.value)}>
          {LANGUAGE_CHOICES.filter((c) => !taken.has(c)).map((c) => (
            <option key={c} value={c}>
              {languageName(c, i18n.language)}
            </option>
          ))}
        </select>
        {kind === 'learning' && (
          <>
            <label className="visually-hidden" htmlFor={`${id}-level`}>
              {t('onboarding.level')}
            </label>
            <select id={`${id}-level`} className="input" value={level} onChange={(e) => setLevel(Number(e.target.value))}>
              {LEVELS.map((n) => (
                <option key={n} value={n}>
                  {t(`onboarding.level${n}`)}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="button" className="btn btn-small" onClick={add} aria-label={`${t('onboarding.add')}: ${kind === 'native' ? t('onboarding.spoken') : t('onboarding.learning')}`}>
          {t('onboarding.add')}
        </button>
      </div>
    </fieldset>
  );
}
