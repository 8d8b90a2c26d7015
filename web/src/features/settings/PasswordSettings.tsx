import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../contract/limits.js';
import { changePassword } from '../../api/auth.js';
import { Field } from '../../components/Field.js';
import { useFormErrors } from '../auth/useFormErrors.js';

export function PasswordSettings() {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    errors.clear();
    setDone(false);
    setBusy(true);
    try {
      await changePassword(String(data.get('currentPassword')), String(data.get('newPassword')));
      form.reset();
      setDone(true);
    } catch (error) {
      errors.fromError(error, ['currentPassword', 'newPassword']);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">{t('settings.password')}</h2>
      <Field
        label={t('settings.currentPassword')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={errors.field('currentPassword')}
      />
      <Field
        label={t('settings.newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={t('auth.passwordHint', { min: LIMITS.password.min })}
        error={errors.field('newPassword')}
      />
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('settings.changePassword')}
      </button>{' '}
      {done && <span role="status">{t('settings.passwordChanged')}</span>}
    </form>
  );
}
