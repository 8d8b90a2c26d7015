import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../contract/limits.js';
import { updateMe } from '../../api/auth.js';
import type { Me } from '../../api/types.js';
import { uploadImage } from '../../api/upload.js';
import { Avatar } from '../../components/Avatar.js';
import { Field } from '../../components/Field.js';
import { useFormErrors } from '../auth/useFormErrors.js';
import { ME_KEY } from '../auth/useMe.js';

/** Display name, bio and avatar. */
export function ProfileSettings({ me }: { me: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const errors = useFormErrors();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [bio, setBio] = useState(me.bio);
  const [saved, setSaved] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);

  const save = useMutation({
    mutationFn: (input: Parameters<typeof updateMe>[0]) => updateMe(input),
    onSuccess: (next) => {
      client.setQueryData(ME_KEY, next);
      void client.invalidateQueries({ queryKey: ['profile', next.handle] });
      setSaved(true);
    },
    onError: (e) => errors.fromError(e, ['displayName', 'bio', 'avatarMediaId']),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    errors.clear();
    setSaved(false);
    save.mutate({ displayName, bio });
  };
  const onAvatar = async (file: File | undefined) => {
    if (!file) return;
    errors.clear();
    try {
      const image = await uploadImage(file, setProgress);
      save.mutate({ avatarMediaId: image.id });
    } catch (e) {
      errors.fromError(e, []);
    } finally {
      setProgress(null);
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="profile-settings-title">
      <h2 id="profile-settings-title">{t('settings.profile')}</h2>
      <div className="field">
        <span className="field-label">{t('settings.avatar')}</span>
        <div className="language-add">
          <Avatar user={me} size={56} />
          <label className="btn btn-small">
            {t('settings.changeAvatar')}
            <input type="file" accept="image/*" className="visually-hidden" onChange={(e) => void onAvatar(e.target.files?.[0])} />
          </label>
          {progress !== null && <progress max={1} value={progress} aria-label={t('settings.changeAvatar')} />}
        </div>
      </div>
      <Field
        label={t('auth.displayName')}
        value={displayName}
        maxLength={LIMITS.displayName.max}
        onChange={(e) => setDisplayName(e.target.value)}
        error={errors.field('displayName')}
      />
      <div className="field">
        <label htmlFor="settings-bio">{t('settings.bio')}</label>
        <textarea id="settings-bio" value={bio} onChange={(e) => setBio(e.target.value)} rows={3} />
        <span className={`counter ${[...bio].length > LIMITS.bio.max ? 'over' : ''}`}>
          {t('composer.counter', { used: [...bio].length, max: LIMITS.bio.max })}
        </span>
        {errors.field('bio') && <span className="field-error">{errors.field('bio')}</span>}
      </div>
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={save.isPending}>
        {t('common.save')}
      </button>{' '}
      {saved && <span role="status">{t('common.saved')}</span>}
    </form>
  );
}
