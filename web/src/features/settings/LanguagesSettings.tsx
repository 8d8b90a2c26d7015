import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateMe } from '../../api/auth.js';
import type { LanguageEntry, Me } from '../../api/types.js';
import { errorText } from '../../components/ErrorNotice.js';
import { LanguagesEditor } from '../profile/LanguagesEditor.js';
import { ME_KEY } from '../auth/useMe.js';

/** Languages spoken and learning, with levels. */
export function LanguagesSettings({ me }: { me: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [languages, setLanguages] = useState<LanguageEntry[]>(me.languages);
  const [status, setStatus] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => updateMe({ languages }),
    onSuccess: (next) => {
      client.setQueryData(ME_KEY, next);
      setStatus(t('common.saved'));
    },
    onError: (e) => setStatus(errorText(e, t)),
  });
  return (
    <section className="card" aria-labelledby="languages-settings-title">
      <h2 id="languages-settings-title">{t('settings.languages')}</h2>
      <LanguagesEditor kind="native" value={languages} onChange={setLanguages} />
      <LanguagesEditor kind="learning" value={languages} onChange={setLanguages} />
      <button type="button" className="btn btn-primary" disabled={save.isPending} onClick={() => save.mutate()}>
        {t('common.save')}
      </button>{' '}
      {status && <span role="status">{status}</span>}
    </section>
  );
}
