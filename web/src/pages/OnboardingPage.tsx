import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { updateMe } from '../api/auth.js';
import { FEED_PREFERENCES_KEY, updateFeedPreferences } from '../api/discover.js';
import type { LanguageEntry } from '../api/types.js';
import { errorText } from '../components/ErrorNotice.js';
import { RequireAuth } from '../features/auth/RequireAuth.js';
import { ME_KEY, useMe } from '../features/auth/useMe.js';
import { LanguageMixField } from '../features/discover/LanguageMixField.js';
import { LanguagesEditor } from '../features/profile/LanguagesEditor.js';
import { LIMITS } from '../../../contract/limits.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
import '../features/profile/profile.css';

const INTERESTS = ['food', 'travel', 'fashion', 'beauty', 'fitness', 'study', 'tech', 'pets', 'music', 'art', 'film', 'home', 'language', 'games'];
const RULES = [1, 2, 3, 4, 5] as const;

export default function OnboardingPage() {
  return (
    <RequireAuth>
      <Onboarding />
    </RequireAuth>
  );
}

function Onboarding() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const navigate = useNavigate();
  const client = useQueryClient();
  const [languages, setLanguages] = useState<LanguageEntry[]>(me.languages);
  const [interests, setInterests] = useState<string[]>(me.interests);
  const [otherLanguageShare, setOtherLanguageShare] = useState<number>(LIMITS.discover.defaultOtherLanguageShare);
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(t('onboarding.title'));

  const save = useMutation({
    mutationFn: async () => {
      const next = await updateMe({ languages, interests, onboarded: true });
      return { next, prefs: await updateFeedPreferences({ otherLanguageShare }) };
    },
    onSuccess: ({ next, prefs }) => {
      client.setQueryData(ME_KEY, next);
      client.setQueryData(FEED_PREFERENCES_KEY, prefs);
      navigate('/', { replace: true });
    },
    onError: (e) => setError(errorText(e, t)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    save.mutate();
  };

  return (
    <form className="medium" onSubmit={submit}>
      <h1>{t('onboarding.title')}</h1>
      <p className="hint">{t('onboarding.intro')}</p>
      <section className="card">
        <LanguagesEditor kind="native" value={languages} onChange={setLanguages} />
        <LanguagesEditor kind="learning" value={languages} onChange={setLanguages} />
        <LanguageMixField value={otherLanguageShare} onChange={setOtherLanguageShare} />
      </section>
      <section className="card" aria-labelledby="interests-title">
        <h2 id="interests-title">{t('onboarding.interests')}</h2>
        <p className="hint">{t('onboarding.interestsHint')}</p>
        <div className="interest-grid">
          {INTERESTS.map((key) => (
            <button
              type="button"
              key={key}
              className="chip"
              aria-pressed={interests.includes(key)}
              onClick={() => setInterests((s) => (s.includes(key) ? s.filter((x) => x !== key) : [...s, key]))}
            >
              {t(`interests.${key}`)}
            </button>
          ))}
        </div>
      </section>
      <section className="card" aria-labelledby="rules-title">
        <h2 id="rules-title">{t('onboarding.rulesTitle')}</h2>
        <ol className="rules">
          {RULES.map((n) => (
            <li key={n}>{t(`onboarding.rules${n}`)}</li>
          ))}
        </ol>
        {/* moderation (issue 7): the published, versioned rules every decision cites. */}
        <p>
          <Link to="/rules" target="_blank">
            {t('moderation.readRules')}
          </Link>
        </p>
        <label className="check">
          <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
          {t('onboarding.agree')}
        </label>
      </section>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-block" disabled={!agreed || save.isPending}>
        {t('onboarding.finish')}
      </button>
    </form>
  );
}
