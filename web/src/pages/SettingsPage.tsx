import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { signOut } from '../api/auth.js';
import { RequireAuth } from '../features/auth/RequireAuth.js';
import { ME_KEY, useMe } from '../features/auth/useMe.js';
import { AppearanceSettings } from '../features/settings/AppearanceSettings.js';
import { DiscoverSettings } from '../features/settings/DiscoverSettings.js';
import { LanguagesSettings } from '../features/settings/LanguagesSettings.js';
import { PasswordSettings } from '../features/settings/PasswordSettings.js';
import { ProfileSettings } from '../features/settings/ProfileSettings.js';
import { SessionsSettings } from '../features/settings/SessionsSettings.js';
import { TranslationSettingsCard } from '../features/translation/TranslationSettingsCard.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
// moderation (issue 7)
import { SafetySettings } from '../features/moderation/SafetySettings.js';
import '../features/profile/profile.css';

/** Settings: appearance works signed out too; the rest needs an account. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('settings.title'));
  return (
    <div className="medium">
      <h1>{t('settings.title')}</h1>
      <AppearanceSettings />
      {me.data !== null && (
        <RequireAuth>
          <AccountSettings />
        </RequireAuth>
      )}
      {/* moderation (issue 7): the rules and the figures are public, signed in or not */}
      <p className="hint">
        <Link to="/rules">{t('moderation.rulesTitle')}</Link> · <Link to="/transparency">{t('moderation.transparencyTitle')}</Link>
      </p>
    </div>
  );
}

function AccountSettings() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <>
      <ProfileSettings me={me} />
      <LanguagesSettings me={me} />
      <TranslationSettingsCard />
      <DiscoverSettings />
      <SafetySettings />
      <PasswordSettings />
      <SessionsSettings />
      <button
        type="button"
        className="btn btn-block"
        onClick={async () => {
          await signOut().catch(() => undefined);
          client.clear();
          client.setQueryData(ME_KEY, null);
          navigate('/', { replace: true });
        }}
      >
        {t('nav.signOut')}
      </button>
    </>
  );
}
