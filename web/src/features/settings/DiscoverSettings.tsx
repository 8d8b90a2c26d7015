import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEED_PREFERENCES_KEY, type FeedPreferences, fetchFeedPreferences, updateFeedPreferences } from '../../api/discover.js';
import { errorText } from '../../components/ErrorNotice.js';
import { LanguageMixField } from '../discover/LanguageMixField.js';

/** Discover's order (ranked or chronological) and its share of notes in other languages. */
export function DiscoverSettings() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const saved = useQuery({ queryKey: FEED_PREFERENCES_KEY, queryFn: fetchFeedPreferences });
  const [prefs, setPrefs] = useState<FeedPreferences | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (saved.data && !prefs) setPrefs(saved.data);
  }, [saved.data, prefs]);
  const save = useMutation({
    mutationFn: () => updateFeedPreferences(prefs!),
    onSuccess: (next) => {
      client.setQueryData(FEED_PREFERENCES_KEY, next);
      void client.resetQueries({ queryKey: ['feed'] });
      setStatus(t('common.saved'));
    },
    onError: (e) => setStatus(errorText(e, t)),
  });
  if (!prefs) return null;
  return (
    <section className="card" aria-labelledby="discover-settings-title">
      <h2 id="discover-settings-title">{t('discover.settingsTitle')}</h2>
      <fieldset className="segmented">
        <legend>{t('discover.modeTitle')}</legend>
        {(['for_you', 'chronological'] as const).map((mode) => (
          <label className="chip" key={mode}>
            <input type="radio" name="discover-mode" checked={prefs.mode === mode} onChange={() => setPrefs({ ...prefs, mode })} />
            {mode === 'for_you' ? t('discover.forYou') : t('discover.latest')}
          </label>
        ))}
      </fieldset>
      <LanguageMixField value={prefs.otherLanguageShare} onChange={(v) => setPrefs({ ...prefs, otherLanguageShare: v })} />
      <button type="button" className="btn btn-primary" disabled={save.isPending} onClick={() => save.mutate()}>
        {t('common.save')}
      </button>{' '}
      {status && <span role="status">{status}</span>}
    </section>
  );
}
