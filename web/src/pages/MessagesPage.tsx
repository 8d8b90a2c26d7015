import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Avatar } from '../components/Avatar.js';
import { ErrorNotice, errorText } from '../components/ErrorNotice.js';
import { Spinner } from '../components/Spinner.js';
import { RequireAuth } from '../features/auth/RequireAuth.js';
import { useMe } from '../features/auth/useMe.js';
import { type Conversation, fetchConversations, startConversation } from '../features/chat/chat.api.js';
import { ConversationView } from '../features/chat/ConversationView.js';
import { type Live, useLive } from '../features/chat/live.js';
import '../features/chat/chat.css';
import { useDocumentTitle } from '../useDocumentTitle.js';

export default function MessagesPage() {
  return (
    <RequireAuth>
      <Messages />
    </RequireAuth>
  );
}

function Messages() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe().data;
  const live = useLive();
  useDocumentTitle(t('chat.title'));
  if (!me) return <Spinner />;
  return (
    <div className={`chat-layout ${id ? 'has-open' : ''}`}>
      <ConversationList live={live} openId={id ?? null} />
      <div className="chat-main">
        {id ? (
          <>
            <Link to="/messages" className="chat-back">
              ← {t('chat.allConversations')}
            </Link>
            <ConversationView key={id} conversationId={id} live={live} meId={me.id} />
          </>
        ) : (
          <p className="empty chat-placeholder">{t('chat.pickOne')}</p>
        )}
      </div>
    </div>
  );
}

function ConversationList({ live, openId }: { live: Live; openId: string | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [folder, setFolder] = useState<'inbox' | 'requests'>('inbox');
  const list = useQuery({ queryKey: ['conversations', folder], queryFn: () => fetchConversations(folder) });
  // Any new message or reconnect may reorder the list or change unread counts.
  useEffect(
    () =>
      live.subscribe((frame) => {
        if (frame.type === 'message' || frame.type === 'resumed') void client.invalidateQueries({ queryKey: ['conversations'] });
      }),
    [live, client],
  );
  return (
    <aside className="chat-list" aria-label={t('chat.conversations')}>
      <div className="page-head">
        <h1>{t('chat.title')}</h1>
        <Link to="/partners" className="btn btn-small">
          {t('corner.partners')}
        </Link>
        <Link to="/corner" className="btn btn-small">
          {t('corner.rooms')}
        </Link>
      </div>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('chat.folders')}</legend>
        {(['inbox', 'requests'] as const).map((f) => (
          <button key={f} type="button" className="chip" aria-pressed={folder === f} onClick={() => setFolder(f)}>
            {t(f === 'inbox' ? 'chat.inbox' : 'chat.requests')}
          </button>
        ))}
      </fieldset>
      <NewChat />
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="empty">{t(folder === 'inbox' ? 'chat.emptyInbox' : 'chat.emptyRequests')}</p>
      ) : (
        <ul className="conversation-list">
          {list.data.items.map((c) => (
            <ConversationRow key={c.id} c={c} open={c.id === openId} />
          ))}
        </ul>
      )}
    </aside>
  );
}

function ConversationRow({ c, open }: { c: Conversation; open: boolean }) {
  const { t } = useTranslation();
  const other = c.members[0];
  const name = c.kind === 'direct' ? (other?.displayName || other?.handle) ?? '' : c.title || c.members.map((m) => m.displayName).join(', ');
  return (
    <li>
      <Link to={`/messages/${c.id}`} className={`conversation-row ${open ? 'open' : ''}`} aria-current={open ? 'page' : undefined}>
        {other && <Avatar user={other} size={40} />}
        <span className="conversation-row-text">
          <span className="conversation-name">{name}</span>
          <span className="conversation-last">{c.lastMessage?.body || (c.lastMessage ? t('chat.attachment') : '')}</span>
        </span>
        {c.viewer.unread > 0 && (
          <>
            <span className="badge" aria-hidden="true">
              {c.viewer.unread > 99 ? '99+' : c.viewer.unread}
            </span>
            <span className="visually-hidden">{t('chat.unread', { count: c.viewer.unread })}</span>
          </>
        )}
        {c.viewer.muted && <span className="conversation-muted">{t('chat.muted')}</span>}
      </Link>
    </li>
  );
}

function NewChat() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [handle, setHandle] = useState('');
  const [error, setError] = useState('');
  return (
    <form
      className="chat-new"
      onSubmit={(e) => {
        e.preventDefault();
        if (!handle.trim()) return;
        setError('');
        startConversation([handle.trim()])
          .then((c) => navigate(`/messages/${c.id}`))
          .catch((err) => setError(errorText(err, t)));
      }}
    >
      <label htmlFor="chat-new-handle" className="visually-hidden">
        {t('chat.newChatLabel')}
      </label>
      <input id="chat-new-handle" value={handle} placeholder={t('chat.newChatPlaceholder')} onChange={(e) => setHandle(e.target.value)} />
      <button type="submit" className="btn btn-small">
        {t('chat.newChat')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
