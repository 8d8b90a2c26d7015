import { type CountryCode, getCountries, getCountryCallingCode } from 'libphonenumber-js/min';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LIMITS } from '../../../contract/limits.js';
import { signUp } from '../api/auth.js';
import { Field } from '../components/Field.js';
import { useFormErrors } from '../features/auth/useFormErrors.js';
import { useSignedIn } from '../features/auth/useSignedIn.js';
import { currentLocale } from '../i18n/index.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
import './auth.css';

function guessCountry(): CountryCode {
  const region = navigator.language.split('-').find((p) => /^[A-Z]{2}$/.test(p));
  const all = getCountries();
  if (region && (all as string[]).includes(region)) return region as CountryCode;
  return currentLocale() === 'zh-Hant' ? 'TW' : currentLocale() === 'zh-Hans' ? 'CN' : 'US';
}

export default function SignUpPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const errors = useFormErrors();
  const [method, setMethod] = useState<'email' | 'phone'>('email');
  const [country, setCountry] = useState<CountryCode>(guessCountry);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('nav.signUp'));

  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    return getCountries()
      .map((code) => ({ code, name: names.of(code) ?? code, dial: getCountryCallingCode(code) }))
      .sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  }, [i18n.language]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const value = (k: string) => String(form.get(k) ?? '').trim();
    errors.clear();
    setBusy(true);
    try {
      const me = await signUp({
        ...(method === 'email' ? { email: value('email') } : { phone: value('phone'), country }),
        password: String(form.get('password')),
        handle: value('handle'),
        ...(value('displayName') ? { displayName: value('displayName') } : {}),
        uiLocale: currentLocale(),
      });
      await signedIn(me, false);
      navigate('/onboarding', { replace: true });
    } catch (error) {
      errors.fromError(error, ['email', 'phone', 'country', 'password', 'handle', 'displayName']);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth-page narrow">
      <div className="auth-hero" aria-hidden="true">
        跨岸
      </div>
      <h1>{t('auth.signUpTitle')}</h1>
      <p className="hint">{t('auth.signUpIntro')}</p>
      <form className="card" onSubmit={submit} noValidate>
        <fieldset className="segmented">
          <legend>{t('auth.method')}</legend>
          <label className="chip">
            <input type="radio" name="method" checked={method === 'email'} onChange={() => setMethod('email')} />
            {t('auth.email')}
          </label>
          <label className="chip">
            <input type="radio" name="method" checked={method === 'phone'} onChange={() => setMethod('phone')} />
            {t('auth.phone')}
          </label>
        </fieldset>
        {method === 'email' ? (
          <Field label={t('auth.email')} name="email" type="email" autoComplete="email" required error={errors.field('email')} />
        ) : (
          <div className="phone-row">
            <div className="field">
              <label htmlFor="signup-country">{t('auth.country')}</label>
              <select id="signup-country" value={country} onChange={(e) => setCountry(e.target.value as CountryCode)}>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} +{c.dial}
                  </option>
                ))}
              </select>
              {errors.field('country') && <span className="field-error">{errors.field('country')}</span>}
            </div>
            <Field label={t('auth.phone')} name="phone" type="tel" autoComplete="tel-national" required error={errors.field('phone')} />
          </div>
        )}
        <Field
          label={t('auth.handle')}
          name="handle"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          minLength={LIMITS.handle.min}
          maxLength={LIMITS.handle.max}
          hint={t('auth.handleHint')}
          error={errors.field('handle')}
        />
        <Field
          label={`${t('auth.displayName')} (${t('common.optional')})`}
          name="displayName"
          autoComplete="nickname"
          maxLength={LIMITS.displayName.max}
          error={errors.field('displayName')}
        />
        <Field
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={LIMITS.password.min}
          hint={t('auth.passwordHint', { min: LIMITS.password.min })}
          error={errors.field('password')}
        />
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {t('auth.signUpButton')}
        </button>
      </form>
      <p className="auth-switch">
        {t('auth.haveAccount')} <Link to="/sign-in">{t('nav.signIn')}</Link>
      </p>
    </div>
  );
}
