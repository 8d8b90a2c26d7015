import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deletePhrase, fetchChatSettings, fetchPhrasebook, saveChatSettings } from './chat.api.js';

/** The viewer's saved phrases, newest first. */
export function Phrasebook() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['phrasebook'], queryFn: fetchPhrasebook });
  const remove = useMutation({ mutationFn: deletePhrase, onSuccess: () => void client.invalidateQueries({ queryKey: ['phrasebook'] }) });
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="phrasebook-title">
      <h2 id="phrasebook-title">{t('chat.phrasebook')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('chat.phrasebookEmpty')}</p>
      ) : (
        <ul className="phrase-list">
          {items.map((p) => (
            <li key={p.id}>
              <span>
                {p.text}
                {p.translation && <small> — {p.translation}</small>}
              </span>
              <button type="button" className="link-btn" onClick={() => remove.mutate(p.id)}>
                {t('common.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Who may message me". */
export function ChatSettingsCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['chat-settings'], queryFn: fetchChatSettings });
  const save = useMutation({ mutationFn: saveChatSettings, onSuccess: (data) => client.setQueryData(['chat-settings'], data) });
  if (!settings.data) return null;
  return (
    <section className="card" aria-labelledby="chat-settings-title">
      <h2 id="chat-settings-title">{t('chat.settings')}</h2>
      <label>
        {t('chat.whoMayMessage')}
        <select
          value={settings.data.whoMayMessage}
          onChange={(e) => save.mutate({ whoMayMessage: e.target.value as 'everyone' | 'following' | 'nobody' })}
        >
          <option value="everyone">{t('chat.whoEveryone')}</option>
          <option value="following">{t('chat.whoFollowing')}</option>
          <option value="nobody">{t('chat.whoNobody')}</option>
        </select>
      </label>
      {save.isSuccess && <span role="status">{t('common.saved')}</span>}
    </section>
  );
}
