import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../contract/limits.js';
import { UI_LOCALES } from '../../../../contract/locales.js';
import { deleteCaption, putCaption, type Video } from '../../api/video.js';
import { errorText } from '../../components/ErrorNotice.js';
import { languageName } from '../profile/languageName.js';

/** The author's caption tracks: one WebVTT file per language, added or removed before posting. */
export function CaptionsEditor({ video }: { video: Video }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [lang, setLang] = useState<string>(UI_LOCALES[0]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = (next: Video) => client.setQueryData(['video', video.id], next);

  const add = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (file.size > LIMITS.video.captionBytes) return setError(t('video.captionTooLarge', { limit: LIMITS.video.captionBytes / 1024 }));
    setBusy(true);
    try {
      save(await putCaption(video.id, lang, await file.text()));
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="captions-editor">
      <legend>{t('video.captions')}</legend>
      {video.captions.length > 0 && (
        <ul>
          {video.captions.map((c) => (
            <li key={c.lang}>
              {languageName(c.lang, i18n.language)}{' '}
              <button type="button" className="btn btn-small" onClick={() => void deleteCaption(video.id, c.lang).then(save)}>
                {t('video.removeCaption')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="captions-add">
        <label>
          {t('video.captionLanguage')}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value)}>
            {UI_LOCALES.map((l) => (
              <option key={l} value={l}>
                {languageName(l, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label className="btn btn-small">
          {busy ? t('video.addingCaption') : t('video.addCaption')}
          <input type="file" accept=".vtt,text/vtt" className="visually-hidden" disabled={busy} onChange={(e) => void add(e.target.files?.[0])} />
        </label>
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
