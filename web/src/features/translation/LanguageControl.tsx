import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentLanguage } from '../../api/notes.js';
import { errorText } from '../../components/ErrorNotice.js';
import { languageName } from '../profile/languageName.js';

/** Languages offered when an author corrects the detected one, each named in itself (a reader finds their own). */
export const COMMON_LANGUAGES: ReadonlyArray<readonly [tag: string, name: string]> = [
  ['en', 'English'],
  ['zh-Hans', '简体中文'],
  ['zh-Hant', '繁體中文'],
  ['ja', '日本語'],
  ['ko', '한국어'],
  ['es', 'Español'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
  ['pt', 'Português'],
  ['it', 'Italiano'],
  ['ru', 'Русский'],
  ['vi', 'Tiếng Việt'],
  ['th', 'ไทย'],
  ['id', 'Bahasa Indonesia'],
];

interface Props {
  /** Query key for the stored language (with its source). */
  queryKey: readonly unknown[];
  fetch: () => Promise<ContentLanguage>;
  save: (body: { lang: string; mixed: boolean }) => Promise<ContentLanguage>;
  /** What the DTO says until the language endpoint answers. */
  lang: string | null;
  mixed: boolean;
  onSaved: (value: ContentLanguage) => void;
  className?: string;
  /** Ask who set the language only when the form opens (comments: one request per comment is too many). */
  lazy?: boolean;
}

/** "Language: Simplified Chinese · detected  [Change]" for the author, who may correct it. */
export function LanguageControl({ queryKey, fetch, save, lang, mixed, onSaved, className, lazy }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const stored = useQuery({ queryKey, queryFn: fetch, staleTime: 60_000, enabled: !lazy || editing });
  const current: ContentLanguage = stored.data ?? { lang, mixed, source: null };
  const [choice, setChoice] = useState({ lang: current.lang ?? 'en', mixed: current.mixed });
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: (value) => {
      onSaved(value);
      setEditing(false);
    },
  });

  const name = current.lang ? languageName(current.lang, i18n.language) : t('language.unknown');
  const source = current.source === 'author' ? t('language.setByAuthor') : current.source === 'detected' ? t('language.detected') : null;
  const options = COMMON_LANGUAGES.some(([tag]) => tag === choice.lang)
    ? COMMON_LANGUAGES
    : [[choice.lang, languageName(choice.lang, i18n.language)] as const, ...COMMON_LANGUAGES];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(choice);
  };

  return (
    <div className={`language-control ${className ?? ''}`}>
      <p className="language-line">
        <span>
          {t('language.label', { name })}
          {current.mixed && ` · ${t('language.mixedShort')}`}
          {source && ` · ${source}`}
        </span>{' '}
        <button
          type="button"
          className="link-button"
          aria-expanded={editing}
          aria-controls={editing ? `${id}-form` : undefined}
          onClick={() => {
            setChoice({ lang: current.lang ?? 'en', mixed: current.mixed });
            mutation.reset();
            setEditing((on) => !on);
          }}
        >
          {t('language.change')}
        </button>
      </p>
      {editing && (
        <form id={`${id}-form`} className="language-form" onSubmit={submit} aria-label={t('language.formLabel')}>
          <label htmlFor={`${id}-lang`}>{t('language.select')}</label>
          <select id={`${id}-lang`} value={choice.lang} onChange={(e) => setChoice((c) => ({ ...c, lang: e.target.value }))}>
            {options.map(([tag, label]) => (
              <option key={tag} value={tag} lang={tag}>
                {label}
              </option>
            ))}
          </select>
          <label className="check">
            <input type="checkbox" checked={choice.mixed} onChange={(e) => setChoice((c) => ({ ...c, mixed: e.target.checked }))} />
            {t('language.mixed')}
          </label>
          <div className="language-actions">
            <button type="submit" className="btn btn-small btn-primary" disabled={mutation.isPending}>
              {t('common.save')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
          {mutation.isError && (
            <p className="field-error" role="alert">
              {errorText(mutation.error, t)}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
