import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http.js';

/** A failure in words the person can act on: the server's localized detail when it sent one. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-notice" role="alert">
      <p>{errorText(error, t)}</p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function errorText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError) {
    if (error.code === 'network_error') return t('common.network');
    if (error.detail) return error.detail;
  }
  return t('common.error');
}
