import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorNotice, errorText } from '../components/ErrorNotice.js';
import { Spinner } from '../components/Spinner.js';
import { RequireAuth } from '../features/auth/RequireAuth.js';
import { useMe } from '../features/auth/useMe.js';
import { ConversationView } from '../features/chat/ConversationView.js';
import { useLive } from '../features/chat/live.js';
import { createRoom, fetchRooms } from '../features/corner/corner.api.js';
import '../features/chat/chat.css';
import { useDocumentTitle } from '../useDocumentTitle.js';

export default function RoomsPage() {
  return (
    <RequireAuth>
      <Rooms />
    </RequireAuth>
  );
}

function Rooms() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe().data;
  const live = useLive();
  useDocumentTitle(t('corner.rooms'));
  if (!me) return <Spinner />;
  return (
    <div className={`chat-layout ${id ? 'has-open' : ''}`}>
      <RoomList openId={id ?? null} />
      <div className="chat-main">
        {id ? (
          <>
            <Link to="/corner" className="chat-back">
              ← {t('corner.allRooms')}
            </Link>
            <ConversationView key={id} conversationId={id} live={live} meId={me.id} />
          </>
        ) : (
          <p className="empty chat-placeholder">{t('corner.roomsIntro')}</p>
        )}
      </div>
    </div>
  );
}

function RoomList({ openId }: { openId: string | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const rooms = useQuery({ queryKey: ['rooms'], queryFn: fetchRooms });
  const [title, setTitle] = useState('');
  const [topic, setTopic] = useState('');
  const create = useMutation({
    mutationFn: () => createRoom(title, topic),
    onSuccess: (room) => {
      void client.invalidateQueries({ queryKey: ['rooms'] });
      setTitle('');
      setTopic('');
      navigate(`/corner/${room.id}`);
    },
  });
  return (
    <aside className="chat-list" aria-label={t('corner.rooms')}>
      <div className="page-head">
        <h1>{t('corner.rooms')}</h1>
        <Link to="/partners" className="btn btn-small">
          {t('corner.partners')}
        </Link>
      </div>
      <form
        className="chat-new room-new"
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim()) create.mutate();
        }}
      >
        <label>
          {t('corner.roomTitle')}
          <input value={title} placeholder={t('corner.roomTitlePlaceholder')} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('corner.roomTopic')}
          <input value={topic} onChange={(e) => setTopic(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-small">
          {t('corner.createRoom')}
        </button>
        {create.isError && (
          <p className="form-error" role="alert">
            {errorText(create.error, t)}
          </p>
        )}
      </form>
      {rooms.isPending ? (
        <Spinner />
      ) : rooms.isError ? (
        <ErrorNotice error={rooms.error} />
      ) : rooms.data.items.length === 0 ? (
        <p className="empty">{t('corner.noRooms')}</p>
      ) : (
        <ul className="conversation-list">
          {rooms.data.items.map((r) => (
            <li key={r.id}>
              <Link to={`/corner/${r.id}`} className={`conversation-row ${r.id === openId ? 'open' : ''}`} aria-current={r.id === openId ? 'page' : undefined}>
                <span className="conversation-row-text">
                  <span className="conversation-name">{r.title}</span>
                  <span className="conversation-last">{r.topic}</span>
                </span>
                <span className="conversation-count">{t('chat.members', { count: r.memberCount })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
