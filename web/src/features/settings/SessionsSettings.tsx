import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listSessions, revokeSession } from '../../api/auth.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Spinner } from '../../components/Spinner.js';
import { relativeTime } from '../../format.js';

/** Devices signed in to this account; sign any of them out. */
export function SessionsSettings() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: listSessions });
  const revoke = useMutation({
    mutationFn: revokeSession,
    onSuccess: () => client.invalidateQueries({ queryKey: ['sessions'] }),
  });
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('settings.sessions')}</h2>
      {sessions.isPending ? (
        <Spinner />
      ) : sessions.isError ? (
        <ErrorNotice error={sessions.error} />
      ) : (
        <ul className="session-list">
          {sessions.data.map((s) => (
            <li key={s.id}>
              <div>
                <div className="ua">{s.userAgent || t('settings.unknownDevice')}</div>
                <div className="hint">
                  {s.current ? t('settings.currentSession') : t('settings.lastSeen', { when: relativeTime(s.lastSeenAt, i18n.language) })}
                </div>
              </div>
              {!s.current && (
                <button type="button" className="btn btn-small" onClick={() => revoke.mutate(s.id)}>
                  {t('settings.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
