import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Content labelled sensitive: blurred until the reader chooses to see it. */
export function Sensitive({ sensitive, children }: { sensitive: boolean | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  if (!sensitive || shown) return <>{children}</>;
  return (
    <div className="sensitive">
      <div className="sensitive-blur" aria-hidden="true" inert>
        {children}
      </div>
      <div className="sensitive-cover">
        <p>{t('moderation.sensitive')}</p>
        <button type="button" className="btn btn-small" onClick={() => setShown(true)}>
          {t('moderation.reveal')}
        </button>
      </div>
    </div>
  );
}
