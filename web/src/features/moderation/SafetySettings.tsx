import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useMe } from '../auth/useMe.js';
import { fetchSafety, saveSafety, unmute } from './moderation.api.js';

/** Safety tools: who may comment on my notes, words I never want to see, accounts I muted; links to rules and notices. */
export function SafetySettings() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const safety = useQuery({ queryKey: ['safety'], queryFn: fetchSafety });
  const me = useMe().data;
  const [policy, setPolicy] = useState('everyone');
  const [words, setWords] = useState('');
  useEffect(() => {
    if (!safety.data) return;
    setPolicy(safety.data.commentPolicy);
    setWords(safety.data.keywords.join(', '));
  }, [safety.data]);
  const save = useMutation({
    mutationFn: () =>
      saveSafety({
        commentPolicy: policy,
        keywords: words
          .split(/[,，\n]/)
          .map((w) => w.trim())
          .filter(Boolean),
      }),
    onSuccess: (data) => client.setQueryData(['safety'], data),
  });
  const drop = useMutation({ mutationFn: unmute, onSuccess: () => void client.invalidateQueries({ queryKey: ['safety'] }) });
  return (
    <section className="card settings-card" aria-labelledby="safety-title">
      <h2 id="safety-title">{t('moderation.safetyTitle')}</h2>
      <p>
        <Link to="/notices">{t('moderation.noticesTitle')}</Link>
        {(me?.role === 'moderator' || me?.role === 'admin') && (
          <>
            {' · '}
            <Link to="/moderation">{t('moderation.consoleTitle')}</Link>
          </>
        )}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <label className="field">
          <span>{t('moderation.whoMayComment')}</span>
          <select aria-label={t('moderation.whoMayComment')} value={policy} onChange={(e) => setPolicy(e.target.value)}>
            <option value="everyone">{t('moderation.policy.everyone')}</option>
            <option value="following">{t('moderation.policy.following')}</option>
            <option value="nobody">{t('moderation.policy.nobody')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('moderation.keywords')}</span>
          <input value={words} onChange={(e) => setWords(e.target.value)} />
        </label>
        {save.isError && <ErrorNotice error={save.error} />}
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isSuccess ? t('common.saved') : t('common.save')}
        </button>
      </form>
      {safety.data && safety.data.muted.length > 0 && (
        <>
          <h3>{t('moderation.muted')}</h3>
          <ul>
            {safety.data.muted.map((u) => (
              <li key={u.id}>
                @{u.handle}{' '}
                <button type="button" className="btn btn-small" onClick={() => drop.mutate(u.id)}>
                  {t('moderation.unmute')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
