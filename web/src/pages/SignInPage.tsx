import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { signIn } from '../api/auth.js';
import { Field } from '../components/Field.js';
import { useFormErrors } from '../features/auth/useFormErrors.js';
import { useSignedIn } from '../features/auth/useSignedIn.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
import './auth.css';

/** Only same-site paths: a crafted ?next= cannot send people elsewhere. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signedIn = useSignedIn();
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('nav.signIn'));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    errors.clear();
    setBusy(true);
    try {
      const me = await signIn({ login: String(form.get('login')).trim(), password: String(form.get('password')) });
      await signedIn(me, true);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      errors.fromError(error, ['login', 'password']);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth-page narrow">
      <div className="auth-hero" aria-hidden="true">
        跨岸
      </div>
      <h1>{t('auth.signInTitle')}</h1>
      {params.get('next') && <p className="hint">{t('auth.needSignIn')}</p>}
      <form className="card" onSubmit={submit} noValidate>
        <Field label={t('auth.login')} name="login" autoComplete="username" required error={errors.field('login')} />
        <Field
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.field('password')}
        />
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {t('auth.signInButton')}
        </button>
      </form>
      <p className="auth-switch">
        {t('auth.noAccount')} <Link to="/sign-up">{t('nav.signUp')}</Link>
      </p>
    </div>
  );
}
