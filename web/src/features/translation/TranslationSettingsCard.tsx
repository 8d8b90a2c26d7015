import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/ErrorNotice.js';
import { pinyinByDefault, setPinyinByDefault } from '../learn/pinyin-default.js';
import { languageName } from '../profile/languageName.js';
import { fetchTranslationSettings, saveTranslationSettings, type TranslationSettings } from './translation.api.js';
import { TRANSLATION_SETTINGS_KEY } from './useReader.js';

/** Offered as "languages I read"; tags the server stored that are not here are kept and shown too. */
const READ_CHOICES = ['en', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'es', 'fr', 'de', 'pt', 'ru', 'vi', 'th', 'id', 'it'];

/** Auto-translate, languages I read (saved to the account) and pinyin by default (this device). */
export function TranslationSettingsCard() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: TRANSLATION_SETTINGS_KEY, queryFn: fetchTranslationSettings });
  return (
    <section className="card" aria-labelledby="translation-settings-title">
      <h2 id="translation-settings-title">{t('settings.translation')}</h2>
      {settings.data ? <SettingsForm initial={settings.data} /> : settings.isError ? <p role="alert">{errorText(settings.error, t)}</p> : null}
      {!settings.data && !settings.isError && <p className="hint">{t('common.loading')}</p>}
    </section>
  );
}

function SettingsForm({ initial }: { initial: TranslationSettings }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [auto, setAuto] = useState(initial.autoTranslate);
  const [reads, setReads] = useState<string[]>(initial.readLanguages);
  const [pinyin, setPinyin] = useState(pinyinByDefault());
  const [status, setStatus] = useState<string | null>(null);
  const choices = [...READ_CHOICES, ...initial.readLanguages.filter((l) => !READ_CHOICES.includes(l))];
  const save = useMutation({
    mutationFn: () => saveTranslationSettings({ autoTranslate: auto, readLanguages: reads }),
    onSuccess: (next) => {
      client.setQueryData(TRANSLATION_SETTINGS_KEY, next);
      setPinyinByDefault(pinyin);
      setStatus(t('common.saved'));
    },
    onError: (e) => setStatus(errorText(e, t)),
  });

  return (
    <>
      <label className="check">
        <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} aria-describedby="auto-translate-hint" />
        {t('settings.autoTranslate')}
      </label>
      <p id="auto-translate-hint" className="hint">
        {t('settings.autoTranslateHint')}
      </p>
      <fieldset className="segmented read-languages">
        <legend>{t('settings.readLanguages')}</legend>
        {choices.map((lang) => (
          <label className="chip" key={lang}>
            <input
              type="checkbox"
              checked={reads.includes(lang)}
              onChange={(e) => setReads((r) => (e.target.checked ? [...r, lang] : r.filter((x) => x !== lang)))}
            />
            <span lang={lang}>{languageName(lang, i18n.language)}</span>
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={pinyin} onChange={(e) => setPinyin(e.target.checked)} aria-describedby="pinyin-default-hint" />
        {t('settings.pinyinByDefault')}
      </label>
      <p id="pinyin-default-hint" className="hint">
        {t('settings.pinyinByDefaultHint')}
      </p>
      <button type="button" className="btn btn-primary" disabled={save.isPending} onClick={() => save.mutate()}>
        {t('common.save')}
      </button>{' '}
      {status && <span role="status">{status}</span>}
    </>
  );
}
